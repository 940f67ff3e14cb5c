import { createReadStream, createWriteStream } from 'node:fs';
import { policyBlocked } from '../../policy/policy-store';
import type { PolicyStore } from '../../policy/policy-store';
import { copyFile, mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FlowDeskError } from '@flowdesk/shared/core';
import type { BackupInfo } from '@flowdesk/shared/ipc';
import {
  SAFETY_RETENTION,
  SCHEDULED_RETENTION,
  WORKSPACE_STORE_VERSION,
  backupChainLength,
  expiredBackups,
  newId as makeId,
  parseWorkspaceStore,
  scheduledBackupDue,
  sessionPartitionFor,
} from '@flowdesk/shared/workspace';
import type { BackupMetadata, Workspace, WorkspaceStore } from '@flowdesk/shared/workspace';
import {
  checkPassphrase,
  deriveKey,
  newDeviceKeyEncryption,
  newPassphraseEncryption,
} from './crypto';
import type { DeviceKeyStore } from './crypto';
import { backupError } from './format';
import { MANIFEST_ENTRY, changedSince, readManifest } from './manifest';
import type { BackupManifest, ManifestFile } from './manifest';
import { readBackup, readBackupMetadata } from './reader';
import type { BackedUpCookie } from './session-cookies';
import { backedUpCookiesSchema } from './session-cookies';
import { writeBackup } from './writer';
import type { BackupEntrySource, BackupMetadataDraft } from './writer';

/**
 * The seed's WorkspaceDataManager backups: create a backup of some or all workspaces (with their
 * sign-ins on request), list and verify backups, and restore one — verified entirely before
 * anything changes, after a safety snapshot of the current state, rolled back if a step fails.
 */

/** What a backup needs of the browser sessions (Electron's session API and profile folders). */
export interface SessionArchive {
  /** Where Chromium keeps the files of a persistent partition (read when backing up). */
  partitionDirectory: (partition: string) => string;
  /**
   * Where restored files for a partition wait until the next start: a running session keeps its
   * databases open, so they are put in place before any session is created (pending-sessions.ts).
   */
  pendingDirectory: (partition: string) => string;
  /** Puts every page of these partitions to sleep, so their files stop changing. */
  quiesce: (partitions: string[]) => Promise<void>;
  readCookies: (partition: string) => Promise<BackedUpCookie[]>;
  writeCookies: (partition: string, cookies: BackedUpCookie[]) => Promise<void>;
  /** Removes the partition's cookies (before a restore puts the backup's back). */
  clearCookies: (partition: string) => Promise<void>;
}

/** The parts of a partition's folder that hold sign-ins and app data; caches are left out. */
export const SESSION_FOLDERS = [
  'Local Storage',
  'Session Storage',
  'IndexedDB',
  'WebStorage',
  'databases',
  'File System',
] as const;

export type BackupProtection =
  { method: 'passphrase'; passphrase: string } | { method: 'device-key' } | { method: 'none' };

export interface CreateBackupRequest {
  /** The workspaces to back up; all when absent. */
  workspaceIds?: string[];
  includeBrowserSessions: boolean;
  protection: BackupProtection;
  compression?: 'gzip' | 'none';
  /** Where to write it; the backups folder when absent. */
  path?: string;
  retentionPolicy?: string;
  /**
   * incremental: only the session files changed since a parent backup (`parentId`, or else the
   * newest backup of the same workspaces), which restoring then needs too. full when absent.
   */
  type?: 'full' | 'incremental';
  parentId?: string;
  /**
   * The workspaces file as it was before a migration (its text and schema version), backed up
   * instead of the current store: the automatic backup made after an update.
   */
  storeDocument?: { text: string; schemaVersion: number };
}

export interface RestoreBackupRequest {
  backupId: string;
  passphrase?: string;
  /** replace: the backup's workspaces take the place of those with the same id. merge: added as new ones. */
  mode: 'replace' | 'merge';
  workspaceIds?: string[];
}

export interface WorkspaceBackupsDependencies {
  /** The backups folder (<userData>/data/backups). */
  directory: string;
  appVersion: string;
  store: () => WorkspaceStore;
  /**
   * Puts restored workspaces in the store in one change: same ids replaced, others added; with
   * `replaceAll`, exactly these (undoing a failed restore). Throws when the store refuses.
   */
  restoreWorkspaces: (workspaces: Workspace[], options: { replaceAll: boolean }) => void;
  sessions?: SessionArchive;
  deviceKeys?: DeviceKeyStore;
  onProgress?: (operationId: string, phase: BackupPhase, fraction: number) => void;
  /** The organization's policies (policy/policy-store.ts); without it, none apply. */
  policy?: Pick<PolicyStore, 'decide'>;
  now?: () => Date;
  newId?: () => string;
}

export type BackupPhase = 'collecting' | 'writing' | 'verifying' | 'restoring' | 'done' | 'failed';

const STORE_ENTRY = 'store.json';
const SESSIONS_PREFIX = 'sessions/';
const FILE_EXTENSION = '.fdbackup';
/** Beyond this many links an incremental backup is refused: a full one is due. */
export const MAX_CHAIN_LENGTH = 30;
/** Scheduled backups: a full one, then incremental ones on top until the chain is this long. */
export const SCHEDULED_CHAIN_LENGTH = 7;

interface PartitionRef {
  /** Electron's partition name, e.g. persist:svc-s1. */
  partition: string;
  /** Its folder name inside the backup, e.g. svc-s1. */
  key: string;
}

export class WorkspaceBackups {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: WorkspaceBackupsDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => makeId());
  }

  async create(request: CreateBackupRequest): Promise<BackupInfo> {
    // Policies (issue 10): passphrase protection required, sign-ins not allowed in backups.
    const decision = this.deps.policy?.decide(
      {
        action: 'create-backup',
        protection: request.protection.method,
        includesSessions: request.includeBrowserSessions,
      },
      request.workspaceIds?.[0],
    );
    if (decision && !decision.allowed) throw policyBlocked(decision);
    const operationId = this.newId();
    const progress = (phase: BackupPhase, fraction: number) =>
      this.deps.onProgress?.(operationId, phase, fraction);
    try {
      const info = await this.write(request, operationId, progress);
      progress('done', 1);
      return info;
    } catch (error) {
      progress('failed', 1);
      throw error;
    }
  }

  /** Backups in the backups folder, newest first; unreadable files are left out. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.deps.directory);
    } catch {
      return [];
    }
    const infos: BackupInfo[] = [];
    for (const fileName of names.filter((name) => name.endsWith(FILE_EXTENSION))) {
      try {
        const metadata = await readBackupMetadata(join(this.deps.directory, fileName));
        infos.push({ backupId: metadata.id, fileName, metadata });
      } catch {
        // Not a backup this version can read; `flowdesk-backup inspect` says why.
      }
    }
    return infos.sort((a, b) => b.metadata.timestamp.localeCompare(a.metadata.timestamp));
  }

  /**
   * Adds a backup file from elsewhere (another computer, a USB stick) to the backups folder. Its
   * header is read first; everything else is checked when it is verified or restored.
   */
  async addFile(source: string): Promise<BackupInfo> {
    const metadata = await readBackupMetadata(source);
    const existing = (await this.list()).find((info) => info.backupId === metadata.id);
    if (existing) {
      if (existing.metadata.checksum === metadata.checksum) return existing;
      throw backupError(
        'BACKUP_ID_TAKEN',
        'A different backup with the same name is already in the backups folder. Delete it first.',
      );
    }
    const fileName = `flowdesk-${metadata.id}${FILE_EXTENSION}`;
    await mkdir(this.deps.directory, { recursive: true });
    await copyAtomically(source, join(this.deps.directory, fileName));
    return { backupId: metadata.id, fileName, metadata };
  }

  /** Saves a copy of a backup elsewhere (written next to the target first, then renamed). */
  async copyTo(backupId: string, target: string): Promise<void> {
    await copyAtomically(this.pathIn(await this.list(), backupId), target);
  }

  /** Deletes a backup file from the backups folder, unless an incremental backup builds on it. */
  async remove(backupId: string): Promise<void> {
    const backups = await this.list();
    const dependents = backups.filter((info) => info.metadata.parentId === backupId);
    if (dependents.length > 0) {
      throw new FlowDeskError(
        'BACKUP_HAS_DEPENDENTS',
        `${dependents.length === 1 ? 'An incremental backup builds' : `${dependents.length} incremental backups build`} on this one and could not be restored without it. Delete ${dependents.length === 1 ? 'it' : 'them'} first.`,
        { details: { dependents: dependents.map((info) => info.backupId) } },
      );
    }
    await rm(this.pathIn(backups, backupId), { force: true });
  }

  /**
   * The automatic backup after an update converted the workspaces file (the seed's
   * migrateWorkspaceData): the file as it was, restorable like any backup (a restore converts it
   * again). Kept as a safety snapshot.
   */
  async backupBeforeMigration(previous: { text: string; schemaVersion: number }) {
    return this.create({
      includeBrowserSessions: false,
      protection: this.automaticProtection(),
      retentionPolicy: SAFETY_RETENTION,
      storeDocument: previous,
    });
  }

  /** Automatic backups use this computer's keyring when it can keep a key. */
  private automaticProtection(): BackupProtection {
    return this.deps.deviceKeys ? { method: 'device-key' } : { method: 'none' };
  }

  /**
   * The scheduled backup: made when one is due (device key when the keyring can keep one), then
   * the backups the retention rules let go are deleted. Returns what was made, if anything.
   */
  async runSchedule(schedule: {
    intervalHours: number;
    keep: number;
    includeBrowserSessions: boolean;
  }): Promise<{ created?: BackupInfo; deleted: string[] }> {
    const existing = await this.list();
    const retained = existing.map(retainedOf);
    let created: BackupInfo | undefined;
    if (scheduledBackupDue(retained, schedule.intervalHours, this.now())) {
      // Incremental on top of the last scheduled backup while its chain is short and alike.
      const last = existing.find(
        (info) =>
          info.metadata.retentionPolicy === SCHEDULED_RETENTION &&
          !info.metadata.workspaceIds &&
          info.metadata.includesBrowserSessions === schedule.includeBrowserSessions,
      );
      const incremental =
        last !== undefined &&
        schedule.includeBrowserSessions &&
        backupChainLength(retained, last.backupId) < SCHEDULED_CHAIN_LENGTH;
      const request: CreateBackupRequest = {
        includeBrowserSessions: schedule.includeBrowserSessions,
        protection: this.automaticProtection(),
        retentionPolicy: SCHEDULED_RETENTION,
      };
      // A parent that cannot be built on (its key gone, the file damaged) starts a new chain.
      created = incremental
        ? await this.create({ ...request, type: 'incremental', parentId: last.backupId }).catch(
            () => this.create(request),
          )
        : await this.create(request);
    }
    const deleted = await this.removeExpired(schedule.keep);
    return { ...(created ? { created } : {}), deleted: deleted.map((gone) => gone.backupId) };
  }

  /** Deletes the backups the retention rules let go (keeping `keep` scheduled ones and chains). */
  async removeExpired(keep: number): Promise<{ backupId: string; path: string; bytes: number }[]> {
    const backups = await this.list();
    const removed = [];
    for (const backupId of expiredBackups(backups.map(retainedOf), keep, this.now())) {
      const info = backups.find((candidate) => candidate.backupId === backupId);
      if (!info) continue;
      const path = join(this.deps.directory, info.fileName);
      const bytes = (await stat(path).catch(() => undefined))?.size ?? 0;
      await rm(path, { force: true });
      removed.push({ backupId, path, bytes });
    }
    return removed;
  }

  /**
   * Checks every byte of a backup without restoring anything; for an incremental one, every
   * backup it builds on too. Returns what the backup itself holds.
   */
  async verify(backupId: string, passphrase?: string) {
    const chain = await this.chainOf(backupId);
    const keys = this.keySource(passphrase);
    const read = (link: BackupInfo) =>
      readBackup({ path: join(this.deps.directory, link.fileName), ...keys });
    // chainOf ends with the backup itself.
    const target = chain.pop()!;
    for (const link of chain) await read(link);
    return read(target);
  }

  async restore(
    request: RestoreBackupRequest,
  ): Promise<{ restoredWorkspaceIds: string[]; safetySnapshotId: string; restartNeeded: boolean }> {
    const operationId = this.newId();
    const progress = (phase: BackupPhase, fraction: number) =>
      this.deps.onProgress?.(operationId, phase, fraction);
    const chain = await this.chainOf(request.backupId);
    const keys = this.keySource(request.passphrase);

    // 1. Everything is checked before anything changes: the backup and all it builds on.
    progress('verifying', 0);
    const totalBytes = chain.reduce((sum, link) => sum + link.metadata.size, 0);
    let checkedBytes = 0;
    for (const link of chain) {
      await readBackup({
        path: join(this.deps.directory, link.fileName),
        ...keys,
        onProgress: (done) =>
          progress('verifying', (checkedBytes + done) / Math.max(totalBytes, 1)),
      });
      checkedBytes += link.metadata.size;
    }
    const target = chain[chain.length - 1]!;

    // 2. Unpacked into a staging folder, oldest link first, checked again as it is read.
    const staging = join(this.deps.directory, `.restore-${operationId}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      await this.unpackChain(chain, keys, staging);
      const plan = await this.planRestore(staging, target.metadata, request);

      // 3. A safety snapshot of what is there now, then the change; undone if a step fails.
      progress('restoring', 0.1);
      const snapshot = await this.write(
        {
          includeBrowserSessions: plan.partitions.length > 0,
          protection: this.automaticProtection(),
          retentionPolicy: SAFETY_RETENTION,
        },
        operationId,
        () => undefined,
      );
      try {
        await this.apply(staging, plan, { replaceAll: false, files: true });
      } catch (error) {
        await this.rollBack(snapshot, plan).catch(() => undefined);
        throw backupError(
          'BACKUP_RESTORE_ROLLED_BACK',
          'The restore could not finish, so everything was put back as it was. Try again; if it fails again, check the free disk space.',
          error,
        );
      }
      progress('done', 1);
      return {
        restoredWorkspaceIds: plan.workspaces.map((workspace) => workspace.id),
        safetySnapshotId: snapshot.backupId,
        // Sign-in cookies are back now; stored app data once Flow Desk starts again.
        restartNeeded: plan.partitions.length > 0,
      };
    } catch (error) {
      progress('failed', 1);
      throw error;
    } finally {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private async write(
    request: CreateBackupRequest,
    operationId: string,
    progress: (phase: BackupPhase, fraction: number) => void,
  ): Promise<BackupInfo> {
    const store = this.deps.store();
    const workspaces = selectWorkspaces(store, request.workspaceIds);
    const partitions = request.includeBrowserSessions ? persistentPartitions(workspaces) : [];
    if (partitions.length > 0 && !this.deps.sessions) {
      throw backupError(
        'BACKUP_SESSIONS_UNAVAILABLE',
        'Sign-ins cannot be backed up here. Back up without them.',
      );
    }

    const protection = request.protection;
    let encryption: BackupMetadata['encryption'] = { method: 'none' };
    let key: Buffer | undefined;
    if (protection.method === 'passphrase') {
      checkPassphrase(protection.passphrase);
      const passphraseEncryption = newPassphraseEncryption();
      key = await deriveKey(protection.passphrase, passphraseEncryption.kdf);
      encryption = passphraseEncryption;
    } else if (protection.method === 'device-key') {
      if (!this.deps.deviceKeys) {
        throw backupError(
          'BACKUP_KEYRING_UNAVAILABLE',
          'This computer has no keyring to keep a backup key. Protect the backup with a passphrase instead.',
        );
      }
      const created = await this.deps.deviceKeys.create();
      key = created.key;
      encryption = newDeviceKeyEncryption(created.keyId);
    }

    progress('collecting', 0);
    const parent =
      request.type === 'incremental'
        ? await this.parentFor(request, request.workspaceIds && workspaces.map((w) => w.id))
        : undefined;
    const sessions = this.deps.sessions;
    if (sessions && partitions.length > 0) {
      await sessions.quiesce(partitions.map((ref) => ref.partition));
    }
    const allFiles = sessions ? await collectSessionFiles(sessions, partitions) : [];
    const manifest: BackupManifest = {
      files: allFiles.map((file) => ({
        name: file.name,
        size: file.size,
        mtime: file.mtime?.getTime() ?? 0,
      })),
    };
    const manifestJson = Buffer.from(JSON.stringify(manifest), 'utf8');
    // An incremental backup stores only what its parent does not already hold as it is now.
    const files = parent
      ? allFiles.filter((file, index) => changedSince(parent.files, manifest.files[index]!))
      : allFiles;
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);

    const id = `${this.now().toISOString().slice(0, 10)}-${operationId}`.toLowerCase();
    const document: WorkspaceStore = { ...store, workspaces };
    const storeJson = Buffer.from(request.storeDocument?.text ?? JSON.stringify(document), 'utf8');
    const entries = async function* (): AsyncGenerator<BackupEntrySource> {
      yield { name: STORE_ENTRY, size: storeJson.length, open: () => storeJson };
      yield { name: MANIFEST_ENTRY, size: manifestJson.length, open: () => manifestJson };
      for (const ref of partitions) {
        const cookies = Buffer.from(JSON.stringify(await sessions!.readCookies(ref.partition)));
        yield {
          name: `${SESSIONS_PREFIX}${ref.key}/cookies.json`,
          size: cookies.length,
          open: () => cookies,
        };
      }
      yield* files;
    };

    const metadata: BackupMetadataDraft = {
      format: 'flowdesk-backup',
      formatVersion: 1,
      id,
      timestamp: this.now().toISOString(),
      version: this.deps.appVersion,
      type: parent ? 'incremental' : 'full',
      ...(parent
        ? { parentId: parent.info.backupId, parentChecksum: parent.info.metadata.checksum }
        : {}),
      encryption,
      compression: request.compression ?? 'gzip',
      retentionPolicy: request.retentionPolicy ?? 'manual',
      ...(request.workspaceIds ? { workspaceIds: workspaces.map((w) => w.id) } : {}),
      workspaceCount: workspaces.length,
      serviceCount: workspaces.reduce((sum, w) => sum + w.services.length, 0),
      includesBrowserSessions: partitions.length > 0,
      storeSchemaVersion: request.storeDocument?.schemaVersion ?? WORKSPACE_STORE_VERSION,
    };
    const path = request.path ?? join(this.deps.directory, `flowdesk-${id}${FILE_EXTENSION}`);
    await mkdir(dirname(path), { recursive: true });
    progress('writing', 0);
    const written = await writeBackup({
      path,
      metadata,
      entries: entries(),
      ...(key ? { key } : {}),
      onProgress: (bytes) => progress('writing', totalBytes === 0 ? 1 : bytes / totalBytes),
    });
    return { backupId: written.id, fileName: path.split(sep).pop() ?? path, metadata: written };
  }

  private async planRestore(
    staging: string,
    metadata: BackupMetadata,
    request: RestoreBackupRequest,
  ): Promise<RestorePlan> {
    const text = await readFile(join(staging, STORE_ENTRY), 'utf8').catch(() => {
      throw backupError('BACKUP_CONTENT_MISSING', 'The backup holds no workspaces to restore.');
    });
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw backupError(
        'BACKUP_CONTENT_INVALID',
        'The workspaces in the backup cannot be read.',
        error,
      );
    }
    const parsed = parseWorkspaceStore(document);
    if (!parsed.ok) {
      throw backupError(
        'BACKUP_CONTENT_INVALID',
        'The workspaces in the backup are not valid for this version of Flow Desk.',
        parsed.error,
      );
    }
    let workspaces = parsed.value.value.workspaces;
    if (request.workspaceIds) {
      const wanted = new Set(request.workspaceIds);
      workspaces = workspaces.filter((workspace) => wanted.has(workspace.id));
      if (workspaces.length === 0) {
        throw backupError(
          'BACKUP_WORKSPACE_NOT_IN_BACKUP',
          'None of the chosen workspaces is in this backup.',
        );
      }
    }
    // Merge: the backup's workspaces arrive as new ones, with new ids (and so new sessions).
    const renamed = new Map<string, string>();
    if (request.mode === 'merge') {
      workspaces = workspaces.map((workspace) => {
        const workspaceId = this.newId();
        const services = workspace.services.map((service) => {
          const serviceId = this.newId();
          renamed.set(
            partitionOf(workspace, service),
            partitionOf({ id: workspaceId }, { ...service, id: serviceId }),
          );
          return { ...service, id: serviceId };
        });
        for (const service of workspace.services) {
          if (service.isolation === 'shared') {
            renamed.set(partitionOf(workspace, service), partitionOf({ id: workspaceId }, service));
          }
        }
        return {
          ...workspace,
          id: workspaceId,
          services,
          activeServiceId: null,
        };
      });
    }
    const sessionKeys = metadata.includesBrowserSessions
      ? new Set(await readdir(join(staging, 'sessions')).catch(() => [] as string[]))
      : new Set<string>();
    const partitions: { from: string; to: string }[] = [];
    const seen = new Set<string>();
    for (const workspace of parsed.value.value.workspaces) {
      if (request.workspaceIds && !request.workspaceIds.includes(workspace.id)) continue;
      for (const service of workspace.services) {
        if (!service.persistSession) continue;
        const from = partitionOf(workspace, service);
        const key = from.replace(/^persist:/, '');
        if (seen.has(from) || !sessionKeys.has(key)) continue;
        seen.add(from);
        partitions.push({ from: key, to: renamed.get(from) ?? from });
      }
    }
    return { workspaces, partitions };
  }

  /**
   * Cookies are replaced at once, through the session API; stored data (Local Storage,
   * IndexedDB…) is staged for the next start; then the store changes, in one step.
   */
  private async apply(
    staging: string,
    plan: RestorePlan,
    options: { replaceAll: boolean; files: boolean },
  ): Promise<void> {
    const sessions = this.deps.sessions;
    if (sessions && plan.partitions.length > 0) {
      await sessions.quiesce(plan.partitions.map((ref) => ref.to));
      for (const ref of plan.partitions) {
        const source = join(staging, 'sessions', ref.from);
        const cookies = backedUpCookiesSchema.safeParse(
          JSON.parse(await readFile(join(source, 'cookies.json'), 'utf8').catch(() => '[]')),
        );
        if (!cookies.success) {
          throw backupError('BACKUP_CONTENT_INVALID', 'The sign-ins in the backup cannot be read.');
        }
        if (options.files) {
          const pending = sessions.pendingDirectory(ref.to);
          await rm(pending, { recursive: true, force: true });
          // Created even when empty: the backup's "no stored data" replaces what is there.
          await mkdir(pending, { recursive: true });
          for (const folder of SESSION_FOLDERS) {
            await copyTree(join(source, 'files', folder), join(pending, folder));
          }
        }
        await sessions.clearCookies(ref.to);
        await sessions.writeCookies(ref.to, cookies.data);
      }
    }
    this.deps.restoreWorkspaces(plan.workspaces, { replaceAll: options.replaceAll });
  }

  /**
   * Puts back the snapshot's workspaces and cookies, and drops what the failed restore staged:
   * stored data was never touched, so it stays as it is.
   */
  private async rollBack(snapshot: BackupInfo, failed: RestorePlan): Promise<void> {
    const staging = join(this.deps.directory, `.rollback-${snapshot.backupId}`);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    try {
      await this.unpackChain([snapshot], this.keySource(undefined), staging);
      const plan = await this.planRestore(staging, snapshot.metadata, {
        backupId: snapshot.backupId,
        mode: 'replace',
      });
      const kept = new Set(plan.partitions.map((ref) => ref.to));
      for (const ref of failed.partitions) {
        const sessions = this.deps.sessions;
        if (!sessions) continue;
        await rm(sessions.pendingDirectory(ref.to), { recursive: true, force: true });
        if (!kept.has(ref.to)) await sessions.clearCookies(ref.to);
      }
      await this.apply(staging, plan, { replaceAll: true, files: false });
    } finally {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  private keySource(passphrase: string | undefined) {
    return {
      ...(passphrase === undefined ? {} : { passphrase }),
      ...(this.deps.deviceKeys ? { deviceKeys: this.deps.deviceKeys } : {}),
    };
  }

  private pathIn(backups: BackupInfo[], backupId: string): string {
    const found = backups.find((info) => info.backupId === backupId);
    if (!found) {
      throw new FlowDeskError(
        'BACKUP_NOT_FOUND',
        'This backup is no longer in the backups folder. Choose another one.',
      );
    }
    return join(this.deps.directory, found.fileName);
  }

  /**
   * The backups a restore needs, the full one first: each incremental link's parent must be in
   * the folder and be the very file it was made on (same checksum).
   */
  private async chainOf(backupId: string): Promise<BackupInfo[]> {
    const backups = await this.list();
    this.pathIn(backups, backupId);
    const byId = new Map(backups.map((info) => [info.backupId, info]));
    const chain: BackupInfo[] = [];
    for (let link = byId.get(backupId); link;) {
      chain.unshift(link);
      const { type, parentId, parentChecksum } = link.metadata;
      if (type === 'full') return chain;
      if (type !== 'incremental' || !parentId) {
        throw backupError(
          'BACKUP_TYPE_UNSUPPORTED',
          `This is a ${type} backup, which this version of Flow Desk cannot restore.`,
        );
      }
      if (chain.length >= MAX_CHAIN_LENGTH || chain.some((seen) => seen.backupId === parentId)) {
        throw backupError(
          'BACKUP_CHAIN_BROKEN',
          'This incremental backup builds on too many others (or on itself). Restore a full backup instead.',
        );
      }
      const parent = byId.get(parentId);
      if (!parent) {
        throw new FlowDeskError(
          'BACKUP_CHAIN_BROKEN',
          `This incremental backup builds on backup ${parentId}, which is not in the backups folder. Put that file back, or restore a full backup.`,
          { details: { parentId } },
        );
      }
      if (parent.metadata.checksum !== parentChecksum) {
        throw new FlowDeskError(
          'BACKUP_CHAIN_MISMATCH',
          `Backup ${parentId} in the backups folder is not the one this incremental backup was made on. Put the original file back, or restore a full backup.`,
          { details: { parentId } },
        );
      }
      link = parent;
    }
    return chain;
  }

  /**
   * Unpacks a chain into `staging`, oldest first, each link's files over the last; then the
   * session files the newest manifest does not list (deleted since) are removed.
   */
  private async unpackChain(
    chain: BackupInfo[],
    keys: ReturnType<WorkspaceBackups['keySource']>,
    staging: string,
  ): Promise<void> {
    let manifest: BackupManifest | undefined;
    for (const link of chain) {
      manifest = undefined;
      await readBackup({
        path: join(this.deps.directory, link.fileName),
        ...keys,
        onEntry: async (entry, content) => {
          if (entry.name === MANIFEST_ENTRY) manifest = await readManifest(content);
          else await writeInside(staging, entry.name, content);
        },
      });
    }
    if (!manifest) return;
    const listed = new Set(manifest.files.map((file) => file.name));
    const sessions = join(staging, 'sessions');
    for (const file of await listFiles(sessions)) {
      const name = `${SESSIONS_PREFIX}${relative(sessions, file.path).split(sep).join('/')}`;
      if (name.includes('/files/') && !listed.has(name)) await rm(file.path, { force: true });
    }
  }

  /** The parent of an incremental backup and the session files it described. */
  private async parentFor(
    request: CreateBackupRequest,
    workspaceIds: string[] | undefined,
  ): Promise<{ info: BackupInfo; files: Map<string, ManifestFile> }> {
    const backups = await this.list();
    const sameSelection = (info: BackupInfo) =>
      JSON.stringify([...(info.metadata.workspaceIds ?? [])].sort()) ===
      JSON.stringify([...(workspaceIds ?? [])].sort());
    // A chain opens where its every link opens: a passphrase chain on any computer, a keyring
    // chain only here. Mixing them would make a "portable" backup that is not.
    const sameProtection = (info: BackupInfo) =>
      info.metadata.encryption.method === request.protection.method;
    const info = request.parentId
      ? backups.find((candidate) => candidate.backupId === request.parentId)
      : backups.find(
          (candidate) =>
            candidate.metadata.retentionPolicy !== SAFETY_RETENTION &&
            candidate.metadata.includesBrowserSessions === request.includeBrowserSessions &&
            sameSelection(candidate) &&
            sameProtection(candidate),
        );
    if (!info) {
      throw backupError(
        'BACKUP_NO_PARENT',
        'There is no earlier backup of these workspaces, with the same protection and sign-in choice, to build on. Make a full backup first.',
      );
    }
    if (!sameSelection(info)) {
      throw backupError(
        'BACKUP_PARENT_MISMATCH',
        'That backup holds other workspaces. An incremental backup must cover the same ones as the backup it builds on.',
      );
    }
    if (!sameProtection(info)) {
      throw backupError(
        'BACKUP_PARENT_MISMATCH',
        'That backup is protected differently. An incremental backup must be protected like the backup it builds on (the same passphrase, or this computer’s keyring).',
      );
    }
    if (backupChainLength(backups.map(retainedOf), info.backupId) >= MAX_CHAIN_LENGTH - 1) {
      throw backupError(
        'BACKUP_CHAIN_TOO_LONG',
        'Too many incremental backups build on each other. Make a full backup.',
      );
    }
    let manifest: BackupManifest | undefined;
    // Read through (and so verified): nothing is built on a damaged or replaced parent.
    await readBackup({
      path: join(this.deps.directory, info.fileName),
      ...this.keySource(
        request.protection.method === 'passphrase' ? request.protection.passphrase : undefined,
      ),
      onEntry: async (entry, content) => {
        if (entry.name === MANIFEST_ENTRY) manifest = await readManifest(content);
        else content.resume();
      },
    });
    return {
      info,
      files: new Map((manifest?.files ?? []).map((file) => [file.name, file])),
    };
  }
}

interface RestorePlan {
  workspaces: Workspace[];
  /** Backed-up partition folder → the partition it is restored into. */
  partitions: { from: string; to: string }[];
}

function retainedOf(info: BackupInfo) {
  return {
    id: info.backupId,
    timestamp: info.metadata.timestamp,
    retentionPolicy: info.metadata.retentionPolicy,
    ...(info.metadata.parentId ? { parentId: info.metadata.parentId } : {}),
  };
}

function selectWorkspaces(store: WorkspaceStore, ids: string[] | undefined): Workspace[] {
  if (!ids) return store.workspaces;
  const wanted = new Set(ids);
  const selected = store.workspaces.filter((workspace) => wanted.has(workspace.id));
  if (selected.length !== wanted.size) {
    throw new FlowDeskError(
      'WORKSPACE_NOT_FOUND',
      'One of the chosen workspaces no longer exists.',
    );
  }
  return selected;
}

function partitionOf(
  workspace: Pick<Workspace, 'id'>,
  service: Pick<Workspace['services'][number], 'id' | 'isolation' | 'persistSession'>,
): string {
  return sessionPartitionFor({
    workspaceId: workspace.id,
    serviceId: service.id,
    isolation: service.isolation,
    persistSession: service.persistSession,
  });
}

/** Persistent partitions only: the others keep nothing on disk and end with the app. */
function persistentPartitions(workspaces: Workspace[]): PartitionRef[] {
  const refs = new Map<string, PartitionRef>();
  for (const workspace of workspaces) {
    for (const service of workspace.services) {
      if (!service.persistSession) continue;
      const partition = partitionOf(workspace, service);
      refs.set(partition, { partition, key: partition.replace(/^persist:/, '') });
    }
  }
  return [...refs.values()];
}

async function collectSessionFiles(
  sessions: SessionArchive,
  partitions: PartitionRef[],
): Promise<BackupEntrySource[]> {
  const entries: BackupEntrySource[] = [];
  for (const ref of partitions) {
    const root = sessions.partitionDirectory(ref.partition);
    for (const folder of SESSION_FOLDERS) {
      for (const file of await listFiles(join(root, folder))) {
        const name = `${SESSIONS_PREFIX}${ref.key}/files/${folder}/${relative(join(root, folder), file.path).split(sep).join('/')}`;
        entries.push({
          name,
          size: file.size,
          mtime: file.mtime,
          open: () => createReadStream(file.path),
        });
      }
    }
  }
  return entries;
}

async function listFiles(root: string): Promise<{ path: string; size: number; mtime: Date }[]> {
  let names;
  try {
    names = await readdir(root, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  const files = [];
  for (const entry of names) {
    if (!entry.isFile()) continue;
    // Chromium's lock files belong to the running browser, not to the data.
    if (entry.name === 'LOCK') continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    files.push({ path, size: info.size, mtime: info.mtime });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes an entry under `root`, refusing any name that would land outside it. */
async function writeInside(root: string, name: string, content: Readable): Promise<void> {
  const target = resolve(root, ...name.split('/'));
  if (!target.startsWith(resolve(root) + sep)) {
    throw backupError(
      'BACKUP_UNSAFE_PATH',
      `The backup contains a file outside its folder ("${name}").`,
    );
  }
  await mkdir(dirname(target), { recursive: true });
  // A later link of an incremental chain replaces the file an earlier one wrote.
  await rm(target, { force: true });
  await pipeline(content, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
}

async function copyAtomically(source: string, target: string): Promise<void> {
  const temporary = `${target}.partial-${process.pid}-${Date.now().toString(36)}`;
  try {
    await copyFile(source, temporary);
    // On disk before it takes the real name: a USB stick pulled out early must not hold half a file.
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw backupError(
      'BACKUP_COPY_FAILED',
      'The backup could not be copied there. Check the free space and that you may write to that folder.',
      error,
    );
  }
}

async function copyTree(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = join(to, relative(from, file.path));
    await mkdir(dirname(target), { recursive: true });
    await pipeline(createReadStream(file.path), createWriteStream(target, { mode: 0o600 }));
  }
}
