import { readFile, readdir, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { IpcResponse } from '@flowdesk/shared/ipc';
import {
  MAX_CONFIG_DOCUMENT_BYTES,
  exportWorkspaceConfig,
  newId as makeId,
  previewImport,
  sessionPartitionFor,
} from '@flowdesk/shared/workspace';
import type {
  CleanupResult,
  ConflictChoice,
  ImportPreview,
  IntegrityReport,
  Repair,
} from '@flowdesk/shared/workspace';
import type { AuditLog } from '../ipc/handlers';
import { writeFileAtomic } from './atomic-file';
import type { WorkspaceBackups } from './backup/workspace-backups';
import { optimizeStore, removeOldLogs, removeOrphanPartitions } from './cleanup';
import type { CleanupPaths } from './cleanup';
import { validateWorkspaceIntegrity } from './integrity';
import type { WorkspaceManager } from './workspace-manager';
import type { StoreNotice } from './workspace-store';
import type { PolicyStore } from '../policy/policy-store';

/**
 * The seed's WorkspaceDataManager, for everything but the backups themselves (backup/): export
 * and import of configuration, the integrity check and its repairs, cleanup, clearing sessions
 * and the scheduled backup. Files are chosen by the user through injected dialogs; the module
 * runs under plain Node in tests.
 */

export interface DataDialogs {
  /** Where to write an export; undefined when the user cancels. */
  chooseExportPath: (suggestedName: string) => Promise<string | undefined>;
  /** Which export to import; undefined when the user cancels. */
  chooseImportFile: () => Promise<string | undefined>;
  /** Which backup file to add to the backups folder. */
  chooseBackupFile: () => Promise<string | undefined>;
  /** Where to save a copy of a backup. */
  chooseBackupCopyPath: (suggestedName: string) => Promise<string | undefined>;
}

export interface WorkspaceDataManagerDependencies {
  workspaces: Pick<WorkspaceManager, 'store' | 'importWorkspaces' | 'repairStore'>;
  backups: Pick<
    WorkspaceBackups,
    'runSchedule' | 'removeExpired' | 'addFile' | 'copyTo' | 'list' | 'backupBeforeMigration'
  >;
  audit: Pick<AuditLog, 'verify'>;
  paths: CleanupPaths & { logsDirectory: string };
  dialogs: DataDialogs;
  /** Puts the partitions' pages to sleep and clears their cookies, storage and cache. */
  clearPartitions: (partitions: string[]) => Promise<void>;
  appVersion: string;
  /** Whether the plan that applies includes backups with sign-ins (licensing); default yes. */
  mayBackUpSessions?: () => boolean;
  /** The organization's policies: what they require of unattended backups. */
  policy?: Pick<PolicyStore, 'required'>;
  now?: () => Date;
  newId?: () => string;
}

/** Previews waiting for the user's choices; older ones are forgotten. */
const MAX_PENDING_IMPORTS = 5;

export class WorkspaceDataManager {
  private readonly pendingImports = new Map<string, { preview: ImportPreview; fileName: string }>();
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: WorkspaceDataManagerDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => makeId());
  }

  async exportConfig(workspaceIds?: string[]): Promise<Result<IpcResponse<'workspaces:export'>>> {
    const store = this.deps.workspaces.store;
    if (workspaceIds?.some((id) => !store.workspaces.some((workspace) => workspace.id === id))) {
      return err(
        new FlowDeskError('WORKSPACE_NOT_FOUND', 'One of the chosen workspaces no longer exists.'),
      );
    }
    const document = exportWorkspaceConfig(store, {
      ...(workspaceIds ? { workspaceIds } : {}),
      appVersion: this.deps.appVersion,
      now: this.now(),
    });
    const path = await this.deps.dialogs.chooseExportPath(
      `Flow Desk workspaces ${this.now().toISOString().slice(0, 10)}.json`,
    );
    if (path === undefined) return err(cancelled('No file was chosen, so nothing was exported.'));
    try {
      writeFileAtomic(path, `${JSON.stringify(document, null, 2)}\n`);
    } catch (error) {
      return err(
        new FlowDeskError(
          'EXPORT_WRITE_FAILED',
          'The export could not be written there. Check the free space and that you may write to that folder.',
          { cause: error },
        ),
      );
    }
    return ok({ fileName: basename(path), workspaceCount: document.workspaces.length });
  }

  async previewImport(): Promise<Result<IpcResponse<'workspaces:import-preview'>>> {
    const path = await this.deps.dialogs.chooseImportFile();
    if (path === undefined) return err(cancelled('No file was chosen, so nothing was imported.'));
    const text = await readLimited(path);
    if (!text.ok) return text;
    const preview = previewImport(text.value, this.deps.workspaces.store);
    if (!preview.ok) return preview;
    const importId = this.newId();
    this.pendingImports.set(importId, { preview: preview.value, fileName: basename(path) });
    while (this.pendingImports.size > MAX_PENDING_IMPORTS) {
      this.pendingImports.delete(this.pendingImports.keys().next().value!);
    }
    const { document, conflicts, knownAddresses } = preview.value;
    return ok({
      importId,
      fileName: basename(path),
      workspaces: document.workspaces.map((workspace) => ({
        workspaceId: workspace.id,
        name: workspace.name,
        services: workspace.services.length,
      })),
      conflicts,
      knownAddresses,
    });
  }

  applyImport(
    importId: string,
    choices: Readonly<Record<string, ConflictChoice>>,
  ): Result<IpcResponse<'workspaces:import-apply'>> {
    const pending = this.pendingImports.get(importId);
    if (!pending) {
      return err(
        new FlowDeskError(
          'IMPORT_EXPIRED',
          'This import is no longer waiting for your choices. Choose the file again.',
        ),
      );
    }
    // Checked against the store as it is now: it may have changed since the preview.
    const fresh = previewImport(
      JSON.stringify(pending.preview.document),
      this.deps.workspaces.store,
    );
    if (!fresh.ok) return fresh;
    const imported = this.deps.workspaces.importWorkspaces(fresh.value, choices);
    if (!imported.ok) return imported;
    this.pendingImports.delete(importId);
    const { added, replaced, skipped } = imported.value;
    return ok({ added, replaced, skipped });
  }

  async checkIntegrity(): Promise<IntegrityReport> {
    const store = this.deps.workspaces.store;
    const audit: Record<string, Awaited<ReturnType<AuditLog['verify']>>> = {};
    for (const workspace of store.workspaces) {
      audit[workspace.id] = await this.deps.audit.verify(workspace.id);
    }
    return validateWorkspaceIntegrity({
      store,
      partitionFolders: await folderNames(this.deps.paths.partitionsDirectory),
      audit,
      now: this.now(),
    });
  }

  /**
   * Carries out the chosen repairs that a fresh check still offers (so a stale or forged list
   * cannot remove anything else), then checks again.
   */
  async repair(repairs: readonly Repair[]): Promise<Result<IpcResponse<'data:repair'>>> {
    const offered = new Set(
      (await this.checkIntegrity()).issues.flatMap((issue) =>
        issue.repair ? [JSON.stringify(issue.repair)] : [],
      ),
    );
    const chosen = repairs.filter((repair) => offered.has(JSON.stringify(repair)));
    const changed = this.deps.workspaces.repairStore(chosen);
    if (!changed.ok) return changed;
    const removed = await removeOrphanPartitions(
      this.deps.paths,
      chosen.flatMap((repair) =>
        repair.kind === 'remove-orphan-partition' ? [repair.folder] : [],
      ),
    );
    return ok({
      applied: chosen.length,
      bytesFreed: removed.bytesFreed,
      report: await this.checkIntegrity(),
    });
  }

  /** The seed's cleanupWorkspaceData: leftovers, expired backups and old logs, with bytes freed. */
  async cleanup(): Promise<CleanupResult> {
    const now = this.now();
    const leftovers = await optimizeStore(this.deps.paths, now);
    const logs = await removeOldLogs(this.deps.paths.logsDirectory, now);
    const backups = await this.deps.backups.removeExpired(
      this.deps.workspaces.store.settings.backups.keep,
    );
    const removed = [
      ...leftovers.removed,
      ...logs.removed,
      ...backups.map(({ path, bytes }) => ({ path, bytes, reason: 'expired-backup' as const })),
    ];
    return { removed, bytesFreed: removed.reduce((sum, item) => sum + item.bytes, 0) };
  }

  /**
   * The seed's clearBrowserSessionData: signs a workspace's services (or one of them) out by
   * clearing their sessions. A shared session belongs to the whole workspace, so clearing one
   * shared service clears its workspace's shared session.
   */
  async clearBrowserSessionData(
    workspaceId: string,
    serviceId?: string,
  ): Promise<Result<IpcResponse<'data:clear-sessions'>>> {
    const workspace = this.deps.workspaces.store.workspaces.find((w) => w.id === workspaceId);
    const services = workspace?.services.filter(
      (service) => serviceId === undefined || service.id === serviceId,
    );
    if (!workspace || !services || (serviceId !== undefined && services.length === 0)) {
      return err(
        new FlowDeskError(
          serviceId === undefined ? 'WORKSPACE_NOT_FOUND' : 'SERVICE_NOT_FOUND',
          'This workspace or service does not exist any more.',
        ),
      );
    }
    const partitions = [
      ...new Set(
        services.map((service) =>
          sessionPartitionFor({
            workspaceId,
            serviceId: service.id,
            isolation: service.isolation,
            persistSession: service.persistSession,
          }),
        ),
      ),
    ];
    await this.deps.clearPartitions(partitions);
    return ok({ clearedPartitions: partitions.length });
  }

  /**
   * After an update converted the workspaces file at start-up: a backup of the file as it was
   * (kept next to it by the store). Returns the backup made, if there was a conversion.
   */
  async backupBeforeMigration(notices: readonly StoreNotice[]) {
    const migrated = notices.find((notice) => notice.code === 'STORE_MIGRATED');
    const previousFile = migrated?.details.previousFile;
    const fromVersion = migrated?.details.fromVersion;
    if (typeof previousFile !== 'string' || typeof fromVersion !== 'number') return undefined;
    const text = await readFile(previousFile, 'utf8');
    return this.deps.backups.backupBeforeMigration({ text, schemaVersion: fromVersion });
  }

  /** The scheduled backup, when the settings ask for one and it is due. */
  async runScheduledBackup() {
    const schedule = this.deps.workspaces.store.settings.backups;
    const required = this.deps.policy?.required();
    // Unattended backups use the keyring: a policy that demands a passphrase rules them out, and
    // they are skipped rather than refused every hour (backups made by hand still work).
    if (!schedule.automatic || required?.backupsNeedPassphrase) return { deleted: [] as string[] };
    // Past a paid plan, or under a policy, the schedule goes on without the sign-ins.
    const includeBrowserSessions =
      schedule.includeBrowserSessions &&
      !required?.noSessionsInBackups &&
      (this.deps.mayBackUpSessions?.() ?? true);
    return this.deps.backups.runSchedule({ ...schedule, includeBrowserSessions });
  }

  async addBackupFile() {
    const path = await this.deps.dialogs.chooseBackupFile();
    if (path === undefined) return err(cancelled('No file was chosen, so no backup was added.'));
    return ok(await this.deps.backups.addFile(path));
  }

  async saveBackupCopy(backupId: string): Promise<Result<IpcResponse<'backups:save-copy'>>> {
    const backup = (await this.deps.backups.list()).find((info) => info.backupId === backupId);
    if (!backup) {
      return err(
        new FlowDeskError(
          'BACKUP_NOT_FOUND',
          'This backup is no longer in the backups folder. Choose another one.',
        ),
      );
    }
    const path = await this.deps.dialogs.chooseBackupCopyPath(backup.fileName);
    if (path === undefined) return err(cancelled('No place was chosen, so no copy was saved.'));
    await this.deps.backups.copyTo(backupId, path);
    return ok({ fileName: basename(path) });
  }
}

function cancelled(message: string): FlowDeskError {
  return new FlowDeskError('CANCELLED', message);
}

async function readLimited(path: string): Promise<Result<string>> {
  try {
    const { size } = await stat(path);
    if (size > MAX_CONFIG_DOCUMENT_BYTES) {
      return err(
        new FlowDeskError(
          'IMPORT_TOO_LARGE',
          'This file is too large to be a Flow Desk workspace export.',
        ),
      );
    }
    return ok(await readFile(path, 'utf8'));
  } catch (error) {
    return err(
      new FlowDeskError(
        'IMPORT_UNREADABLE',
        'The file cannot be read. Check that it still exists and that you may open it.',
        { cause: error },
      ),
    );
  }
}

async function folderNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}
