import { randomBytes } from 'node:crypto';
import { evaluatePolicies, policySchema } from '@flowdesk/shared/policy';
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
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
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
    now: () => new Date(clock),
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
    advanceHours: (hours: number) => {
      clock += hours * 3_600_000;
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

describe('backups under the organization’s policies', () => {
  it('refuses a backup without a passphrase, or with sign-ins, when a strict policy says so; warn lets it through', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-backups-'));
    directories.push(root);
    const rules = [
      { kind: 'backups-encrypted-with-passphrase' },
      { kind: 'no-session-data-in-backups' },
    ];
    const backupsUnder = (enforcement: 'strict' | 'warn') => {
      const policies = [
        policySchema.parse({
          id: 'p1',
          name: 'Data rules',
          type: 'data',
          enforcement,
          version: 1,
          rules,
        }),
      ];
      return new WorkspaceBackups({
        directory: join(root, enforcement),
        appVersion: '0.1.0',
        store: () => seeded(),
        restoreWorkspaces: () => undefined,
        deviceKeys: new MemoryDeviceKeys(),
        policy: { decide: (action) => evaluatePolicies(policies, action) },
      });
    };
    const strict = backupsUnder('strict');
    await expect(
      strict.create({ includeBrowserSessions: false, protection: { method: 'device-key' } }),
    ).rejects.toMatchObject({
      code: 'POLICY_BLOCKED',
      message:
        'The “Data rules” policy of your organization requires backups to be protected with a passphrase.',
    });
    await expect(
      strict.create({
        includeBrowserSessions: true,
        protection: { method: 'passphrase', passphrase: 'correct horse battery' },
      }),
    ).rejects.toMatchObject({
      code: 'POLICY_BLOCKED',
      message: expect.stringMatching(/sign-ins in backups/) as unknown,
    });
    expect(await strict.list()).toEqual([]);
    const allowed = await strict.create({
      includeBrowserSessions: false,
      protection: { method: 'passphrase', passphrase: 'correct horse battery' },
    });
    expect(allowed.metadata.encryption.method).toBe('passphrase');
    // warn: made anyway.
    const warned = await backupsUnder('warn').create({
      includeBrowserSessions: false,
      protection: { method: 'device-key' },
    });
    expect(warned.backupId).toBeTruthy();
  });
});

describe('incremental backups', () => {
  async function fullThenIncremental() {
    const context = setup();
    const { backups, sessions, workspaces } = context;
    sessions.write('persist:ws-w1', 'Local Storage/leveldb/000005.ldb', 'to be deleted');
    const full = await backups.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    // A day of use: a file grows, one appears, one goes, a cookie and a name change.
    context.advanceHours(24);
    sessions.write('persist:ws-w1', 'Local Storage/leveldb/000003.log', 'slack token, renewed');
    sessions.write('persist:svc-s2', 'IndexedDB/db/000002.ldb', 'new table');
    rmSync(join(sessions.partitionDirectory('persist:ws-w1'), 'Local Storage/leveldb/000005.ldb'));
    sessions.jars.set('persist:ws-w1', [cookie('d', 'slack-session-2')]);
    workspaces.updateWorkspace({ workspaceId: 'w2', patch: { name: 'Home, renamed' } });
    const incremental = await backups.create({
      type: 'incremental',
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    return { ...context, full, incremental };
  }

  it('stores only what changed, and names the exact backup it builds on', async () => {
    const { backups, full, incremental } = await fullThenIncremental();
    expect(incremental.metadata).toMatchObject({
      type: 'incremental',
      parentId: full.backupId,
      parentChecksum: full.metadata.checksum,
    });
    const names = (await backups.verify(incremental.backupId, PASSPHRASE)).entries.map(
      (entry) => entry.name,
    );
    expect(names).toContain('store.json');
    expect(names).toContain('manifest.json');
    expect(names).toContain('sessions/ws-w1/cookies.json');
    expect(names).toContain('sessions/ws-w1/files/Local Storage/leveldb/000003.log');
    expect(names).toContain('sessions/svc-s2/files/IndexedDB/db/000002.ldb');
    // Unchanged since the full backup: not stored again.
    expect(names).not.toContain('sessions/svc-s2/files/IndexedDB/db/000001.ldb');
    expect(incremental.metadata.size).toBeLessThan(full.metadata.size / 4);
  });

  it('restores the chain to the state of the newest backup: documents, cookies and files', async () => {
    const { backups, sessions, workspaces, incremental } = await fullThenIncremental();
    const expected = structuredClone(workspaces.store.workspaces);
    await workspaces.removeWorkspace({ workspaceId: 'w1', clearData: false });
    workspaces.updateWorkspace({ workspaceId: 'w2', patch: { name: 'Changed again' } });
    for (const partition of ['persist:ws-w1', 'persist:svc-s2', 'persist:ws-w2']) {
      await sessions.clear(partition);
    }

    await backups.restore({
      backupId: incremental.backupId,
      passphrase: PASSPHRASE,
      mode: 'replace',
    });
    await sessions.restart();
    const byId = (list: typeof expected) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(workspaces.store.workspaces)).toEqual(byId(expected));
    expect(sessions.jars.get('persist:ws-w1')).toEqual([cookie('d', 'slack-session-2')]);
    expect(sessions.read('persist:ws-w1', 'Local Storage/leveldb/000003.log')?.toString()).toBe(
      'slack token, renewed',
    );
    // From the full backup, unchanged since; the deleted file stays deleted.
    expect(sessions.read('persist:svc-s2', 'IndexedDB/db/000001.ldb')?.length).toBe(50_000);
    expect(sessions.read('persist:svc-s2', 'IndexedDB/db/000002.ldb')?.toString()).toBe(
      'new table',
    );
    expect(sessions.read('persist:ws-w1', 'Local Storage/leveldb/000005.ldb')).toBeUndefined();
  });

  it('refuses a chain whose parent is missing or is not the file it was made on', async () => {
    const { backups, root, workspaces, full, incremental } = await fullThenIncremental();
    const before = structuredClone(workspaces.store);
    const restore = () =>
      backups
        .restore({ backupId: incremental.backupId, passphrase: PASSPHRASE, mode: 'replace' })
        .then(
          () => 'restored',
          (error: { code?: string }) => error.code,
        );
    const parentPath = join(root, 'backups', full.fileName);
    const original = readFileSync(parentPath);

    // Another backup under the parent's id: the checksum the child recorded does not match.
    rmSync(parentPath);
    await writeBackup({
      path: parentPath,
      metadata: { ...full.metadata, encryption: { method: 'none' }, compression: 'none' },
      entries: [{ name: 'store.json', size: 2, open: () => Buffer.from('{}') }],
    });
    expect(await restore()).toBe('BACKUP_CHAIN_MISMATCH');
    expect(
      await backups.verify(incremental.backupId, PASSPHRASE).catch((e: { code: string }) => e.code),
    ).toBe('BACKUP_CHAIN_MISMATCH');

    rmSync(parentPath);
    expect(await restore()).toBe('BACKUP_CHAIN_BROKEN');
    expect(workspaces.store).toEqual(before);

    // The original file back: the chain holds again.
    writeFileSync(parentPath, original);
    expect(await restore()).toBe('restored');
  });

  it('keeps a backup that others build on, and needs a parent to build on', async () => {
    const { backups, full, incremental } = await fullThenIncremental();
    await expect(backups.remove(full.backupId)).rejects.toMatchObject({
      code: 'BACKUP_HAS_DEPENDENTS',
    });
    await backups.remove(incremental.backupId);
    await backups.remove(full.backupId);
    expect(await backups.list()).toEqual([]);
    await expect(
      backups.create({
        type: 'incremental',
        includeBrowserSessions: true,
        protection: { method: 'device-key' },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_NO_PARENT' });
  });

  it('refuses to build on a backup of other workspaces or with a wrong passphrase', async () => {
    const { backups } = setup();
    const full = await backups.create({
      workspaceIds: ['w1'],
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    await expect(
      backups.create({
        type: 'incremental',
        parentId: full.backupId,
        includeBrowserSessions: true,
        protection: { method: 'passphrase', passphrase: PASSPHRASE },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_PARENT_MISMATCH' });
    await expect(
      backups.create({
        type: 'incremental',
        parentId: full.backupId,
        workspaceIds: ['w1'],
        includeBrowserSessions: true,
        protection: { method: 'passphrase', passphrase: 'another long passphrase' },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_WRONG_PASSPHRASE' });
    // A keyring backup on a passphrase one would not open on another computer.
    await expect(
      backups.create({
        type: 'incremental',
        parentId: full.backupId,
        workspaceIds: ['w1'],
        includeBrowserSessions: true,
        protection: { method: 'device-key' },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_PARENT_MISMATCH' });
    // Without a parent named: only a backup protected the same way is a candidate.
    await expect(
      backups.create({
        type: 'incremental',
        workspaceIds: ['w1'],
        includeBrowserSessions: true,
        protection: { method: 'device-key' },
      }),
    ).rejects.toMatchObject({ code: 'BACKUP_NO_PARENT' });
    expect(await backups.list()).toHaveLength(1);
  });

  it('starts a new chain when the scheduled parent can no longer be read', async () => {
    const { backups, deviceKeys, advanceHours } = setup();
    const schedule = { intervalHours: 24, keep: 7, includeBrowserSessions: true };
    const first = (await backups.runSchedule(schedule)).created!;
    // The keyring lost the key of the last scheduled backup.
    deviceKeys.keys.clear();
    expect(first.metadata.encryption.method).toBe('device-key');
    advanceHours(25);
    const second = (await backups.runSchedule(schedule)).created!;
    expect(second.metadata.type).toBe('full');
  });

  it('schedules a full backup, then incremental ones on top, keeping whole chains', async () => {
    const { backups, advanceHours } = setup();
    const made = [];
    for (let day = 0; day < 10; day += 1) {
      const run = await backups.runSchedule({
        intervalHours: 24,
        keep: 3,
        includeBrowserSessions: true,
      });
      made.push(run.created!);
      // Until the second chain holds 3, the first stays whole: its newest link is still kept.
      if (day === 8) expect(await backups.list()).toHaveLength(9);
      advanceHours(25);
    }
    expect(made.map((info) => info.metadata.type)).toEqual([
      'full',
      ...Array<string>(6).fill('incremental'),
      'full',
      'incremental',
      'incremental',
    ]);
    const left = (await backups.list()).map((info) => info.backupId).sort();
    expect(left).toEqual(
      made
        .slice(7)
        .map((info) => info.backupId)
        .sort(),
    );
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

  it('refuses an incremental backup whose parent is not there', async () => {
    expect(
      await restoreCrafted(
        { type: 'incremental', parentId: 'b0', parentChecksum: '0'.repeat(64) },
        { 'store.json': '{}' },
      ),
    ).toBe('BACKUP_CHAIN_BROKEN');
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
