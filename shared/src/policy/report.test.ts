import { describe, expect, it } from 'vitest';
import { policyReportSchema } from './report';

describe('the policy report apps send', () => {
  const report = {
    since: '2026-12-02T08:00:00.000Z',
    findings: [{ policyId: 'approved-apps', version: 3, outcome: 'blocked', count: 2 }],
  };

  it('holds counts per policy and outcome', () => {
    expect(policyReportSchema.parse(report)).toEqual(report);
  });

  it('refuses anything more than counts: no addresses, no unknown outcomes, no zero counts', () => {
    const finding = report.findings[0]!;
    for (const bad of [
      { ...report, url: 'https://example.com' },
      { ...report, findings: [{ ...finding, url: 'https://example.com' }] },
      { ...report, findings: [{ ...finding, outcome: 'ignored' }] },
      { ...report, findings: [{ ...finding, count: 0 }] },
      { ...report, since: 'yesterday' },
      { ...report, findings: Array.from({ length: 101 }, () => finding) },
    ]) {
      expect(policyReportSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(
        false,
      );
    }
  });
});
