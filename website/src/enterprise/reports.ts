import { and, asc, count, desc, eq, gte, isNull, like, lte } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import { compareVersions } from '@flowdesk/shared/policy';
import type { Database } from '../db/client';
import { activations, auditEvents, seats, users } from '../db/schema';
import { apiError } from '../http/api-error';
import { recordAdminEvent, requireRight } from './access';
import { organizationPolicies } from './policies';
import { activeOrganizationLicense } from './seats';

/**
 * What administrators read about their organization (issue 10): the audit log as CSV or JSON,
 * the usage report (seats, devices, app versions, check-ins; never anything about browsing,
 * which never leaves the devices), and compliance (devices below the minimum version, devices
 * that stopped checking in, and what the apps reported their policies blocked or warned about).
 */

const MAX_EXPORT_ROWS = 50_000;

export const auditFiltersSchema = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** A user id, activation id or `clerk`/`directory`. */
  actor: z.string().trim().min(1).max(200).optional(),
  /** An action (`seat.assigned`) or a family of them (`seat.`). */
  type: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]*)?$/, 'Use an event type like policy.updated, or policy. for all.')
    .optional(),
  format: z.enum(['csv', 'json']).default('json'),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_ROWS).default(10_000),
});
export type AuditFilters = z.input<typeof auditFiltersSchema>;

export interface AuditExport {
  contentType: string;
  filename: string;
  body: string;
  count: number;
  /** More events matched than the limit: narrow the time range. */
  truncated: boolean;
}

export interface AuditRecord {
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  metadata: Record<string, unknown>;
}

function parseFilters(input: unknown) {
  const parsed = auditFiltersSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw apiError(400, 'AUDIT_FILTER_INVALID', issue?.message ?? 'The filters are not valid.', {
      field: issue?.path.join('.') ?? '',
    });
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
    throw apiError(400, 'AUDIT_FILTER_INVALID', 'The start of the range is after its end.', {
      field: 'from',
    });
  }
  return parsed.data;
}

/** The organization's audit events matching the filters, newest first. */
export async function auditEventsOf(
  db: Database,
  session: OrgSession,
  input: unknown,
): Promise<{ events: AuditRecord[]; truncated: boolean }> {
  const organizationId = await requireRight(db, session, 'audit', 'read');
  const filters = parseFilters(input);
  const conditions: SQL[] = [eq(auditEvents.organizationId, organizationId)];
  if (filters.from) conditions.push(gte(auditEvents.at, filters.from));
  if (filters.to) conditions.push(lte(auditEvents.at, filters.to));
  if (filters.actor) conditions.push(eq(auditEvents.actorId, filters.actor));
  if (filters.type) {
    conditions.push(
      filters.type.endsWith('.')
        ? like(auditEvents.action, `${filters.type}%`)
        : eq(auditEvents.action, filters.type),
    );
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(filters.limit + 1);
  return {
    truncated: rows.length > filters.limit,
    events: rows.slice(0, filters.limit).map((row) => ({
      at: row.at.toISOString(),
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      metadata: row.metadata,
    })),
  };
}

/**
 * A spreadsheet cell: quoted when it must be, and a value a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return first) is prefixed with ' so it stays text.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const CSV_COLUMNS = [
  'at',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'metadata',
] as const;

/** The seed's `exportAuditLogs`: the filtered log as CSV or JSON, and the export is audited. */
export async function exportAuditLogs(
  db: Database,
  session: OrgSession,
  input: unknown,
  now = new Date(),
): Promise<AuditExport> {
  const organizationId = await requireRight(db, session, 'audit', 'export');
  const filters = parseFilters(input);
  const { events, truncated } = await auditEventsOf(db, session, input);
  await recordAdminEvent(db, {
    at: now,
    actorId: session.userId,
    action: 'audit.exported',
    organizationId,
    targetType: 'audit',
    metadata: { format: filters.format, count: events.length, truncated },
  });
  const stamp = now.toISOString().slice(0, 10);
  if (filters.format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      filename: `flowdesk-audit-${stamp}.json`,
      body: JSON.stringify({ organizationId, exportedAt: now.toISOString(), truncated, events }),
      count: events.length,
      truncated,
    };
  }
  const lines = [
    CSV_COLUMNS.join(','),
    ...events.map((event) =>
      [
        event.at,
        event.actorType,
        event.actorId,
        event.action,
        event.targetType,
        event.targetId,
        JSON.stringify(event.metadata),
      ]
        .map(csvCell)
        .join(','),
    ),
  ];
  return {
    contentType: 'text/csv; charset=utf-8',
    filename: `flowdesk-audit-${stamp}.csv`,
    body: `${lines.join('\r\n')}\r\n`,
    count: events.length,
    truncated,
  };
}

export const periodSchema = z
  .strictObject({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((period) => period.from <= period.to, 'The start of the period is after its end.');

export interface UsageReport {
  period: { from: string; to: string };
  plan: string | null;
  seats: { total: number; assigned: number };
  devices: { total: number; activeInPeriod: number };
  appVersions: { version: string; devices: number }[];
  platforms: { platform: string; devices: number }[];
  members: {
    userId: string;
    email: string | null;
    name: string | null;
    devices: number;
    lastCheckInAt: string | null;
  }[];
}

async function liveDevices(db: Database, licenseId: string | undefined) {
  if (!licenseId) return [];
  return db
    .select({
      id: activations.id,
      userId: activations.userId,
      email: users.email,
      name: users.name,
      deviceName: activations.deviceName,
      platform: activations.platform,
      appVersion: activations.appVersion,
      lastCheckInAt: activations.lastCheckInAt,
    })
    .from(activations)
    .innerJoin(users, eq(users.id, activations.userId))
    .where(and(eq(activations.licenseId, licenseId), isNull(activations.deactivatedAt)))
    .orderBy(asc(activations.lastCheckInAt));
}

const tally = <T extends string>(values: T[]) =>
  [
    ...values.reduce(
      (counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1),
      new Map<T, number>(),
    ),
  ]
    .map(([value, devices]) => ({ value, devices }))
    .sort((a, b) => b.devices - a.devices || a.value.localeCompare(b.value));

/** The seed's `generateUsageReport(period)`. */
export async function generateUsageReport(
  db: Database,
  session: OrgSession,
  input: unknown,
): Promise<UsageReport> {
  const organizationId = await requireRight(db, session, 'reports', 'read');
  const parsed = periodSchema.safeParse(input);
  if (!parsed.success) {
    throw apiError(
      400,
      'REPORT_PERIOD_INVALID',
      parsed.error.issues[0]?.message ?? 'Choose a period.',
    );
  }
  const period = parsed.data;
  const license = await activeOrganizationLicense(db, organizationId);
  const devices = await liveDevices(db, license?.id);
  const [assigned] = await db
    .select({ seats: count() })
    .from(seats)
    .where(eq(seats.organizationId, organizationId));
  const members = new Map<string, UsageReport['members'][number]>();
  for (const device of devices) {
    const member = members.get(device.userId) ?? {
      userId: device.userId,
      email: device.email,
      name: device.name,
      devices: 0,
      lastCheckInAt: null,
    };
    member.devices += 1;
    const checkIn = device.lastCheckInAt.toISOString();
    if (!member.lastCheckInAt || checkIn > member.lastCheckInAt) member.lastCheckInAt = checkIn;
    members.set(device.userId, member);
  }
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString() },
    plan: license?.plan ?? null,
    seats: { total: license?.seats ?? 0, assigned: assigned?.seats ?? 0 },
    devices: {
      total: devices.length,
      activeInPeriod: devices.filter(
        (device) => device.lastCheckInAt >= period.from && device.lastCheckInAt <= period.to,
      ).length,
    },
    appVersions: tally(devices.map((device) => device.appVersion)).map(({ value, devices }) => ({
      version: value,
      devices,
    })),
    platforms: tally(devices.map((device) => device.platform)).map(({ value, devices }) => ({
      platform: value,
      devices,
    })),
    members: [...members.values()].sort((a, b) => (a.email ?? '').localeCompare(b.email ?? '')),
  };
}

export interface ComplianceStatus {
  checkedAt: string;
  status: 'compliant' | 'attention';
  minimumVersion: string | null;
  belowMinimumVersion: DeviceSummary[];
  staleCheckIns: DeviceSummary[];
  /** Hours a device may go without checking in before it counts as stale. */
  staleAfterHours: number;
  /** What the apps reported in the last 30 days, per policy and outcome. */
  violations: { policyId: string; outcome: string; count: number; devices: number }[];
}

interface DeviceSummary {
  activationId: string;
  userId: string;
  email: string | null;
  deviceName: string;
  appVersion: string;
  lastCheckInAt: string;
}

const REPORT_WINDOW_MS = 30 * 24 * 3600 * 1000;

/**
 * The seed's `getComplianceStatus`. A device is stale once it has gone longer than the
 * organization's license-check-interval policy (or the server's check interval and grace) without
 * checking in.
 */
export async function getComplianceStatus(
  db: Database,
  session: OrgSession,
  options: { defaultStaleAfterSeconds: number; now?: Date },
): Promise<ComplianceStatus> {
  const organizationId = await requireRight(db, session, 'reports', 'read');
  const now = options.now ?? new Date();
  const policies = await organizationPolicies(db, organizationId);
  const rules = policies
    .filter((policy) => policy.enforcement !== 'audit')
    .flatMap((policy) => policy.rules);
  const minimumVersion =
    rules
      .flatMap((rule) => (rule.kind === 'min-app-version' ? [rule.version] : []))
      .sort(compareVersions)
      .at(-1) ?? null;
  const intervals = rules.flatMap((rule) =>
    rule.kind === 'license-check-interval' ? [rule.maxHours] : [],
  );
  const staleAfterHours =
    intervals.length > 0
      ? Math.min(...intervals)
      : Math.ceil(options.defaultStaleAfterSeconds / 3600);
  const license = await activeOrganizationLicense(db, organizationId);
  const devices = await liveDevices(db, license?.id);
  const summary = (device: (typeof devices)[number]): DeviceSummary => ({
    activationId: device.id,
    userId: device.userId,
    email: device.email,
    deviceName: device.deviceName,
    appVersion: device.appVersion,
    lastCheckInAt: device.lastCheckInAt.toISOString(),
  });
  const staleBefore = now.getTime() - staleAfterHours * 3600 * 1000;
  const reports = await db
    .select({ actorId: auditEvents.actorId, metadata: auditEvents.metadata })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        eq(auditEvents.action, 'policy.findings_reported'),
        gte(auditEvents.at, new Date(now.getTime() - REPORT_WINDOW_MS)),
      ),
    );
  const violations = new Map<string, { count: number; devices: Set<string> }>();
  for (const report of reports) {
    const findings = reportedFindings.safeParse(report.metadata.findings);
    for (const finding of findings.success ? findings.data : []) {
      const key = `${finding.policyId}\u0000${finding.outcome}`;
      const entry = violations.get(key) ?? { count: 0, devices: new Set<string>() };
      entry.count += finding.count;
      entry.devices.add(report.actorId ?? '');
      violations.set(key, entry);
    }
  }
  const belowMinimumVersion = minimumVersion
    ? devices
        .filter((device) => compareVersions(device.appVersion, minimumVersion) < 0)
        .map(summary)
    : [];
  const staleCheckIns = devices
    .filter((device) => device.lastCheckInAt.getTime() < staleBefore)
    .map(summary);
  const violationList = [...violations].map(([key, entry]) => {
    const [policyId, outcome] = key.split('\u0000') as [string, string];
    return { policyId, outcome, count: entry.count, devices: entry.devices.size };
  });
  return {
    checkedAt: now.toISOString(),
    status:
      belowMinimumVersion.length > 0 ||
      staleCheckIns.length > 0 ||
      violationList.some((violation) => violation.outcome === 'blocked')
        ? 'attention'
        : 'compliant',
    minimumVersion,
    belowMinimumVersion,
    staleCheckIns,
    staleAfterHours,
    violations: violationList.sort((a, b) => b.count - a.count),
  };
}

const reportedFindings = z.array(
  z.object({ policyId: z.string(), outcome: z.string(), count: z.number().int().min(0) }),
);

/** The seed's `auditCompliance`: the status, recorded in the audit log as a point-in-time check. */
export async function auditCompliance(
  db: Database,
  session: OrgSession,
  options: { defaultStaleAfterSeconds: number; now?: Date },
): Promise<ComplianceStatus> {
  const status = await getComplianceStatus(db, session, options);
  await recordAdminEvent(db, {
    at: options.now ?? new Date(),
    actorId: session.userId,
    action: 'compliance.audited',
    organizationId: session.orgId!,
    targetType: 'organization',
    targetId: session.orgId!,
    metadata: {
      status: status.status,
      belowMinimumVersion: status.belowMinimumVersion.length,
      staleCheckIns: status.staleCheckIns.length,
      violations: status.violations.length,
    },
  });
  return status;
}
