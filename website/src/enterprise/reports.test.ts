import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDeskError } from '@flowdesk/shared/core';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { OpenedDatabase } from '../db/client';
import { activations, auditEvents, licenses, organizations, users } from '../db/schema';
import { testDatabase } from '../../test/database';
import { errorCodeOf } from '../../test/error-code';
import { applyClerkEvent } from '../webhooks/clerk-events';
import { savePolicy } from './policies';
import {
  auditCompliance,
  csvCell,
  exportAuditLogs,
  generateUsageReport,
  getComplianceStatus,
} from './reports';
import { assignSeat, setSeatAssignment } from './seats';
import { configureSsoProvider } from './sso';

const NOW = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3600_000);

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
  await opened.db.insert(organizations).values([
    { id: 'org_rep', name: 'Reports Ltd' },
    { id: 'org_bare', name: 'No plan yet' },
    { id: 'org_other', name: 'Other' },
  ]);
  await opened.db.insert(users).values([
    { id: 'user_a', email: 'a@rep.test' },
    { id: 'user_b', email: 'b@rep.test' },
  ]);
  await opened.db.insert(licenses).values({
    id: 'lic_rep',
    ownerType: 'organization',
    ownerId: 'org_rep',
    plan: 'team',
    seats: 5,
  });
  const device = (id: string, userId: string, appVersion: string, lastCheckInAt: Date) => ({
    id,
    licenseId: 'lic_rep',
    userId,
    deviceFingerprintHash: id.padEnd(64, '0'),
    deviceName: id,
    platform: id.endsWith('w') ? 'win32' : 'darwin',
    appVersion,
    secretHash: id.padEnd(64, '1'),
    lastCheckInAt,
  });
  await opened.db
    .insert(activations)
    .values([
      device('act_1', 'user_a', '1.4.0', hoursAgo(1)),
      device('act_2w', 'user_a', '1.2.0', hoursAgo(30)),
      device('act_3', 'user_b', '1.4.0', hoursAgo(2)),
    ]);
  await opened.db.insert(auditEvents).values([
    {
      at: hoursAgo(5),
      actorType: 'user',
      actorId: 'user_admin',
      action: 'policy.updated',
      organizationId: 'org_rep',
      metadata: { note: '=HYPERLINK("https://evil.test")' },
    },
    {
      at: hoursAgo(4),
      actorType: 'user',
      actorId: 'user_x',
      action: 'seat.assigned',
      organizationId: 'org_rep',
    },
    {
      at: hoursAgo(3),
      actorType: 'user',
      actorId: 'user_x',
      action: 'seat.released',
      organizationId: 'org_rep',
    },
    {
      at: hoursAgo(3),
      actorType: 'user',
      actorId: 'user_x',
      action: 'seat.assigned',
      organizationId: 'org_other',
    },
  ]);
});
afterAll(() => opened.close());

const admin: OrgSession = {
  userId: 'user_admin',
  orgId: 'org_rep',
  orgRole: 'org:admin',
  orgPermissions: [],
};
const bareAdmin: OrgSession = { ...admin, orgId: 'org_bare' };

const codeOf = errorCodeOf;

describe('audit export', () => {
  it('keeps spreadsheet cells as text and quotes what needs quoting', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('plain')).toBe('plain');
  });

  it('filters by actor, type family and time, only within the organization, and says when it was cut', async () => {
    const bySeat = await exportAuditLogs(opened.db, admin, { type: 'seat.', format: 'json' }, NOW);
    const events = (JSON.parse(bySeat.body) as { events: { action: string }[] }).events;
    expect(events.map((event) => event.action)).toEqual(['seat.released', 'seat.assigned']);
    const cut = await exportAuditLogs(opened.db, admin, { actor: 'user_x', limit: 1 }, NOW);
    expect(cut).toMatchObject({ count: 1, truncated: true });
    const window = await exportAuditLogs(
      opened.db,
      admin,
      { from: hoursAgo(4.5).toISOString(), to: hoursAgo(3.5).toISOString(), format: 'csv' },
      NOW,
    );
    expect(window.body.trim().split('\r\n')).toHaveLength(2);
    const csv = await exportAuditLogs(
      opened.db,
      admin,
      { type: 'policy.updated', format: 'csv' },
      NOW,
    );
    // The formula in the metadata stays text: the cell starts with a quote inside the CSV quotes.
    expect(csv.body).toContain('"{""note"":""=HYPERLINK(');
    expect(csv.body.split('\r\n')[1]!.split(',')[3]).toBe('policy.updated');
    expect(await codeOf(exportAuditLogs(opened.db, admin, { from: NOW, to: hoursAgo(1) }))).toBe(
      'AUDIT_FILTER_INVALID',
    );
    expect(await codeOf(exportAuditLogs(opened.db, admin, { type: 'DROP TABLE' }))).toBe(
      'AUDIT_FILTER_INVALID',
    );
  });
});

describe('usage and compliance', () => {
  it('counts devices, versions, platforms and check-ins for the period', async () => {
    const report = await generateUsageReport(opened.db, admin, {
      from: hoursAgo(24).toISOString(),
      to: NOW.toISOString(),
    });
    expect(report).toMatchObject({
      plan: 'team',
      seats: { total: 5, assigned: 0 },
      devices: { total: 3, activeInPeriod: 2 },
      appVersions: [
        { version: '1.4.0', devices: 2 },
        { version: '1.2.0', devices: 1 },
      ],
      platforms: [
        { platform: 'darwin', devices: 2 },
        { platform: 'win32', devices: 1 },
      ],
    });
    expect(report.members).toEqual([
      expect.objectContaining({
        userId: 'user_a',
        devices: 2,
        lastCheckInAt: hoursAgo(1).toISOString(),
      }),
      expect.objectContaining({ userId: 'user_b', devices: 1 }),
    ]);
    expect(await codeOf(generateUsageReport(opened.db, admin, { from: 'soon' }))).toBe(
      'REPORT_PERIOD_INVALID',
    );
    const bare = await generateUsageReport(opened.db, bareAdmin, {
      from: hoursAgo(24),
      to: NOW,
    });
    expect(bare).toMatchObject({ plan: null, seats: { total: 0 }, devices: { total: 0 } });
  });

  it('is compliant without policies or problems, and names stale devices by the check-interval policy', async () => {
    const relaxed = await getComplianceStatus(opened.db, admin, {
      defaultStaleAfterSeconds: 48 * 3600,
      now: NOW,
    });
    expect(relaxed).toMatchObject({
      status: 'compliant',
      minimumVersion: null,
      staleAfterHours: 48,
      staleCheckIns: [],
    });
    await savePolicy(opened.db, admin, {
      id: 'checks',
      name: 'Daily checks',
      type: 'security',
      enforcement: 'warn',
      rules: [
        { kind: 'license-check-interval', maxHours: 24 },
        { kind: 'min-app-version', version: '1.3.0' },
      ],
    });
    // An audit-only policy does not raise the bar.
    await savePolicy(opened.db, admin, {
      id: 'watch',
      name: 'Watch',
      type: 'usage',
      enforcement: 'audit',
      rules: [{ kind: 'min-app-version', version: '9.0.0' }],
    });
    const strict = await auditCompliance(opened.db, admin, {
      defaultStaleAfterSeconds: 48 * 3600,
      now: NOW,
    });
    expect(strict).toMatchObject({
      status: 'attention',
      minimumVersion: '1.3.0',
      staleAfterHours: 24,
    });
    expect(strict.staleCheckIns.map((device) => device.activationId)).toEqual(['act_2w']);
    expect(strict.belowMinimumVersion.map((device) => device.activationId)).toEqual(['act_2w']);
    const [recorded] = (
      await exportAuditLogs(opened.db, admin, { type: 'compliance.audited' }, NOW)
    ).body.match(/"status":"attention"/g)!;
    expect(recorded).toBeDefined();
  });
});

describe('seats and SSO edge cases', () => {
  it('refuses seats without an organization plan, or for someone outside it', async () => {
    expect(await codeOf(assignSeat(opened.db, bareAdmin, 'user_a'))).toBe(
      'NO_ORGANIZATION_LICENSE',
    );
    expect(await codeOf(assignSeat(opened.db, admin, 'user_a'))).toBe('MEMBER_NOT_FOUND');
    await setSeatAssignment(opened.db, bareAdmin, 'manual');
  });

  it('works before Clerk’s organization webhook arrives, and the webhook’s name then wins', async () => {
    const early: OrgSession = { ...admin, orgId: 'org_early' };
    await setSeatAssignment(opened.db, early, 'manual');
    await applyClerkEvent(opened.db, 'msg_early', {
      type: 'organization.created',
      data: { id: 'org_early', name: 'Early Birds', updated_at: 1_000 },
      timestamp: 1_000,
    });
    const [row] = await opened.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, 'org_early'));
    expect(row?.name).toBe('Early Birds');
  });

  it('keeps a domain to one organization, and changes nothing when Clerk refuses', async () => {
    const saml = {
      provider: 'saml',
      domain: 'rep.test',
      endpoint: 'https://idp.rep.test/metadata',
    };
    await configureSsoProvider(opened.db, admin, saml, undefined);
    expect(await codeOf(configureSsoProvider(opened.db, bareAdmin, saml, undefined))).toBe(
      'SSO_DOMAIN_TAKEN',
    );
    const refusing = {
      save: () => Promise.reject(new Error('The domain is not verified')),
    };
    const refused = await configureSsoProvider(
      opened.db,
      admin,
      { ...saml, required: true },
      refusing,
    ).catch((error: FlowDeskError) => error);
    expect(refused).toMatchObject({ code: 'SSO_PROVIDER_REJECTED' });
    expect((refused as FlowDeskError).message).toContain('The domain is not verified');
    expect(
      await codeOf(
        configureSsoProvider(opened.db, admin, { ...saml, endpoint: 'ftp://x' }, undefined),
      ),
    ).toBe('SSO_CONFIG_INVALID');
  });
});
