import { z } from 'zod';

/**
 * What an organization member's app tells the website at its license check (issue 10's
 * compliance report): how many times each policy blocked, warned about or recorded something
 * since the last report. Counts only: never the addresses, services or workspaces involved.
 */
export const policyReportSchema = z.strictObject({
  /** When counting began (ISO 8601). */
  since: z.iso.datetime(),
  findings: z
    .array(
      z.strictObject({
        policyId: z.string().min(1).max(100),
        version: z.int().min(1).max(1_000_000),
        outcome: z.enum(['blocked', 'warned', 'recorded']),
        count: z.int().min(1).max(1_000_000),
      }),
    )
    .max(100),
});
export type PolicyReport = z.infer<typeof policyReportSchema>;
export type PolicyReportOutcome = PolicyReport['findings'][number]['outcome'];
