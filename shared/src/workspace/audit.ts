import { z } from 'zod';
import { FlowDeskError } from '../core';
import { isoDateTime } from './fields';
import { idSchema } from './ids';

/**
 * The audit trail's entry format (ARCHITECTURE.md decision 7): append-only JSON lines per
 * workspace, each entry carrying the SHA-256 of the previous one so edits and gaps show.
 * Hashing happens in the desktop app (WebCrypto or node:crypto); the format and the canonical
 * serialisation that is hashed live here so every reader agrees on them.
 */

export const AUDIT_ENTRY_VERSION = 1;
/** The `previousHash` of the first entry of a trail. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export const securityEventTypes = [
  // The seed's four event types.
  'workspace_created',
  'service_added',
  'service_loaded',
  'security_violation',
  // What else a user or an administrator needs to reconstruct.
  'workspace_updated',
  'workspace_deleted',
  'service_updated',
  'service_removed',
  'permission_decided',
  'navigation_blocked',
  'popup_blocked',
  'ipc_rejected',
  'data_cleared',
  'backup_created',
  'backup_restored',
  'store_recovered',
  'data_migrated',
  'workspaces_imported',
  'data_repaired',
  'policy_applied',
  // The license changed state (issue 7); written to every workspace's trail, as it limits each.
  'license_changed',
] as const;

export const severitySchema = z.enum(['low', 'medium', 'high', 'critical']);

/** The seed's WorkspaceSecurityEvent. */
export const workspaceSecurityEventSchema = z.strictObject({
  type: z.enum(securityEventTypes),
  severity: severitySchema,
  workspaceId: idSchema,
  serviceId: idSchema.optional(),
  action: z.string().min(1).max(200),
  timestamp: isoDateTime,
  metadata: z.record(z.string().max(100), z.unknown()).default({}),
});

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 hex digest.');

/** The seed's WorkspaceAuditEntry plus its place in the hash chain. */
export const workspaceAuditEntrySchema = z.strictObject({
  v: z.literal(AUDIT_ENTRY_VERSION),
  id: z.string().min(1).max(100),
  /** 0, 1, 2, … without gaps within one workspace's trail. */
  sequence: z.int().min(0),
  timestamp: isoDateTime,
  workspaceId: idSchema,
  serviceId: idSchema.optional(),
  event: workspaceSecurityEventSchema,
  action: z.string().min(1).max(200),
  result: z.enum(['success', 'failure', 'blocked']),
  userAgent: z.string().max(512),
  metadata: z.record(z.string().max(100), z.unknown()).default({}),
  previousHash: sha256Hex,
  /** SHA-256 of canonicalJson(entry without `hash`). */
  hash: sha256Hex,
});

export type Severity = z.infer<typeof severitySchema>;
export type SecurityEventType = (typeof securityEventTypes)[number];
export type WorkspaceSecurityEvent = z.infer<typeof workspaceSecurityEventSchema>;
export type WorkspaceAuditEntry = z.infer<typeof workspaceAuditEntrySchema>;

/**
 * Deterministic JSON: object keys sorted, no whitespace, `undefined` properties left out,
 * arrays in order. The same value always gives the same text, so its hash can be checked.
 * Refuses what JSON cannot represent faithfully (non-finite numbers, bigints, functions,
 * symbols, cycles) with AUDIT_NOT_SERIALISABLE instead of writing something lossy.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, new Set());
}

function serialise(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw notSerialisable(`the number ${String(value)}`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw notSerialisable(`a ${typeof value}`);
  }
  if (ancestors.has(value)) throw notSerialisable('a circular reference');
  ancestors.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item: unknown) => (item === undefined ? 'null' : serialise(item, ancestors))).join(',')}]`;
  } else if (value instanceof Date) {
    text = JSON.stringify(value.toISOString());
  } else {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${serialise(item, ancestors)}`);
    text = `{${entries.join(',')}}`;
  }
  ancestors.delete(value);
  return text;
}

function notSerialisable(what: string): FlowDeskError {
  return new FlowDeskError(
    'AUDIT_NOT_SERIALISABLE',
    `An audit record cannot contain ${what}; it was not written.`,
  );
}
