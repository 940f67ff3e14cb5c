import { describe, expect, it } from '@jest/globals';
import { formatWhen, licenseNotice, planName } from './license-words';
import { licenseView, snapshotIn } from './license-views.test-support';

describe('the license’s words', () => {
  it('names plans, and dates other days by date', () => {
    expect(planName('team')).toBe('Team');
    expect(planName('custom')).toBe('custom');
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(formatWhen(undefined, now)).toBeUndefined();
    expect(formatWhen(now + 3 * 86_400_000, now)).toMatch(/2026/);
    expect(formatWhen(now, now)).toMatch(/^today at /);
  });

  it('gives a notice only in grace, lapsed or revoked, and never when licensing is off', () => {
    expect(licenseNotice(licenseView(snapshotIn('active')))).toBeUndefined();
    expect(licenseNotice(licenseView(snapshotIn('grace')))).toMatch(/12 more days/);
    expect(licenseNotice(licenseView(undefined))).toBeUndefined();
  });
});
