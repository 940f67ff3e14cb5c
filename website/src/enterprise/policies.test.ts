import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDeskError } from '@flowdesk/shared/core';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import { generateLicenseSigningKey } from '@flowdesk/shared/licensing';
import { verifyPolicyBundle } from '@flowdesk/shared/policy';
import type { OpenedDatabase } from '../db/client';
import { auditEvents, organizations } from '../db/schema';
import { testDatabase } from '../../test/database';
import { errorCodeOf } from '../../test/error-code';
import { deletePolicy, listPolicies, savePolicy, signedPolicyBundle } from './policies';

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
  await opened.db.insert(organizations).values([
    { id: 'org_acme', name: 'Acme' },
    { id: 'org_other', name: 'Other' },
  ]);
});
afterAll(() => opened.close());

const admin: OrgSession = {
  userId: 'user_admin',
  orgId: 'org_acme',
  orgRole: 'org:admin',
  orgPermissions: [],
};
const member: OrgSession = {
  userId: 'user_member',
  orgId: 'org_acme',
  orgRole: 'org:member',
  orgPermissions: [],
};
const policyManager: OrgSession = {
  ...member,
  userId: 'user_pm',
  orgPermissions: ['org:policies:manage'],
};
const outsider: OrgSession = { userId: 'user_out', orgPermissions: [] };
const otherAdmin: OrgSession = { ...admin, userId: 'user_other', orgId: 'org_other' };

const approvedApps = {
  id: 'approved-apps',
  name: 'Approved apps',
  type: 'access',
  enforcement: 'strict',
  rules: [{ kind: 'blocked-service-types', types: ['discord'] }],
};

const codeOf = errorCodeOf;

const auditActions = async () =>
  (
    await opened.db.select().from(auditEvents).where(eq(auditEvents.organizationId, 'org_acme'))
  ).map((event) => `${event.action}:${event.actorId}`);

describe('organization policies on the website', () => {
  it('are saved by administrators with a version the server counts, and audited', async () => {
    const first = await savePolicy(opened.db, admin, { ...approvedApps, version: 99 });
    expect(first.version).toBe(1);
    const second = await savePolicy(opened.db, policyManager, {
      ...approvedApps,
      enforcement: 'warn',
    });
    expect(second).toMatchObject({ version: 2, enforcement: 'warn' });
    expect(await listPolicies(opened.db, member)).toEqual([second]);
    // Another organization sees only its own.
    expect(await listPolicies(opened.db, otherAdmin)).toEqual([]);
    expect(await auditActions()).toEqual(['policy.created:user_admin', 'policy.updated:user_pm']);
  });

  it('refuse members without the right, and record the attempt', async () => {
    expect(await codeOf(savePolicy(opened.db, member, approvedApps))).toBe('ADMIN_FORBIDDEN');
    expect(await codeOf(deletePolicy(opened.db, member, 'approved-apps'))).toBe('ADMIN_FORBIDDEN');
    expect(await codeOf(listPolicies(opened.db, outsider))).toBe('ADMIN_FORBIDDEN');
    expect((await auditActions()).filter((action) => action.startsWith('admin.forbidden'))).toEqual(
      ['admin.forbidden:user_member', 'admin.forbidden:user_member'],
    );
  });

  it('refuse a malformed or contradictory policy, naming the problem', async () => {
    const bad = await savePolicy(opened.db, admin, { ...approvedApps, enforcement: 'maybe' }).catch(
      (error: FlowDeskError) => error,
    );
    expect(bad).toMatchObject({ code: 'POLICY_INVALID', details: { field: 'enforcement' } });
    const conflict = await savePolicy(opened.db, admin, {
      ...approvedApps,
      id: 'mixed',
      rules: [
        { kind: 'allowed-service-types', types: ['discord'] },
        { kind: 'blocked-service-types', types: ['discord'] },
      ],
    }).catch((error: FlowDeskError) => error);
    expect(conflict).toMatchObject({
      code: 'POLICY_CONFLICT',
      message: '“discord” is both allowed and blocked.',
    });
    expect((await listPolicies(opened.db, admin)).map((policy) => policy.id)).toEqual([
      'approved-apps',
    ]);
  });

  it('sign the organization’s policies into a bundle its apps verify', async () => {
    const key = await generateLicenseSigningKey('k1');
    const issuer = 'https://flowdesk.example';
    const { token } = await signedPolicyBundle(opened.db, 'org_acme', {
      key,
      issuer,
      now: new Date('2026-12-02T10:00:00Z'),
    });
    const verified = await verifyPolicyBundle(token, {
      keys: { keys: [key.publicJwk] },
      issuer,
      organizationId: 'org_acme',
    });
    expect(
      verified.ok && verified.value.policies.map((policy) => [policy.id, policy.version]),
    ).toEqual([['approved-apps', 2]]);
    expect(verified.ok && verified.value.issuedAt).toBe(Date.parse('2026-12-02T10:00:00Z') / 1000);
  });

  it('delete a policy once, audited', async () => {
    expect(await deletePolicy(opened.db, admin, 'approved-apps')).toBe(true);
    expect(await deletePolicy(opened.db, admin, 'approved-apps')).toBe(false);
    expect(await listPolicies(opened.db, admin)).toEqual([]);
    expect((await auditActions()).at(-1)).toBe('policy.deleted:user_admin');
  });
});
