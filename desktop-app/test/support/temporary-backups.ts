import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkspaceBackups } from '../../src/main/data/backup/workspace-backups';
import type { WorkspaceManager } from '../../src/main/data/workspace-manager';

/**
 * The real backups module over a temporary folder, for tests that run the UI under Node
 * (component tests): pass `backupsFor` to the in-page backend, call `remove` when done.
 */
export function temporaryBackups() {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-ui-backups-'));
  return {
    directory,
    backupsFor: (workspaces: WorkspaceManager) =>
      new WorkspaceBackups({
        directory,
        appVersion: '0.1.0',
        store: () => workspaces.store,
        restoreWorkspaces: (restored, options) => {
          const result = workspaces.restoreWorkspaces(restored, options);
          if (!result.ok) throw result.error;
        },
      }),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
