import type { AuditVerification } from '@flowdesk/shared/ipc';
import { PARTITION_FOLDER_PATTERN, newId, sessionPartitionFor } from '@flowdesk/shared/workspace';
import type {
  IntegrityIssue,
  IntegrityReport,
  Repair,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';

/**
 * The seed's validateWorkspaceIntegrity: what is inconsistent between the store, the session
 * folders on disk and the audit trails, and the repairs that can be offered. Nothing is repaired
 * here: the user chooses, and applyRepairs / the caller carry out exactly what was chosen.
 */

export type { IntegrityIssue, IntegrityReport, Repair };

export interface IntegrityInput {
  store: WorkspaceStore;
  /** Folder names under <userData>/Partitions. */
  partitionFolders: readonly string[];
  /** The audit trail check of each workspace. */
  audit: Readonly<Record<string, AuditVerification>>;
  now?: Date;
}

export function validateWorkspaceIntegrity(input: IntegrityInput): IntegrityReport {
  const { store } = input;
  const issues: IntegrityIssue[] = [];

  const seenWorkspaces = new Set<string>();
  const seenServices = new Set<string>();
  for (const workspace of store.workspaces) {
    if (seenWorkspaces.has(workspace.id)) {
      issues.push({
        code: 'DUPLICATE_WORKSPACE_ID',
        severity: 'error',
        message: `Two workspaces share the id "${workspace.id}"; "${workspace.name}" can get a new one.`,
        repair: { kind: 'reassign-id', workspaceId: workspace.id },
      });
    }
    seenWorkspaces.add(workspace.id);
    for (const service of workspace.services) {
      if (seenServices.has(service.id)) {
        issues.push({
          code: 'DUPLICATE_SERVICE_ID',
          severity: 'error',
          message: `Two services share the id "${service.id}"; "${service.name}" in "${workspace.name}" can get a new one (it will sign in again).`,
          repair: { kind: 'reassign-id', workspaceId: workspace.id, serviceId: service.id },
        });
      }
      seenServices.add(service.id);
    }
    if (
      workspace.activeServiceId !== null &&
      !workspace.services.some((service) => service.id === workspace.activeServiceId)
    ) {
      issues.push({
        code: 'DANGLING_ACTIVE_SERVICE',
        severity: 'warning',
        message: `"${workspace.name}" opens on a service that no longer exists.`,
        repair: { kind: 'reset-active-service', workspaceId: workspace.id },
      });
    }
  }
  if (store.activeWorkspaceId !== null && !seenWorkspaces.has(store.activeWorkspaceId)) {
    issues.push({
      code: 'DANGLING_ACTIVE_WORKSPACE',
      severity: 'warning',
      message: 'Flow Desk opens on a workspace that no longer exists.',
      repair: { kind: 'reset-active-workspace' },
    });
  }

  // Session folders: each persistent partition the store uses, against what is on disk.
  const used = new Map<string, string>();
  for (const workspace of store.workspaces) {
    for (const service of workspace.services) {
      if (!service.persistSession) continue;
      const folder = sessionPartitionFor({
        workspaceId: workspace.id,
        serviceId: service.id,
        isolation: service.isolation,
        persistSession: true,
      }).replace(/^persist:/, '');
      if (!used.has(folder)) used.set(folder, `${service.name} in ${workspace.name}`);
    }
  }
  const onDisk = new Set(input.partitionFolders);
  for (const folder of input.partitionFolders) {
    if (!PARTITION_FOLDER_PATTERN.test(folder) || used.has(folder)) continue;
    issues.push({
      code: 'ORPHAN_PARTITION',
      severity: 'warning',
      message: `Browser data of a removed service or workspace is still on disk (${folder}).`,
      repair: { kind: 'remove-orphan-partition', folder },
    });
  }
  for (const [folder, owner] of used) {
    if (onDisk.has(folder)) continue;
    issues.push({
      code: 'PARTITION_NOT_CREATED',
      severity: 'info',
      message: `${owner} has no browser data yet: it was never opened, or its data was cleared.`,
    });
  }

  for (const workspace of store.workspaces) {
    const verification = input.audit[workspace.id];
    if (!verification || verification.valid) continue;
    issues.push({
      code: 'AUDIT_CHAIN_BROKEN',
      severity: 'error',
      message: `The audit log of "${workspace.name}" was changed or damaged${
        verification.firstProblem ? ` at entry ${verification.firstProblem.sequence}` : ''
      }. It is kept as it is, as evidence.`,
    });
  }

  return {
    valid: !issues.some((issue) => issue.severity !== 'info'),
    checkedAt: (input.now ?? new Date()).toISOString(),
    workspaces: store.workspaces.length,
    services: seenServices.size,
    issues,
  };
}

/**
 * The store after the chosen repairs (those that change it; removing an orphan folder is the
 * caller's, with the file system). Each repair applies to the first duplicate found after the
 * original, so applying the report's repairs leaves every id unique.
 */
export function applyRepairs(
  store: WorkspaceStore,
  repairs: readonly Repair[],
  makeId: () => string = () => newId(),
): WorkspaceStore {
  const next = structuredClone(store);
  for (const repair of repairs) {
    if (repair.kind === 'reset-active-workspace') {
      next.activeWorkspaceId = next.workspaces[0]?.id ?? null;
    } else if (repair.kind === 'reset-active-service') {
      for (const workspace of next.workspaces.filter((w) => w.id === repair.workspaceId)) {
        if (!workspace.services.some((service) => service.id === workspace.activeServiceId)) {
          workspace.activeServiceId = null;
        }
      }
    } else if (repair.kind === 'reassign-id') {
      if (repair.serviceId === undefined) {
        const duplicates = next.workspaces.filter((w) => w.id === repair.workspaceId);
        if (duplicates[1]) duplicates[1].id = makeId();
      } else {
        const holders = next.workspaces.flatMap((workspace) =>
          workspace.services
            .filter((service) => service.id === repair.serviceId)
            .map((service) => ({ workspace, service })),
        );
        const second = holders[1];
        if (second) {
          const fresh = makeId();
          // The workspace that opened on it keeps opening on it.
          if (second.workspace.activeServiceId === second.service.id) {
            second.workspace.activeServiceId = fresh;
          }
          second.service.id = fresh;
        }
      }
    }
  }
  return next;
}
