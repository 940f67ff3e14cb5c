import { WORKSPACE_STORE_VERSION } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import type { AuditEventInput } from './audit-trail';
import type { StoreNotice } from './workspace-store';

/**
 * What loading the store did that an administrator must be able to reconstruct: a conversion
 * after an update (the seed's MigrationResult), or a recovery from a damaged file. One entry per
 * workspace, since each workspace has its own audit trail.
 */
export function auditEventsForStoreNotices(
  notices: readonly StoreNotice[],
  store: Pick<WorkspaceStore, 'workspaces'>,
): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  for (const notice of notices) {
    for (const workspace of store.workspaces) {
      if (notice.code === 'STORE_MIGRATED') {
        events.push({
          type: 'data_migrated',
          severity: 'low',
          workspaceId: workspace.id,
          action: 'convert the workspaces file after an update',
          result: 'success',
          metadata: { ...notice.details, toVersion: WORKSPACE_STORE_VERSION },
        });
      } else if (
        notice.code === 'STORE_RECOVERED' ||
        notice.code === 'STORE_RESTORED_FROM_SNAPSHOT'
      ) {
        events.push({
          type: 'store_recovered',
          severity: 'high',
          workspaceId: workspace.id,
          action:
            notice.code === 'STORE_RECOVERED'
              ? 'salvage a damaged workspaces file'
              : 'restore the last good snapshot',
          result: 'success',
          metadata: notice.details,
        });
      }
    }
  }
  return events;
}
