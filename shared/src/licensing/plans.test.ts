import { describe, expect, it } from 'vitest';
import { PLANS } from './claims';
import { FEATURES, PLAN_ENTITLEMENTS } from './plans';

describe('plan entitlements', () => {
  it('grow from plan to plan: never fewer features, devices or seats', () => {
    for (let index = 1; index < PLANS.length; index += 1) {
      const lower = PLAN_ENTITLEMENTS[PLANS[index - 1]!];
      const higher = PLAN_ENTITLEMENTS[PLANS[index]!];
      expect(lower.features.every((feature) => higher.features.includes(feature))).toBe(true);
      expect(higher.devicesPerSeat).toBeGreaterThanOrEqual(lower.devicesPerSeat);
      expect(higher.includedSeats).toBeGreaterThanOrEqual(lower.includedSeats);
    }
  });

  it('keep sign-ins in backups and enterprise policies for paying plans', () => {
    expect(PLAN_ENTITLEMENTS.free.features).not.toContain(FEATURES.backupSessions);
    expect(PLAN_ENTITLEMENTS.pro.features).toContain(FEATURES.backupSessions);
    expect(PLAN_ENTITLEMENTS.team.features).not.toContain(FEATURES.policies);
    expect(PLAN_ENTITLEMENTS.enterprise.features).toContain(FEATURES.policies);
  });
});
