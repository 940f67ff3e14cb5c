import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import { ID_PATTERN } from './ids';
import type { BrowserSessionConfig, Isolation, Workspace, WorkspaceService } from './schemas';

export interface PartitionInput {
  workspaceId: string;
  serviceId: string;
  isolation: Isolation;
  /** false: the session lives in memory and is gone when the app quits. */
  persistSession: boolean;
}

export interface ParsedPartition {
  scope: 'workspace' | 'service';
  id: string;
  persistent: boolean;
}

const PARTITION = /^(persist:)?(ws|svc)-([a-z0-9][a-z0-9-]{0,62})$/;

/**
 * THE session partition of a service view (ARCHITECTURE.md decision 3). Every feature that
 * touches a session — views, proxy, user agent, permissions, spellcheck, clearing data,
 * backups — gets its partition from here and nowhere else.
 * - `shared` → `persist:ws-<workspaceId>`: services of one workspace share logins, workspaces never do;
 * - `isolated` → `persist:svc-<serviceId>`: the service shares nothing;
 * - `persistSession: false` → the same names without `persist:` (in memory).
 */
export function sessionPartitionFor(input: PartitionInput): string {
  const id = input.isolation === 'isolated' ? input.serviceId : input.workspaceId;
  if (!ID_PATTERN.test(id)) {
    throw new FlowDeskError(
      'PARTITION_INVALID_ID',
      'A workspace or service id is not valid, so its browser session cannot be opened.',
      { details: { isolation: input.isolation } },
    );
  }
  const name = `${input.isolation === 'isolated' ? 'svc' : 'ws'}-${id}`;
  return input.persistSession ? `persist:${name}` : name;
}

/** Reads a partition name back; anything not made by {@link sessionPartitionFor} is refused. */
export function parsePartition(name: unknown): Result<ParsedPartition> {
  const match = typeof name === 'string' ? PARTITION.exec(name) : null;
  if (!match) {
    return err(
      new FlowDeskError('PARTITION_UNKNOWN', 'This browser session does not belong to Flow Desk.'),
    );
  }
  return ok({
    scope: match[2] === 'svc' ? 'service' : 'workspace',
    id: match[3] ?? '',
    persistent: match[1] !== undefined,
  });
}

/** The seed's BrowserSessionConfig of one service in its workspace. */
export function browserSessionConfigFor(
  workspace: Pick<Workspace, 'id'>,
  service: Pick<WorkspaceService, 'id' | 'isolation' | 'persistSession' | 'clearOnExit'>,
): BrowserSessionConfig {
  return {
    workspaceId: workspace.id,
    serviceId: service.id,
    sessionPartition: sessionPartitionFor({
      workspaceId: workspace.id,
      serviceId: service.id,
      isolation: service.isolation,
      persistSession: service.persistSession,
    }),
    persistSession: service.persistSession,
    // An in-memory session is always gone on exit.
    clearOnExit: service.clearOnExit || !service.persistSession,
  };
}
