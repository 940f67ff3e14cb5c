import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPolicyBundle } from '@flowdesk/shared/policy';
import { createLicenseApi } from '../api/license-api';
import type { OpenedDatabase } from '../db/client';
import { auditEvents, memberships, seats, users } from '../db/schema';
import { sha256Hex } from '../license/codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../license/config';
import { decideDeviceLink } from '../license/device-links';
import { publishedKeySet } from '../license/signing-keys';
import { clerkSessionAuthenticator } from '../server/clerk-enterprise';
import { readClerkConfiguration } from '../server/clerk-settings';
import { createClerkWebhookHandler } from '../webhooks/clerk-webhook';
import { testClerk } from '../../test/clerk-session';
import { clerkDelivery } from '../../test/clerk-webhooks';
import type { TestClerk, TestOrganizationClaim } from '../../test/clerk-session';
import { testDatabase } from '../../test/database';
import { createAdminApi } from './admin-api';

/**
 * Issue 10 end to end on the server: Clerk's webhooks (signed) provision and deprovision an
 * organization's people, administrators act through the admin API with real Clerk session
 * tokens, and devices feel each change at their next refresh through the license API.
 */

const SITE = 'http://localhost:3000';
const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const config = { ...DEFAULT_LICENSE_SERVER_CONFIG, issuer: SITE, signingKey: {} };
const ACME = 'org_acme';
const CONNECTION = 'entc_acme';

let opened: OpenedDatabase;
let clerk: TestClerk;
let admin: ReturnType<typeof createAdminApi>;
const savedConnections: unknown[] = [];
beforeAll(async () => {
  opened = await testDatabase();
  clerk = await testClerk();
  const configuration = readClerkConfiguration(clerk.settings);
  if (configuration.status !== 'configured') throw new Error('test Clerk settings');
  admin = createAdminApi({
    database: () => Promise.resolve(opened.db),
    authenticate: clerkSessionAuthenticator({ settings: configuration.settings, siteOrigin: SITE }),
    siteOrigin: SITE,
    enterpriseConnections: {
      save: (connection) => {
        savedConnections.push(connection);
        return Promise.resolve({ id: CONNECTION });
      },
    },
    defaultStaleAfterSeconds: config.checkIntervalSeconds + config.graceSeconds,
  });
});
afterAll(() => opened.close());

const webhooks = createClerkWebhookHandler({
  database: () => Promise.resolve(opened.db),
  signingSecret: SECRET,
});
let deliveries = 0;
async function deliver(type: string, data: Record<string, unknown>) {
  const response = await webhooks(
    clerkDelivery(`${SITE}/api/webhooks/clerk`, SECRET, type, data, {
      id: `msg_flow_${(deliveries += 1)}`,
    }),
  );
  expect(response.status, `${type} delivery`).toBe(200);
}

let userVersion = Date.now();
/** A user as Directory Sync leaves them: on Acme's connection, or not. */
const scimUser = (id: string, options: { linked?: boolean; deprovisioned?: boolean } = {}) => ({
  id,
  first_name: id.replace('user_', ''),
  last_name: 'Acme',
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', email_address: `${id.replace('user_', '')}@acme.com` }],
  enterprise_accounts: [
    { active: options.linked ?? true, enterprise_connection_id: CONNECTION, protocol: 'saml' },
  ],
  deprovisioned: options.deprovisioned ?? false,
  updated_at: (userVersion += 1000),
});

const licenseApi = createLicenseApi({
  database: () => Promise.resolve(opened.db),
  config,
  clientIp: () => '127.0.0.1',
  rateLimits: { refreshesPerDevice: 1000, refreshesPerIp: 1000, deviceLinksPerIp: 1000 },
});
const post = (body: unknown) =>
  new Request(`${SITE}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A device of `userId` signs in through the device link: the issued secret, or the error. */
async function signInDevice(userId: string, appVersion = '1.2.0') {
  const fingerprint = sha256Hex(`${userId}-laptop`);
  const created = await licenseApi.createDeviceLink(
    post({
      deviceFingerprintHash: fingerprint,
      deviceName: 'Laptop',
      platform: 'darwin',
      appVersion,
    }),
  );
  const link = (await created.json()) as { deviceCode: string; userCode: string };
  await decideDeviceLink(opened.db, { userCode: link.userCode, userId, approve: true });
  const issued = await licenseApi.pollDeviceLink(post({ deviceCode: link.deviceCode }));
  const body = (await issued.json()) as { deviceSecret: string; error?: { code: string } };
  const refresh = async (extra: Record<string, unknown> = {}) => {
    const response = await licenseApi.refreshLicense(
      post({ deviceSecret: body.deviceSecret, deviceFingerprintHash: fingerprint, ...extra }),
    );
    return {
      status: response.status,
      body: (await response.json()) as {
        policyBundle?: string;
        error?: { code: string; message: string };
      },
    };
  };
  return { status: issued.status, code: body.error?.code, refresh };
}

const ADMIN: TestOrganizationClaim = { id: ACME, role: 'admin' };
async function call(
  method: string,
  path: string,
  options: { as?: [string, TestOrganizationClaim]; body?: unknown } = {},
) {
  const [userId, organization] = options.as ?? ['user_admin', ADMIN];
  const token = await clerk.sessionToken(userId, SITE, organization);
  const response = await admin(
    new Request(`${SITE}/api/v1/admin/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    }),
    path.split('?')[0]!.split('/'),
  );
  const text = await response.text();
  return {
    status: response.status,
    text,
    headers: response.headers,
    json: () =>
      JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}

const seatHolders = async () =>
  (await opened.db.select().from(seats).where(eq(seats.organizationId, ACME)))
    .map((seat) => `${seat.userId}:${seat.assignedBy}`)
    .sort();

describe('enterprise provisioning, seats and SSO end to end', () => {
  it('sets up Acme: organization, administrator and a three-seat Team plan from webhooks', async () => {
    await deliver('organization.created', { id: ACME, name: 'Acme', slug: 'acme' });
    await deliver('user.created', { ...scimUser('user_admin'), enterprise_accounts: [] });
    await deliver('organizationMembership.created', {
      role: 'org:admin',
      permissions: [],
      organization: { id: ACME, name: 'Acme' },
      public_user_data: { user_id: 'user_admin' },
    });
    await deliver('subscriptionItem.active', {
      id: 'csi_acme',
      status: 'active',
      plan: { slug: 'team' },
      seats: { quantity: 3 },
      period_end: Date.now() + 30 * 86_400_000,
      payer: { organization_id: ACME },
    });
    const organization = await call('GET', 'organization');
    expect(organization.json()).toMatchObject({
      organization: { id: ACME, name: 'Acme' },
      role: 'org:admin',
    });
    expect(organization.json().rights).toContain('sso:manage');
  });

  it('records the SSO connection with Clerk, keeping its secret out of our rows', async () => {
    const saved = await call('PUT', 'sso', {
      body: {
        provider: 'oidc',
        domain: 'ACME.com',
        endpoint: 'https://login.acme.com/.well-known/openid-configuration',
        clientId: 'flowdesk',
        clientSecret: 'very-secret-value',
        required: true,
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.json().connection).toMatchObject({
      domain: 'acme.com',
      required: true,
      clerkConnectionId: CONNECTION,
    });
    expect(saved.text).not.toContain('very-secret-value');
    expect(savedConnections).toEqual([
      expect.objectContaining({ organizationId: ACME, existingId: null }),
    ]);
    const ldap = await call('PUT', 'sso', {
      body: { provider: 'ldap', domain: 'acme.com', endpoint: 'https://ldap.acme.com' },
    });
    expect(ldap.status).toBe(400);
    expect(ldap.json().error).toMatchObject({ code: 'SSO_LDAP_UNSUPPORTED' });
    const audit = await opened.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, ACME), eq(auditEvents.action, 'sso.configured')));
    expect(JSON.stringify(audit)).not.toContain('very-secret-value');
  });

  let ada: Awaited<ReturnType<typeof signInDevice>>;
  it('provisions directory users with seats until the plan is full, then refuses with a clear message', async () => {
    await deliver('user.created', scimUser('user_ada'));
    await deliver('user.created', scimUser('user_bob'));
    await deliver('user.created', scimUser('user_cy'));
    await deliver('user.created', scimUser('user_dee'));
    expect(await seatHolders()).toEqual([
      'user_ada:directory',
      'user_bob:directory',
      'user_cy:directory',
    ]);
    const members = await opened.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, ACME));
    expect(members.map((member) => member.userId).sort()).toEqual([
      'user_ada',
      'user_admin',
      'user_bob',
      'user_cy',
      'user_dee',
    ]);

    ada = await signInDevice('user_ada');
    expect(ada.status).toBe(200);
    const refreshed = await ada.refresh();
    expect(refreshed.status).toBe(200);
    const bundle = await verifyPolicyBundle(refreshed.body.policyBundle!, {
      keys: await publishedKeySet(opened.db),
      issuer: SITE,
      organizationId: ACME,
    });
    expect(bundle.ok).toBe(true);

    const dee = await signInDevice('user_dee');
    expect(dee).toMatchObject({ status: 409, code: 'SEAT_LIMIT_REACHED' });

    const overage = await call('PUT', 'seats/user_dee');
    expect(overage.status).toBe(409);
    expect(overage.json().error?.message).toBe(
      "All 3 seats of this organization's license are assigned. Release a seat or add seats to the plan, then try again.",
    );
  });

  it('lets an administrator move a seat; the member who lost it is signed out', async () => {
    const bob = await signInDevice('user_bob');
    expect(bob.status).toBe(200);
    const released = await call('DELETE', 'seats/user_bob');
    expect(released.json()).toEqual({ deactivated: 1 });
    expect((await bob.refresh()).body.error?.code).toBe('ACTIVATION_REVOKED');
    expect((await call('PUT', 'seats/user_dee')).status).toBe(200);
    expect(await seatHolders()).toEqual([
      'user_ada:directory',
      'user_cy:directory',
      'user_dee:user_admin',
    ]);
    expect((await signInDevice('user_dee')).status).toBe(200);

    // Manual assignment: a member without a seat cannot take one by signing in.
    expect((await call('PUT', 'seats/assignment', { body: { assignment: 'manual' } })).status).toBe(
      200,
    );
    expect(await signInDevice('user_bob')).toMatchObject({
      status: 403,
      code: 'SEAT_NOT_ASSIGNED',
    });
  });

  it('requires the SSO connection at refresh while the organization requires it', async () => {
    await deliver('user.updated', scimUser('user_ada', { linked: false }));
    const refused = await ada.refresh();
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'SSO_REQUIRED' });
    expect(refused.body.error?.message).toMatch(/single sign-on \(acme\.com\)/);
    await deliver('user.updated', scimUser('user_ada'));
    expect((await ada.refresh()).status).toBe(200);
  });

  it('takes in what apps report, for the compliance and usage reports', async () => {
    await call('PUT', 'policies/versions', {
      body: {
        name: 'Supported versions',
        type: 'security',
        enforcement: 'strict',
        rules: [{ kind: 'min-app-version', version: '1.3.0' }],
      },
    });
    const reported = await ada.refresh({
      appVersion: '1.2.0',
      policyReport: {
        since: new Date(Date.now() - 3600_000).toISOString(),
        findings: [{ policyId: 'approved-apps', version: 2, outcome: 'blocked', count: 3 }],
      },
    });
    expect(reported.status).toBe(200);
    const compliance = (await call('GET', 'reports/compliance')).json();
    expect(compliance).toMatchObject({
      status: 'attention',
      minimumVersion: '1.3.0',
      violations: [{ policyId: 'approved-apps', outcome: 'blocked', count: 3, devices: 1 }],
    });
    expect(
      (compliance.belowMinimumVersion as { userId: string }[])
        .map((device) => device.userId)
        .sort(),
    ).toEqual(['user_ada', 'user_dee']);
    const usage = (await call('GET', 'reports/usage')).json();
    expect(usage).toMatchObject({
      plan: 'team',
      seats: { total: 3, assigned: 3 },
      devices: { total: 2, activeInPeriod: 2 },
      appVersions: [{ version: '1.2.0', devices: 2 }],
    });
    expect(JSON.stringify(usage)).not.toMatch(/https?:/);
  });

  it('deprovisions at the identity provider’s word: every device signed out, the seat freed', async () => {
    await deliver('user.updated', scimUser('user_ada', { deprovisioned: true }));
    expect((await ada.refresh()).body.error?.code).toBe('ACTIVATION_REVOKED');
    expect(await seatHolders()).toEqual(['user_cy:directory', 'user_dee:user_admin']);
    const [row] = await opened.db.select().from(users).where(eq(users.id, 'user_ada'));
    expect(row?.deprovisionedAt).toBeInstanceOf(Date);
    expect(await signInDevice('user_ada')).toMatchObject({
      status: 403,
      code: 'ACCOUNT_DEPROVISIONED',
    });
  });

  it('refuses members the admin API (403), audits it, and exports the trail', async () => {
    const member: [string, TestOrganizationClaim] = ['user_cy', { id: ACME, role: 'member' }];
    const refused = await call('PUT', 'policies/sneaky', {
      as: member,
      body: {
        name: 'x',
        type: 'access',
        enforcement: 'audit',
        rules: [{ kind: 'force-isolation' }],
      },
    });
    expect(refused.status).toBe(403);
    expect(refused.json().error?.code).toBe('ADMIN_FORBIDDEN');

    const csv = await call('GET', 'audit/export?format=csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="flowdesk-audit-/,
    );
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_type,actor_id,action,target_type,target_id,metadata');
    const actions = lines.slice(1).map((line) => line.split(',')[3]);
    for (const action of [
      'admin.forbidden',
      'user.deprovisioned',
      'seat.released',
      'seat.assigned',
      'seat.overage',
      'user.provisioned',
      'sso.configured',
      'policy.findings_reported',
    ]) {
      expect(actions, action).toContain(action);
    }
    const seatsOnly = (await call('GET', 'audit/export?format=json&type=seat.')).json() as {
      events: { action: string }[];
    };
    expect(new Set(seatsOnly.events.map((event) => event.action))).toEqual(
      new Set(['seat.assigned', 'seat.released', 'seat.overage']),
    );
  });
});
