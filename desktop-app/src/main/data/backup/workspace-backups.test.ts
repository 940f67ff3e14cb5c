import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { WorkspaceManager } from '../workspace-manager';
import { MemoryDeviceKeys } from './memory-device-keys.test-support';
import type { BackedUpCookie } from './session-cookies';
import { applyPendingSessions } from './pending-sessions';
import { writeBackup } from './writer';
import type { BackupMetadataDraft } from './writer';
import { WorkspaceBackups } from './workspace-backups';
import type { SessionArchive } from './workspace-backups';

const PASSPHRASE = 'a long enough passphrase';
const createdAt = '2026-11-24T10:00:00.000Z';
const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function seeded(): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        services: [
          { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/', createdAt },
          {
            id: 's2',
            type: 'github',
            name: 'GitHub',
            url: 'https://github.com/',
            createdAt,
            isolation: 'isolated',
          },
        ],
      },
      {
        id: 'w2',
        name: 'Home',
        createdAt,
        services: [
          { id: 's3', type: 'notion', name: 'Notion', url: 'https://www.notion.so/', createdAt },
        ],
      },
    ],
  });
}

/** Partition folders on disk and cookie jars in memory, as Electron's sessions would hold them. */
class FakeSessions implements SessionArchive {
  readonly jars = new Map<string, BackedUpCookie[]>();
  readonly quiesced: string[][] = [];
  failWritesFor: string | undefined;
  constructor(readonly root: string) {}
  partitionDirectory(partition: string) {
    return join(this.root, partition.replace(':', '_'));
  }
  pendingDirectory(partition: string) {
    return join(this.root, 'pending', partition.replace(/^persist:/, ''));
  }
  /** What the next start does: staged data put in place. */
  restart() {
    return applyPendingSessions(join(this.root, 'pending'), (key) =>
      this.partitionDirectory(`persist:${key}`),
    );
  }
  clearCookies(partition: string) {
    this.jars.delete(partition);
    return Promise.resolve();
  }
  quiesce(partitions: string[]) {
    this.quiesced.push(partitions);
    return Promise.resolve();
  }
  readCookies(partition: string) {
    return Promise.resolve(this.jars.get(partition) ?? []);
  }
  writeCookies(partition: string, cookies: BackedUpCookie[]) {
    if (partition === this.failWritesFor) return Promise.reject(new Error('session gone'));
    this.jars.set(partition, [...cookies]);
    return Promise.resolve();
  }
  clear(partition: string) {
    this.jars.delete(partition);
    rmSync(this.partitionDirectory(partition), { recursive: true, force: true });
    return Promise.resolve();
  }
  write(partition: string, relative: string, content: Buffer | string) {
    const path = join(this.partitionDirectory(partition), relative);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  read(partition: string, relative: string) {
    const path = join(this.partitionDirectory(partition), relative);
    return existsSync(path) ? readFileSync(path) : undefined;
  }
}

const cookie = (name: string, value: string): BackedUpCookie => ({
  name,
  value,
  domain: '.slack.com',
  hostOnly: false,
  path: '/',
  secure: true,
  httpOnly: true,
  expirationDate: 2_000_000_000,
  sameSite: 'lax',
});

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-backups-'));
  directories.push(root);
  const sessions = new FakeSessions(join(root, 'Partitions'));
  const deviceKeys = new MemoryDeviceKeys();
  let next = 0;
  const workspaces = new WorkspaceManager(seeded(), {
    repository: { save: () => ok(undefined) },
    newId: () => `new-${++next}`,
  });
  const progress: string[] = [];
  let refuseStore = false;
  const backups = new WorkspaceBackups({
    directory: join(root, 'backups'),
    appVersion: '0.1.0',
    store: () => workspaces.store,
    restoreWorkspaces: (restored, options) => {
      if (refuseStore) throw new Error('store refused');
      const result = workspaces.restoreWorkspaces(restored, options);
      if (!result.ok) throw result.error;
    },
    sessions,
    deviceKeys,
    onProgress: (_id, phase) => progress.push(phase),
    now: () => new Date('2026-12-01T10:00:00.000Z'),
    newId: () => `op-${++next}`,
  });
  // Signed in: a cookie, and app data in the partition folders.
  sessions.jars.set('persist:ws-w1', [cookie('d', 'slack-session')]);
  sessions.jars.set('persist:svc-s2', [
    { ...cookie('user_session', 'gh'), domain: 'github.com', hostOnly: true },
  ]);
  sessions.write('persist:ws-w1', 'Local Storage/leveldb/000003.log', 'slack token');
  sessions.write('persist:ws-w1', 'IndexedDB/https_app.slack.com_0.indexeddb.leveldb/LOCK', '');
  sessions.write('persist:ws-w1', 'Cache/Cache_Data/big', randomBytes(1000));
  sessions.write('persist:svc-s2', 'IndexedDB/db/000001.ldb', randomBytes(50_000));
  return {
    root,
    sessions,
    deviceKeys,
    workspaces,
    backups,
    progress,
    refuseStore: (value: boolean) => {
      refuseStore = value;
    },
  };
}

describe('WorkspaceBackups', () => {
  it('backs up everything with sign-ins, lists and verifies it, leaving caches out', async () => {
    const { backups, sessions, progress } = setup();
    const info = await backups.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    expect(info.metadata).toMatchObject({
      type: 'full',
      workspaceCount: 2,
      serviceCount: 3,
      includesBrowserSessions: true,
      encryption: { method: 'passphrase' },
    });
    expect(progress).toEqual(expect.arrayContaining(['collecting', 'writing', 'done']));
    // The pages were put to sleep before their files were read.
    expect(sessions.quiesced[0]).toEqual(['persist:ws-w1', 'persist:svc-s2', 'persist:ws-w2']);
    expect((await backups.list()).map((listed) => listed.backupId)).toEqual([info.backupId]);

    const verified = await backups.verify(info.backupId, PASSPHRASE);
    const names = verified.entries.map((entry) => entry.name);
    expect(names).toContain('store.json');
    expect(names).toContain('sessions/ws-w1/cookies.json');
    expect(names).toContain('sessions/ws-w1/files/Local Storage/leveldb/000003.log');
    expect(names).toContain('sessions/svc-s2/files/IndexedDB/db/000001.ldb');
    expect(names.some((name) => name.includes('Cache'))).toBe(false);
    expect(names.some((name) => name.endsWith('/LOCK'))).toBe(false);
  });

  it('restores workspaces and sign-ins after they were wiped, and keeps a safety snapshot', async () => {
    const { backups, sessions, workspaces } = setup();
    const info = await backups.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    const before = structuredClone(workspaces.store.workspaces);
    // Wiped: the workspace removed, its sessions cleared.
    await workspaces.removeWorkspace({ workspaceId: 'w1', clearData: false });
    await sessions.clear('persist:ws-w1');
    await sessions.clear('persist:svc-s2');

    const result = await backups.restore({
      backupId: info.backupId,
      passphrase: PASSPHRASE,
      mode: 'replace',
    });
    expect(result.restoredWorkspaceIds).toEqual(['w1', 'w2']);
    // Cookies are back at once; stored data once the app starts again.
    expect(result.restartNeeded).toBe(true);
    expect(sessions.read('persist:ws-w1', 'Local Storage/leveldb/000003.log')).toBeUndefined();
    expect((await sessions.restart()).sort()).toEqual(['svc-s2', 'ws-w1', 'ws-w2']);
    expect(workspaces.store.workspaces.map((workspace) => workspace.id).sort()).toEqual([
      'w1',
      'w2',
    ]);
    expect(workspaces.findWorkspace('w1')).toEqual(before[0]);
    expect(sessions.jars.get('persist:ws-w1')).toEqual([cookie('d', 'slack-session')]);
    expect(sessions.read('persist:ws-w1', 'Local Storage/leveldb/000003.log')?.toString()).toBe(
      'slack token',
    );
    expect(sessions.read('persist:svc-s2', 'IndexedDB/db/000001.ldb')?.length).toBe(50_000);
    const listed = await backups.list();
    expect(listed.map((backup) => backup.backupId)).toContain(result.safetySnapshotId);
    expect(
      listed.find((backup) => backup.backupId === result.safetySnapshotId)?.metadata,
    ).toMatchObject({
      retentionPolicy: 'safety-snapshot',
      encryption: { method: 'device-key' },
    });
  });

  it('merges a backup as new workspaces with their own sessions', async () => {
    const { backups, sessions, workspaces } = setup();
    const info = await backups.create({
      workspaceIds: ['w1'],
      includeBrowserSessions: true,
      protection: { method: 'device-key' },
    });
    expect(info.metadata.workspaceIds).toEqual(['w1']);
    const result = await backups.restore({ backupId: info.backupId, mode: 'merge' });
    await sessions.restart();
    expect(workspaces.store.workspaces).toHaveLength(3);
    const [newId] = result.restoredWorkspaceIds;
    const merged = workspaces.findWorkspace(newId!);
    expect(merged?.name).toBe('Work');
    expect(merged?.services.map((service) => service.id)).not.toContain('s1');
    // The shared session of the new workspace holds the backed-up sign-in; the old one is intact.
    expect(sessions.jars.get(`persist:ws-${newId}`)).toEqual([cookie('d', 'slack-session')]);
    const isolated = merged?.services.find((service) => service.isolation === 'isolated');
    expect(sessions.read(`persist:svc-${isolated?.id}`, 'IndexedDB/db/000001.ldb')?.length).toBe(
      50_000,
    );
    expect(sessions.jars.get('persist:ws-w1')).toEqual([cookie('d', 'slack-session')]);
  });

  it('leaves everything as it was when a restore step fails, and says so', async () => {
    const { backups, sessions, workspaces, refuseStore } = setup();
    const info = await backups.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    // Changed since the backup: a renamed workspace and a new sign-in.
    workspaces.updateWorkspace({ workspaceId: 'w2', patch: { name: 'Home 2' } });
    sessions.jars.set('persist:ws-w1', [cookie('d', 'newer-session')]);
    const storeBefore = structuredClone(workspaces.store);

    refuseStore(true);
    await expect(
      backups.restore({ backupId: info.backupId, passphrase: PASSPHRASE, mode: 'replace' }),
    ).rejects.toMatchObject({ code: 'BACKUP_RESTORE_ROLLED_BACK' });
    refuseStore(false);
    expect(workspaces.store.workspaces).toEqual(storeBefore.workspaces);
    expect(sessions.jars.get('persist:ws-w1')).toEqual([cookie('d', 'newer-session')]);
    // Stored data was never touched, and nothing is left staged for the next start.
    expect(sessions.read('persist:ws-w1', 'Local Storage/leveldb/000003.log')?.toString()).toBe(
      'slack token',
    );
    expect(await sessions.restart()).toEqual([]);

    sessions.failWritesFor = 'persist:svc-s2';
    await expect(
      backups.restore({ backupId: info.backupId, passphrase: PASSPHRASE, mode: 'replace' }),
    ).rejects.toMatchObject({ code: 'BACKUP_RESTORE_ROLLED_BACK' });
  });

  it('changes nothing on a wrong passphrase or a damaged file', async () => {
    const { backups, sessions, workspaces, root } = setup();
    const info = await backups.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    const storeBefore = structuredClone(workspaces.store);
    const backupsBefore = readdirSync(join(root, 'backups'));
    await expect(
      backups.restore({
        backupId: info.backupId,
        passphrase: 'wrong passphrase!',
        mode: 'replace',
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
    const path = join(root, 'backups', info.fileName);
    const bytes = readFileSync(path);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 1;
    writeFileSync(path, bytes);
    await expect(
      backups.restore({ backupId: info.backupId, passphrase: PASSPHRASE, mode: 'replace' }),
    ).rejects.toMatchObject({ code: 'BACKUP_CORRUPTED' });
    expect(workspaces.store).toEqual(storeBefore);
    expect(sessions.jars.get('persist:ws-w1')).toEqual([cookie('d', 'slack-session')]);
    // No safety snapshot, no staging folder: nothing was started.
    expect(readdirSync(join(root, 'backups'))).toEqual(backupsBefore);
  });

  it('says what is wrong with a request', async () => {
    const { backups } = setup();
    await expect(
      backups.create({
        includeBrowserSessions: false,
        protection: { method: 'passphrase', passphrase: 'short' },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_PASSPHRASE_TOO_SHORT' });
    await expect(
      backups.create({
        workspaceIds: ['gone'],
        includeBrowserSessions: false,
        protection: { method: 'none' },
      }),
    ).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    await expect(backups.restore({ backupId: 'nope', mode: 'replace' })).rejects.toMatchObject({
      code: 'BACKUP_NOT_FOUND',
    });
    const info = await backups.create({
      includeBrowserSessions: false,
      protection: { method: 'none' },
    });
    await expect(
      backups.restore({ backupId: info.backupId, mode: 'replace', workspaceIds: ['zz'] }),
    ).rejects.toMatchObject({ code: 'BACKUP_WORKSPACE_NOT_IN_BACKUP' });
  });

  it('needs a keyring for device-key backups and sessions for sign-ins', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-backups-'));
    directories.push(root);
    const bare = new WorkspaceBackups({
      directory: join(root, 'backups'),
      appVersion: '0.1.0',
      store: () => seeded(),
      restoreWorkspaces: () => undefined,
    });
    await expect(
      bare.create({ includeBrowserSessions: false, protection: { method: 'device-key' } }),
    ).rejects.toMatchObject({ code: 'BACKUP_KEYRING_UNAVAILABLE' });
    await expect(
      bare.create({ includeBrowserSessions: true, protection: { method: 'none' } }),
    ).rejects.toMatchObject({ code: 'BACKUP_SESSIONS_UNAVAILABLE' });
    expect(await bare.list()).toEqual([]);
  });
});

describe('scheduled backups', () => {
  it('makes one when due, keeps the newest N and every manual one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-backups-'));
    directories.push(root);
    let clock = Date.parse('2026-12-01T10:00:00.000Z');
    let next = 0;
    const backups = new WorkspaceBackups({
      directory: join(root, 'backups'),
      appVersion: '0.1.0',
      store: () => seeded(),
      restoreWorkspaces: () => undefined,
      deviceKeys: new MemoryDeviceKeys(),
      now: () => new Date(clock),
      newId: () => `op-${++next}`,
    });
    const manual = await backups.create({
      includeBrowserSessions: false,
      protection: { method: 'none' },
    });
    const made: string[] = [];
    for (let day = 0; day < 4; day += 1) {
      const run = await backups.runSchedule({
        intervalHours: 24,
        keep: 2,
        includeBrowserSessions: false,
      });
      if (run.created) made.push(run.created.backupId);
      // Not due again within the interval.
      expect(
        (await backups.runSchedule({ intervalHours: 24, keep: 2, includeBrowserSessions: false }))
          .created,
      ).toBeUndefined();
      clock += 25 * 3_600_000;
    }
    expect(made).toHaveLength(4);
    const left = (await backups.list()).map((info) => info.backupId).sort();
    expect(left).toEqual([manual.backupId, made[2]!, made[3]!].sort());
    const scheduled = (await backups.list()).find((info) => info.backupId === made[3]);
    expect(scheduled?.metadata).toMatchObject({
      retentionPolicy: 'scheduled',
      encryption: { method: 'device-key' },
    });
  });
});

describe('WorkspaceBackups and backups it did not make', () => {
  const base: BackupMetadataDraft = {
    format: 'flowdesk-backup',
    formatVersion: 1,
    id: 'crafted',
    timestamp: '2026-12-01T09:00:00.000Z',
    version: '0.1.0',
    type: 'full',
    encryption: { method: 'none' },
    compression: 'gzip',
    retentionPolicy: 'manual',
    workspaceCount: 1,
    serviceCount: 0,
    includesBrowserSessions: false,
    storeSchemaVersion: 1,
  };

  async function restoreCrafted(
    overrides: Partial<BackupMetadataDraft>,
    files: Record<string, string>,
  ) {
    const { backups, root, workspaces } = setup();
    const before = structuredClone(workspaces.store);
    mkdirSync(join(root, 'backups'), { recursive: true });
    await writeBackup({
      path: join(root, 'backups', 'crafted.fdbackup'),
      metadata: { ...base, ...overrides },
      entries: Object.entries(files).map(([name, text]) => ({
        name,
        size: Buffer.byteLength(text),
        open: () => Buffer.from(text),
      })),
    });
    const outcome = await backups
      .restore({ backupId: overrides.id ?? 'crafted', mode: 'replace' })
      .then(
        () => 'restored',
        (error: { code?: string }) => error.code,
      );
    expect(workspaces.store).toEqual(before);
    return outcome;
  }

  it('lists only the backups it can read', async () => {
    const { backups, root } = setup();
    mkdirSync(join(root, 'backups'), { recursive: true });
    writeFileSync(join(root, 'backups', 'junk.fdbackup'), 'not a backup');
    writeFileSync(join(root, 'backups', 'notes.txt'), 'hello');
    expect(await backups.list()).toEqual([]);
  });

  it('refuses an incremental backup on its own', async () => {
    expect(
      await restoreCrafted({ type: 'incremental', parentId: 'b0' }, { 'store.json': '{}' }),
    ).toBe('BACKUP_INCREMENTAL_UNSUPPORTED');
  });

  it('refuses a backup without workspaces, or with unreadable or invalid ones', async () => {
    expect(await restoreCrafted({}, { 'notes.txt': 'x' })).toBe('BACKUP_CONTENT_MISSING');
    expect(await restoreCrafted({}, { 'store.json': '{not json' })).toBe('BACKUP_CONTENT_INVALID');
    expect(
      await restoreCrafted(
        {},
        {
          'store.json': JSON.stringify({
            schemaVersion: 1,
            workspaces: [
              {
                id: 'w9',
                name: 'Evil',
                createdAt,
                services: [
                  {
                    id: 's9',
                    type: 'custom-template',
                    name: 'X',
                    url: 'javascript:alert(1)',
                    createdAt,
                  },
                ],
              },
            ],
          }),
        },
      ),
    ).toBe('BACKUP_CONTENT_INVALID');
  });

  it('refuses sign-ins that are not valid cookies, and undoes what it started', async () => {
    const store = JSON.stringify(seeded());
    expect(
      await restoreCrafted(
        { includesBrowserSessions: true },
        { 'store.json': store, 'sessions/ws-w1/cookies.json': '[{"name":1}]' },
      ),
    ).toBe('BACKUP_RESTORE_ROLLED_BACK');
  });
});
