import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '@flowdesk/shared/enterprise';
import type { OpenedDatabase } from '../db/client';
import { auditEvents, licenses, memberships, organizations, users } from '../db/schema';
import { clerkSessionAuthenticator } from '../server/clerk-enterprise';
import { readClerkConfiguration } from '../server/clerk-settings';
import { testClerk } from '../../test/clerk-session';
import type { TestClerk, TestOrganizationClaim } from '../../test/clerk-session';
import { testDatabase } from '../../test/database';
import { createAdminApi } from './admin-api';
import type { DirectoryMember } from './directory';

/**
 * The admin API's access table (issue 10): every route, called with a real Clerk session token
 * for each role, is refused (403) exactly where `authorizeAction` says so, and never answers
 * anyone signed out.
 */

const SITE = 'http://localhost:3000';
const ORG = 'org_rbac';

let opened: OpenedDatabase;
let clerk: TestClerk;
let directoryMembers: DirectoryMember[] = [
  { userId: 'user_admin', role: 'org:admin', permissions: [], email: null, name: null },
  { userId: 'user_target', role: 'org:member', permissions: [], email: null, name: null },
];
let api: ReturnType<typeof createAdminApi>;
let apiWithoutClerk: ReturnType<typeof createAdminApi>;
beforeAll(async () => {
  opened = await testDatabase();
  clerk = await testClerk();
  const configuration = readClerkConfiguration(clerk.settings);
  if (configuration.status !== 'configured') throw new Error('test Clerk settings');
  const common = {
    database: () => Promise.resolve(opened.db),
    authenticate: clerkSessionAuthenticator({ settings: configuration.settings, siteOrigin: SITE }),
    siteOrigin: SITE,
    defaultStaleAfterSeconds: 15 * 86_400,
  };
  api = createAdminApi({
    ...common,
    enterpriseConnections: { save: () => Promise.resolve({ id: 'entc_rbac' }) },
    directory: { members: () => Promise.resolve(directoryMembers) },
  });
  apiWithoutClerk = createAdminApi(common);
  await opened.db.insert(organizations).values({ id: ORG, name: 'RBAC Inc' });
  await opened.db.insert(users).values([
    { id: 'user_admin', email: 'admin@rbac.test' },
    { id: 'user_target', email: 'target@rbac.test' },
  ]);
  await opened.db.insert(memberships).values([
    { organizationId: ORG, userId: 'user_admin', role: 'org:admin' },
    { organizationId: ORG, userId: 'user_target', role: 'org:member' },
  ]);
  await opened.db.insert(licenses).values({
    id: 'lic_rbac',
    ownerType: 'organization',
    ownerId: ORG,
    plan: 'enterprise',
    seats: 50,
  });
});
afterAll(() => opened.close());

const ROLES: Record<string, TestOrganizationClaim | undefined> = {
  admin: { id: ORG, role: 'admin' },
  member: { id: ORG, role: 'member' },
  policyManager: { id: ORG, role: 'member', permissions: ['org:policies:manage'] },
  licenseManager: { id: ORG, role: 'member', permissions: ['org:licenses:manage'] },
  auditor: { id: ORG, role: 'member', permissions: ['org:audit:read'] },
  noOrganization: undefined,
};
type Role = keyof typeof ROLES;
const EVERYONE_IN_ORG: Role[] = ['admin', 'member', 'policyManager', 'licenseManager', 'auditor'];

const policy = {
  name: 'Approved apps',
  type: 'access',
  enforcement: 'strict',
  rules: [{ kind: 'blocked-service-types', types: ['discord'] }],
};
const sso = { provider: 'saml', domain: 'rbac.test', endpoint: 'https://idp.rbac.test/metadata' };

/** Route, body, and who may call it. */
const TABLE: [string, string, unknown, Role[]][] = [
  ['GET', 'organization', undefined, EVERYONE_IN_ORG],
  ['GET', 'policies', undefined, EVERYONE_IN_ORG],
  ['PUT', 'policies/approved-apps', policy, ['admin', 'policyManager']],
  ['POST', 'policies/preview', { policy }, ['admin', 'policyManager']],
  ['DELETE', 'policies/approved-apps', undefined, ['admin', 'policyManager']],
  ['GET', 'members', undefined, ['admin']],
  ['POST', 'members/sync', undefined, ['admin']],
  ['GET', 'seats', undefined, ['admin', 'licenseManager']],
  ['PUT', 'seats/assignment', { assignment: 'automatic' }, ['admin', 'licenseManager']],
  ['PUT', 'seats/user_target', undefined, ['admin', 'licenseManager']],
  ['DELETE', 'seats/user_target', undefined, ['admin', 'licenseManager']],
  ['GET', 'sso', undefined, ['admin']],
  ['PUT', 'sso', sso, ['admin']],
  ['DELETE', 'sso', undefined, ['admin']],
  ['GET', 'audit', undefined, ['admin', 'auditor']],
  ['GET', 'audit/export?format=csv', undefined, ['admin', 'auditor']],
  ['GET', 'reports/usage', undefined, ['admin', 'licenseManager']],
  ['GET', 'reports/compliance', undefined, ['admin', 'licenseManager']],
  ['POST', 'reports/compliance', undefined, ['admin', 'licenseManager']],
];

async function call(
  method: string,
  path: string,
  options: { role?: Role; body?: unknown; headers?: Record<string, string>; via?: typeof api } = {},
) {
  const role = options.role ?? 'admin';
  const userId = role === 'admin' ? 'user_admin' : `user_${role}`;
  const token = await clerk.sessionToken(userId, SITE, ROLES[role]);
  const response = await (options.via ?? api)(
    new Request(`${SITE}/api/v1/admin/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    }),
    path.split('?')[0]!.split('/'),
  );
  const text = await response.text();
  const json = (() => {
    try {
      return JSON.parse(text) as { error?: { code: string; message: string } } & Record<
        string,
        unknown
      >;
    } catch {
      return {};
    }
  })();
  return { status: response.status, json, text };
}

describe('the admin API', () => {
  it('has a row for every resource and action the shared table knows', () => {
    const covered = new Set(
      TABLE.map(([method, path]) => {
        const [resource] = path.split(/[/?]/);
        return `${resource}:${method}`;
      }),
    );
    for (const resource of Object.keys(RESOURCES)) {
      expect(
        [...covered].some((entry) => entry.startsWith(`${resource}:`)),
        resource,
      ).toBe(true);
    }
  });

  it.each(TABLE)(
    '%s %s answers each role as the access table says',
    async (method, path, body, allowed) => {
      for (const role of Object.keys(ROLES)) {
        const answer = await call(method, path, { role, body });
        if (allowed.includes(role)) {
          // Let through: it may still find nothing to delete (404), never a refusal.
          expect([401, 403], `${role}: ${answer.text}`).not.toContain(answer.status);
        } else {
          expect(answer.status, `${role}: ${answer.text}`).toBe(403);
          expect(answer.json.error?.code).toBe('ADMIN_FORBIDDEN');
        }
      }
    },
  );

  it('audits every refusal with who asked for what', async () => {
    const before = (await opened.db.select().from(auditEvents)).length;
    await call('PUT', 'sso', { role: 'auditor', body: sso });
    const refusals = await opened.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'admin.forbidden'));
    expect((await opened.db.select().from(auditEvents)).length).toBe(before + 1);
    expect(refusals.at(-1)).toMatchObject({
      actorId: 'user_auditor',
      organizationId: ORG,
      metadata: { wanted: 'sso:manage', role: 'org:member' },
    });
  });

  it('answers the signed out, forged tokens and other sites without touching anything', async () => {
    const request = (headers: Record<string, string>, method = 'GET') =>
      api(new Request(`${SITE}/api/v1/admin/policies`, { method, headers }), ['policies']);
    expect((await request({})).status).toBe(401);
    const token = await clerk.sessionToken('user_admin', SITE, ROLES.admin);
    expect((await request({ authorization: `Bearer ${token.slice(0, -2)}xx` })).status).toBe(401);
    const elsewhere = await clerk.sessionToken('user_admin', 'https://evil.test', ROLES.admin);
    expect((await request({ authorization: `Bearer ${elsewhere}` })).status).toBe(401);
    const crossSite = await call('PUT', 'seats/assignment', {
      body: { assignment: 'manual' },
      headers: { origin: 'https://evil.test' },
    });
    expect(crossSite).toMatchObject({
      status: 403,
      json: { error: { code: 'CROSS_SITE_REQUEST' } },
    });
    expect((await call('GET', 'seats')).json.assignment).toBe('automatic');
  });

  it('names unknown routes, wrong methods and malformed parameters', async () => {
    expect((await call('GET', 'nothing/here')).json.error?.code).toBe('NOT_FOUND');
    expect((await call('PATCH', 'policies')).status).toBe(405);
    expect((await call('PUT', 'seats/not-a-user')).status).toBe(404);
    expect((await call('PUT', 'policies/Bad Id', { body: policy })).status).toBe(404);
    const mismatch = await call('PUT', 'policies/one', { body: { ...policy, id: 'two' } });
    expect(mismatch.json.error?.code).toBe('INVALID_BODY');
    expect((await call('PUT', 'policies/one', { body: [policy] })).json.error?.code).toBe(
      'INVALID_BODY',
    );
    expect((await call('DELETE', 'policies/never-saved')).status).toBe(404);
    expect((await call('GET', 'audit?from=yesterday')).json.error?.code).toBe(
      'AUDIT_FILTER_INVALID',
    );
    expect((await call('GET', 'reports/usage?from=2026-12-02&to=2026-11-01')).status).toBe(400);
  });

  it('previews a draft policy with the apps’ own evaluator, and names a conflict', async () => {
    const preview = await call('POST', 'policies/preview', {
      role: 'policyManager',
      body: {
        policy: {
          ...policy,
          rules: [
            { kind: 'blocked-service-types', types: ['discord'] },
            { kind: 'url-block', patterns: ['*.casino.example'] },
            { kind: 'min-app-version', version: '2.0.0' },
            { kind: 'force-isolation' },
          ],
        },
        urls: ['https://poker.casino.example/', 'https://docs.example.com/'],
        appVersions: ['1.9.9', '2.0.0'],
      },
    });
    expect(preview.json, preview.text).toMatchObject({
      valid: true,
      urls: [
        { url: 'https://poker.casino.example/', outcome: 'block' },
        { url: 'https://docs.example.com/', outcome: 'allow' },
      ],
      appVersions: [
        { version: '1.9.9', outcome: 'block' },
        { version: '2.0.0', outcome: 'allow' },
      ],
      lockedSettings: ['Every new service is isolated'],
    });
    expect(preview.json.services).toEqual([
      expect.objectContaining({ id: 'discord', outcome: 'block' }),
    ]);
    const conflict = await call('POST', 'policies/preview', {
      body: {
        policy: {
          ...policy,
          rules: [
            { kind: 'allowed-service-types', types: ['slack'] },
            { kind: 'blocked-service-types', types: ['slack'] },
          ],
        },
      },
    });
    expect(conflict.json).toMatchObject({
      valid: false,
      problem: { code: 'POLICY_CONFLICT', message: '“slack” is both allowed and blocked.' },
    });
    const malformed = await call('POST', 'policies/preview', {
      body: { policy: { ...policy, enforcement: 'sometimes' } },
    });
    expect(malformed.json).toMatchObject({ valid: false, problem: { field: 'enforcement' } });
  });

  it('syncs members with Clerk’s list: adds, updates roles, removes who left', async () => {
    directoryMembers = [
      { userId: 'user_admin', role: 'org:admin', permissions: [], email: null, name: null },
      {
        userId: 'user_target',
        role: 'org:member',
        permissions: ['org:audit:read'],
        email: 'target@rbac.test',
        name: 'Target',
      },
      {
        userId: 'user_new',
        role: 'org:member',
        permissions: [],
        email: 'new@rbac.test',
        name: 'New',
      },
    ];
    const first = await call('POST', 'members/sync');
    expect(first.json, first.text).toEqual({
      added: 1,
      updated: 1,
      removed: 0,
      unchanged: 1,
    });
    directoryMembers = directoryMembers.filter((member) => member.userId !== 'user_target');
    expect((await call('POST', 'members/sync')).json).toMatchObject({ removed: 1, unchanged: 2 });
    const members = (await call('GET', 'members')).json.members as { userId: string }[];
    expect(members.map((member) => member.userId).sort()).toEqual(['user_admin', 'user_new']);
  });

  it('says plainly what needs Clerk’s Backend API when it is not configured', async () => {
    const sync = await call('POST', 'members/sync', { via: apiWithoutClerk });
    expect(sync).toMatchObject({
      status: 503,
      json: { error: { code: 'CLERK_API_NOT_CONFIGURED' } },
    });
    const required = await call('PUT', 'sso', {
      via: apiWithoutClerk,
      body: { ...sso, required: true },
    });
    expect(required.json.error?.code).toBe('SSO_NOT_LINKED');
    const recorded = await call('PUT', 'sso', { via: apiWithoutClerk, body: sso });
    expect(recorded.json.connection).toMatchObject({ clerkConnectionId: null, required: false });
    expect((await call('DELETE', 'sso')).json).toEqual({ deleted: true });
    expect((await call('DELETE', 'sso')).status).toBe(404);
  });
});
