import type { AuditVerification } from '@flowdesk/shared/ipc';
import { redactValue } from '@flowdesk/shared/monitoring';
import {
  AUDIT_ENTRY_VERSION,
  AUDIT_GENESIS_HASH,
  canonicalJson,
  workspaceAuditEntrySchema,
} from '@flowdesk/shared/workspace';
import type { SecurityEventType, Severity, WorkspaceAuditEntry } from '@flowdesk/shared/workspace';

/**
 * The hash chain of an audit trail, independent of where it is stored: how an entry is built
 * from an event and the chain's head, and how a sequence of stored lines is verified. The file
 * trail of the main process and the in-memory one of the UI test stand-in both use it.
 */

export interface AuditEventInput {
  type: SecurityEventType;
  severity: Severity;
  workspaceId: string;
  serviceId?: string;
  action: string;
  result: 'success' | 'failure' | 'blocked';
  metadata?: Record<string, unknown>;
}

/** SHA-256 of a text, as lower-case hex (node:crypto in the main process, WebCrypto in a page). */
export type Sha256 = (text: string) => Promise<string>;

export interface ChainHead {
  /** The sequence number the next entry gets. */
  sequence: number;
  /** The hash the next entry points back to. */
  hash: string;
}

export const GENESIS_HEAD: ChainHead = { sequence: 0, hash: AUDIT_GENESIS_HASH };

export async function buildAuditEntry(
  input: AuditEventInput,
  head: ChainHead,
  context: { id: string; timestamp: string; userAgent: string },
  sha256: Sha256,
): Promise<WorkspaceAuditEntry> {
  const metadata = redactValue(input.metadata ?? {}) as Record<string, unknown>;
  const service = input.serviceId === undefined ? {} : { serviceId: input.serviceId };
  const base: Omit<WorkspaceAuditEntry, 'hash'> = {
    v: AUDIT_ENTRY_VERSION,
    id: context.id,
    sequence: head.sequence,
    timestamp: context.timestamp,
    workspaceId: input.workspaceId,
    ...service,
    event: {
      type: input.type,
      severity: input.severity,
      workspaceId: input.workspaceId,
      ...service,
      action: input.action,
      timestamp: context.timestamp,
      metadata,
    },
    action: input.action,
    result: input.result,
    userAgent: context.userAgent,
    metadata,
    previousHash: head.hash,
  };
  return workspaceAuditEntrySchema.parse({ ...base, hash: await sha256(canonicalJson(base)) });
}

export function parseAuditLine(line: string): WorkspaceAuditEntry | undefined {
  try {
    const parsed = workspaceAuditEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Walks the chain from its start (genesis or a retention anchor) to the first problem. */
export async function verifyAuditChain(
  lines: readonly string[],
  start: ChainHead,
  sha256: Sha256,
): Promise<AuditVerification> {
  let expected = { ...start };
  let checked = 0;
  for (const line of lines) {
    const entry = parseAuditLine(line);
    const problem = (
      kind: NonNullable<AuditVerification['firstProblem']>['kind'],
      message: string,
    ) => ({
      valid: false,
      checkedEntries: checked,
      firstProblem: { sequence: expected.sequence, kind, message },
    });
    if (!entry) return problem('unreadable', `Entry ${expected.sequence} cannot be read.`);
    if (entry.sequence !== expected.sequence) {
      return problem(
        'sequence-gap',
        `Entry ${expected.sequence} is missing (the next one found is ${entry.sequence}).`,
      );
    }
    if (entry.previousHash !== expected.hash) {
      return problem(
        'chain-break',
        `Entry ${expected.sequence} does not follow the entry before it.`,
      );
    }
    const { hash, ...rest } = entry;
    if ((await sha256(canonicalJson(rest))) !== hash) {
      return problem(
        'hash-mismatch',
        `Entry ${expected.sequence} was changed after it was written.`,
      );
    }
    checked += 1;
    expected = { sequence: entry.sequence + 1, hash };
  }
  return { valid: true, checkedEntries: checked };
}
