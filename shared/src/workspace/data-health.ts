import { z } from 'zod';
import { isoDateTime } from './fields';
import { idSchema } from './ids';

/**
 * The seed's IntegrityReport and cleanup results as they cross IPC: what is inconsistent between
 * the store, the session folders and the audit trails, the repairs a user may choose, and what a
 * cleanup removed. The checks themselves run in the desktop main process (data/integrity.ts).
 */

/** The folder names Flow Desk gives persistent partitions (persist:ws-… / persist:svc-…). */
export const PARTITION_FOLDER_PATTERN = /^(ws|svc)-[a-z0-9-]{1,63}$/;

export const repairSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('reassign-id'),
    workspaceId: idSchema,
    serviceId: idSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('reset-active-workspace') }),
  z.strictObject({ kind: z.literal('reset-active-service'), workspaceId: idSchema }),
  z.strictObject({
    kind: z.literal('remove-orphan-partition'),
    folder: z.string().regex(PARTITION_FOLDER_PATTERN),
  }),
]);

export const integrityIssueSchema = z.strictObject({
  code: z.enum([
    'DUPLICATE_WORKSPACE_ID',
    'DUPLICATE_SERVICE_ID',
    'DANGLING_ACTIVE_WORKSPACE',
    'DANGLING_ACTIVE_SERVICE',
    'ORPHAN_PARTITION',
    'PARTITION_NOT_CREATED',
    'AUDIT_CHAIN_BROKEN',
  ]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().max(1000),
  /** What can be done about it, when something can. */
  repair: repairSchema.optional(),
});

export const integrityReportSchema = z.strictObject({
  /** No errors or warnings (information does not count). */
  valid: z.boolean(),
  checkedAt: isoDateTime,
  workspaces: z.int().min(0),
  services: z.int().min(0),
  issues: z.array(integrityIssueSchema).max(10_000),
});

export const cleanupReasonSchema = z.enum([
  'orphan-partition',
  'interrupted-write',
  'interrupted-backup',
  'restore-staging',
  'old-damaged-store',
  'expired-backup',
  'old-log',
]);

export const cleanupResultSchema = z.strictObject({
  removed: z
    .array(
      z.strictObject({
        path: z.string().max(4096),
        bytes: z.int().min(0),
        reason: cleanupReasonSchema,
      }),
    )
    .max(100_000),
  bytesFreed: z.int().min(0),
});

export type Repair = z.infer<typeof repairSchema>;
export type IntegrityIssue = z.infer<typeof integrityIssueSchema>;
export type IntegrityReport = z.infer<typeof integrityReportSchema>;
export type CleanupReason = z.infer<typeof cleanupReasonSchema>;
export type CleanupResult = z.infer<typeof cleanupResultSchema>;
