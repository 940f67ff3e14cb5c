import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LicenseClaims } from './claims';
import {
  CLOCK_ROLLBACK_TOLERANCE_MS,
  evaluateLicense,
  licenseRecordSchema,
  licenseTime,
  newLicenseRecord,
  observeClock,
  recordCheckFailed,
  recordCheckSucceeded,
  recordRevoked,
} from './license-state';
import type { LicenseRecord } from './license-state';
import { PLAN_ENTITLEMENTS } from './plans';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse('2026-12-01T12:00:00Z');

/** A Pro token issued at `start`: check daily, 14 days of grace, living 15 days. */
const claims = (issuedAt = start, plan: LicenseClaims['plan'] = 'pro'): LicenseClaims => ({
  iss: 'https://flowdesk.example',
  aud: 'flowdesk-app',
  sub: 'user_1',
  jti: 'lt_1',
  iat: issuedAt / 1000,
  nbf: issuedAt / 1000,
  exp: issuedAt / 1000 + 15 * 86_400,
  lic: 'lic_1',
  plan,
  features: [...PLAN_ENTITLEMENTS[plan].features],
  seats: 1,
  device: { fph: 'a'.repeat(64), aid: 'act_1' },
  checks: { interval: 86_400, grace: 14 * 86_400 },
});

/** The record right after signing in at `start`. */
const signedIn = () => recordCheckSucceeded(newLicenseRecord(start), start, start);

describe('the license state machine', () => {
  it('is unlicensed with Free limits before any sign-in', () => {
    const state = evaluateLicense(undefined, newLicenseRecord(start), start);
    expect(state).toMatchObject({
      status: 'unlicensed',
      effectivePlan: 'free',
      clockRollback: false,
    });
    expect(state.entitlements).toBe(PLAN_ENTITLEMENTS.free);
  });

  it('is active until the check interval, then due, with the plan still applying', () => {
    const record = signedIn();
    expect(evaluateLicense(claims(), record, start + 23 * HOUR)).toMatchObject({
      status: 'active',
      effectivePlan: 'pro',
      nextCheckAt: start + DAY,
      graceEndsAt: start + 15 * DAY,
    });
    expect(evaluateLicense(claims(), record, start + DAY)).toMatchObject({
      status: 'due',
      effectivePlan: 'pro',
      nextCheckAt: start + DAY,
      daysLeft: 14,
    });
  });

  it('goes into grace when a due check fails, counting days down, then expires to Free', () => {
    let record = recordCheckFailed(signedIn(), start + DAY + HOUR);
    expect(evaluateLicense(claims(), record, start + DAY + HOUR)).toMatchObject({
      status: 'grace',
      effectivePlan: 'pro',
      daysLeft: 14,
    });
    record = recordCheckFailed(record, start + 10 * DAY);
    expect(evaluateLicense(claims(), record, start + 10 * DAY + HOUR).daysLeft).toBe(5);
    expect(evaluateLicense(claims(), record, start + 15 * DAY - 1)).toMatchObject({
      status: 'grace',
      daysLeft: 1,
    });
    const expired = evaluateLicense(claims(), record, start + 15 * DAY);
    expect(expired).toMatchObject({
      status: 'expired',
      effectivePlan: 'free',
      licensedPlan: 'pro',
    });
    expect(expired.entitlements).toBe(PLAN_ENTITLEMENTS.free);
  });

  it('does not count a failure from before the check was due as grace', () => {
    const record = recordCheckFailed(signedIn(), start + HOUR);
    expect(evaluateLicense(claims(), record, start + DAY + HOUR).status).toBe('due');
  });

  it('comes back to active the moment a check succeeds, from grace or from expiry', () => {
    const lapsed = recordCheckFailed(signedIn(), start + 2 * DAY);
    expect(evaluateLicense(claims(), lapsed, start + 20 * DAY).status).toBe('expired');
    const renewed = recordCheckSucceeded(lapsed, start + 20 * DAY, start + 20 * DAY);
    expect(renewed.lastFailedCheckAt).toBeUndefined();
    expect(
      evaluateLicense(claims(start + 20 * DAY), renewed, start + 20 * DAY + HOUR),
    ).toMatchObject({
      status: 'active',
      effectivePlan: 'pro',
    });
  });

  it('falls due sooner under an organization’s check-interval policy, keeping the server’s grace', () => {
    const every4h = { maxCheckIntervalSeconds: 4 * 3600 };
    const record = signedIn();
    expect(evaluateLicense(claims(), record, start + 3 * HOUR, every4h)).toMatchObject({
      status: 'active',
      nextCheckAt: start + 4 * HOUR,
    });
    expect(evaluateLicense(claims(), record, start + 5 * HOUR, every4h).status).toBe('due');
    // A longer policy interval than the server's changes nothing.
    expect(
      evaluateLicense(claims(), record, start + 5 * HOUR, { maxCheckIntervalSeconds: 7 * 86_400 }),
    ).toMatchObject({ status: 'active', nextCheckAt: start + DAY });
    const failed = recordCheckFailed(record, start + 5 * HOUR);
    expect(evaluateLicense(claims(), failed, start + 6 * HOUR, every4h)).toMatchObject({
      status: 'grace',
      graceEndsAt: start + DAY + 14 * DAY,
    });
  });

  it('ends at the token’s expiry even when a later check was promised', () => {
    const shortLived = { ...claims(), exp: start / 1000 + 2 * 86_400 };
    expect(evaluateLicense(shortLived, signedIn(), start + 2 * DAY).status).toBe('expired');
  });

  it('is revoked, with Free limits and the server’s reason, until a new sign-in', () => {
    const revoked = recordRevoked(signedIn(), start + HOUR, 'ACTIVATION_REVOKED');
    expect(evaluateLicense(claims(), revoked, start + 2 * HOUR)).toMatchObject({
      status: 'revoked',
      effectivePlan: 'free',
      licensedPlan: 'pro',
      revokedCode: 'ACTIVATION_REVOKED',
    });
    const again = recordCheckSucceeded(revoked, start + 3 * HOUR, start + 3 * HOUR);
    expect(evaluateLicense(claims(start + 3 * HOUR), again, start + 4 * HOUR).status).toBe(
      'active',
    );
  });

  it('keeps a plan’s features with it: Team, then Free after fallback', () => {
    const team = evaluateLicense(claims(start, 'team'), signedIn(), start + HOUR);
    expect(team.entitlements).toBe(PLAN_ENTITLEMENTS.team);
    expect(evaluateLicense(claims(start, 'team'), signedIn(), start + 16 * DAY).entitlements).toBe(
      PLAN_ENTITLEMENTS.free,
    );
  });
});

describe('clock rollback', () => {
  it('ignores small adjustments within the tolerance', () => {
    const record = observeClock(observeClock(signedIn(), start + HOUR), start + HOUR - 60_000);
    expect(record.clockRollbackAt).toBeUndefined();
    expect(record.clockOffsetMs).toBe(0);
    expect(evaluateLicense(claims(), record, start + HOUR - 60_000).status).toBe('active');
  });

  it('notices a clock set back, keeps license time going forward, and makes a check due at once', () => {
    let record = observeClock(signedIn(), start + 10 * HOUR);
    // Someone sets the clock back a week to stretch the license.
    const setBack = start + 10 * HOUR - 7 * DAY;
    record = observeClock(record, setBack);
    expect(record.clockRollbackAt).toBe(start + 10 * HOUR);
    expect(licenseTime(record, setBack)).toBe(start + 10 * HOUR);
    expect(evaluateLicense(claims(), record, setBack)).toMatchObject({
      status: 'due',
      clockRollback: true,
    });
    // Offline: grace runs on license time, and ends on schedule whatever the clock says.
    record = recordCheckFailed(record, setBack);
    expect(evaluateLicense(claims(), record, setBack + HOUR).status).toBe('grace');
    const graceSpent = setBack + (15 * DAY - 10 * HOUR);
    expect(evaluateLicense(claims(), record, graceSpent - 1).status).toBe('grace');
    expect(evaluateLicense(claims(), record, graceSpent).status).toBe('expired');
  });

  it('is cleared by a successful check, which re-bases a clock behind the server’s', () => {
    let record = observeClock(observeClock(signedIn(), start + 10 * HOUR), start - 3 * DAY);
    const clock = start - 3 * DAY + HOUR;
    const serverTime = start + 11 * HOUR;
    record = recordCheckSucceeded(record, clock, serverTime);
    expect(record.clockRollbackAt).toBeUndefined();
    expect(record.clockOffsetMs).toBe(serverTime - clock);
    expect(evaluateLicense(claims(serverTime), record, clock + HOUR)).toMatchObject({
      status: 'active',
      clockRollback: false,
    });
  });

  it('never lets license time run backwards, whatever the readings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -60 * DAY, max: 60 * DAY }), { maxLength: 40 }),
        (steps) => {
          let record: LicenseRecord = signedIn();
          let clock = start;
          let previous = licenseTime(record, clock);
          for (const step of steps) {
            clock += step;
            record = observeClock(record, clock);
            const now = licenseTime(record, clock);
            expect(now).toBeGreaterThanOrEqual(previous);
            // Going back more than the tolerance is always noticed.
            if (step < -CLOCK_ROLLBACK_TOLERANCE_MS) expect(record.clockRollbackAt).toBeDefined();
            previous = now;
            expect(licenseRecordSchema.safeParse(record).success).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
