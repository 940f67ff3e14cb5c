import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WorkspaceBackups } from '../../src/main/data/backup/workspace-backups';
import { WorkspaceDataManager } from '../../src/main/data/workspace-data-manager';
import type { WorkspaceManager } from '../../src/main/data/workspace-manager';
import type { AuditLog } from '../../src/main/ipc/handlers';

/**
 * The real backups and data modules over a temporary folder, for tests that run the UI or the
 * IPC handlers under Node: pass `backupsFor` and `dataFor` to the in-page backend, call `remove`
 * when done. The file dialogs answer with `choose`: a path, or undefined for "cancelled".
 */
export function temporaryBackups() {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-ui-backups-'));
  const paths = {
    dataDirectory: join(directory, 'data'),
    backupsDirectory: join(directory, 'data', 'backups'),
    partitionsDirectory: join(directory, 'Partitions'),
    logsDirectory: join(directory, 'logs'),
  };
  mkdirSync(paths.dataDirectory, { recursive: true });
  const choose: {
    exportPath: (suggested: string) => string | undefined;
    importFile: () => string | undefined;
    backupFile: () => string | undefined;
    copyPath: (suggested: string) => string | undefined;
  } = {
    exportPath: (suggested) => join(directory, suggested),
    importFile: () => undefined,
    backupFile: () => undefined,
    copyPath: (suggested) => join(directory, `copy of ${suggested}`),
  };
  const made = new Map<WorkspaceManager, WorkspaceBackups>();
  const backupsFor = (workspaces: WorkspaceManager) => {
    let backups = made.get(workspaces);
    if (!backups) {
      backups = new WorkspaceBackups({
        directory: paths.backupsDirectory,
        appVersion: '0.1.0',
        store: () => workspaces.store,
        restoreWorkspaces: (restored, options) => {
          const result = workspaces.restoreWorkspaces(restored, options);
          if (!result.ok) throw result.error;
        },
      });
      made.set(workspaces, backups);
    }
    return backups;
  };
  const cleared: string[][] = [];
  return {
    directory,
    paths,
    /** A path inside the folder (for UI tests, which may not use Node modules themselves). */
    path: (...parts: string[]) => join(directory, ...parts),
    read: (path: string) => readFileSync(path, 'utf8'),
    write: (path: string, content: string) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    },
    choose,
    /** The partitions each "sign out" cleared. */
    cleared,
    backupsFor,
    dataFor: (workspaces: WorkspaceManager, audit: Pick<AuditLog, 'verify'>) =>
      new WorkspaceDataManager({
        workspaces,
        backups: backupsFor(workspaces),
        audit,
        paths,
        appVersion: '0.1.0',
        clearPartitions: (partitions) => {
          cleared.push(partitions);
          return Promise.resolve();
        },
        dialogs: {
          chooseExportPath: (suggested) => Promise.resolve(choose.exportPath(suggested)),
          chooseImportFile: () => Promise.resolve(choose.importFile()),
          chooseBackupFile: () => Promise.resolve(choose.backupFile()),
          chooseBackupCopyPath: (suggested) => Promise.resolve(choose.copyPath(suggested)),
        },
      }),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
