import { z } from 'zod';
import type { LicenseClaims, Plan } from './claims';
import { PLAN_ENTITLEMENTS } from './plans';
import type { PlanEntitlements } from './plans';

/**
 * The license state machine of the apps (issue 7), pure and driven by the caller's clock:
 *
 *   unlicensed ──sign-in──▶ active ──interval──▶ due ──check fails──▶ grace ──grace spent──▶ expired
 *        ▲                    ▲                   │                     │                      │
 *        └──sign-out──────────┴──── check succeeds ┴─────────────────────┴──────────────────────┘
 *   revoked: the server said this device or license is no longer valid (until a new sign-in).
 *
 * Only `active`, `due` and `grace` give the plan's entitlements; the others give Free's, and
 * nothing is ever deleted for that (fallback mode). Time never runs backwards for a license:
 * a clock set back by more than a tolerance is noticed (a persisted last-seen time), the app
 * keeps counting from where it was, and an online check is due at once.
 */

export const LICENSE_STATUSES = [
  'unlicensed',
  'active',
  'due',
  'grace',
  'expired',
  'revoked',
] as const;
export type LicenseStatusCode = (typeof LICENSE_STATUSES)[number];

/** A clock set back by more than this is a rollback; less is ordinary clock adjustment. */
export const CLOCK_ROLLBACK_TOLERANCE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

const time = z.int().min(0);

/** What the app remembers between runs about its license (not secret; the token is kept apart). */
export const licenseRecordSchema = z.strictObject({
  version: z.literal(1),
  /** The latest license time seen: the clock plus `clockOffsetMs`, never decreasing. */
  lastSeenAt: time,
  /** Added to the clock once it was found set back, so license time keeps going forward. */
  clockOffsetMs: time,
  /** When the clock was found set back; an online check clears it. */
  clockRollbackAt: time.optional(),
  /** The last online check that succeeded, and the last one that failed (offline, server down). */
  lastCheckAt: time.optional(),
  lastFailedCheckAt: time.optional(),
  /** The server refused this device (signed out on the website, license revoked). */
  revoked: z.strictObject({ at: time, code: z.string().max(100) }).optional(),
});

export type LicenseRecord = z.infer<typeof licenseRecordSchema>;

export function newLicenseRecord(now: number): LicenseRecord {
  return { version: 1, lastSeenAt: now, clockOffsetMs: 0 };
}

/** License time for this clock reading: the clock plus the offset of any earlier rollback. */
export function licenseTime(record: LicenseRecord, clock: number): number {
  return Math.max(clock + record.clockOffsetMs, record.lastSeenAt);
}

/**
 * Records a clock reading. A reading further back than the tolerance is a rollback: the offset
 * grows so that license time carries on from the last time seen, and a check becomes due.
 */
export function observeClock(
  record: LicenseRecord,
  clock: number,
  toleranceMs = CLOCK_ROLLBACK_TOLERANCE_MS,
): LicenseRecord {
  const seen = clock + record.clockOffsetMs;
  if (seen < record.lastSeenAt - toleranceMs) {
    return {
      ...record,
      clockOffsetMs: record.clockOffsetMs + (record.lastSeenAt - seen),
      clockRollbackAt: record.clockRollbackAt ?? record.lastSeenAt,
    };
  }
  return seen > record.lastSeenAt ? { ...record, lastSeenAt: seen } : record;
}

/**
 * After a successful online check: the server's token is the new truth. Its issue time also
 * re-bases a clock found behind the server's, so the offset never hides a real date.
 */
export function recordCheckSucceeded(
  record: LicenseRecord,
  clock: number,
  serverTime: number,
): LicenseRecord {
  const clockOffsetMs = Math.max(0, serverTime - clock);
  const now = clock + clockOffsetMs;
  const next: LicenseRecord = { ...record, clockOffsetMs, lastSeenAt: now, lastCheckAt: now };
  delete next.clockRollbackAt;
  delete next.lastFailedCheckAt;
  delete next.revoked;
  return next;
}

/** A check that could not reach the server, or got an answer it could not use. */
export function recordCheckFailed(record: LicenseRecord, clock: number): LicenseRecord {
  return { ...record, lastFailedCheckAt: licenseTime(record, clock) };
}

/** The server refused this device: fallback until the user signs in again. */
export function recordRevoked(record: LicenseRecord, clock: number, code: string): LicenseRecord {
  return { ...record, revoked: { at: licenseTime(record, clock), code } };
}

export interface LicenseState {
  status: LicenseStatusCode;
  /** The plan whose limits apply now (Free unless active, due or in grace). */
  effectivePlan: Plan;
  entitlements: PlanEntitlements;
  /** The plan of the held license, whether or not it applies now. */
  licensedPlan?: Plan;
  /** When the app should check online next (now, when due). */
  nextCheckAt?: number;
  /** When the license stops applying without a successful check. */
  graceEndsAt?: number;
  /** Whole days left before fallback, counted up (shown in the banners). */
  daysLeft?: number;
  /** The clock was set back since the last check. */
  clockRollback: boolean;
  /** Why the server refused the device, when revoked. */
  revokedCode?: string;
}

/** Where the license stands at this clock reading. `claims` are the held token's, verified. */
export function evaluateLicense(
  claims: LicenseClaims | undefined,
  record: LicenseRecord,
  clock: number,
  options: {
    /**
     * An organization policy's shorter check interval (license-check-interval): checks fall due
     * sooner; the grace the server grants still counts from the server's own interval.
     */
    maxCheckIntervalSeconds?: number;
  } = {},
): LicenseState {
  const now = licenseTime(record, clock);
  const clockRollback = record.clockRollbackAt !== undefined;
  const fallback = (status: LicenseStatusCode): LicenseState => ({
    status,
    effectivePlan: 'free',
    entitlements: PLAN_ENTITLEMENTS.free,
    ...(claims ? { licensedPlan: claims.plan } : {}),
    clockRollback,
  });
  if (record.revoked) return { ...fallback('revoked'), revokedCode: record.revoked.code };
  if (!claims) return fallback('unlicensed');

  const checkedAt = record.lastCheckAt ?? claims.iat * 1000;
  const serverDueAt = checkedAt + claims.checks.interval * 1000;
  const dueAt = Math.min(
    serverDueAt,
    checkedAt + (options.maxCheckIntervalSeconds ?? Infinity) * 1000,
  );
  const graceEndsAt = Math.min(serverDueAt + claims.checks.grace * 1000, claims.exp * 1000);
  if (now >= graceEndsAt) return { ...fallback('expired'), graceEndsAt };

  const licensed = {
    effectivePlan: claims.plan,
    entitlements: PLAN_ENTITLEMENTS[claims.plan],
    licensedPlan: claims.plan,
    graceEndsAt,
    clockRollback,
  };
  if (now < dueAt && !clockRollback) return { status: 'active', ...licensed, nextCheckAt: dueAt };
  const daysLeft = Math.ceil((graceEndsAt - now) / DAY_MS);
  const failedSinceDue =
    record.lastFailedCheckAt !== undefined &&
    record.lastFailedCheckAt >= Math.min(dueAt, record.clockRollbackAt ?? dueAt);
  return { status: failedSinceDue ? 'grace' : 'due', ...licensed, nextCheckAt: now, daysLeft };
}
