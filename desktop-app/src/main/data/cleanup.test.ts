import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { optimizeStore, removeOrphanPartitions } from './cleanup';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function profile() {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-cleanup-'));
  roots.push(root);
  const paths = {
    dataDirectory: join(root, 'data'),
    backupsDirectory: join(root, 'data', 'backups'),
    partitionsDirectory: join(root, 'Partitions'),
  };
  mkdirSync(paths.backupsDirectory, { recursive: true });
  mkdirSync(paths.partitionsDirectory, { recursive: true });
  return { root, paths };
}

function file(path: string, bytes: number, ageHours = 0) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes));
  const when = new Date(Date.now() - ageHours * 3_600_000);
  utimesSync(path, when, when);
}

describe('removeOrphanPartitions', () => {
  it('removes only the named session folders, counting their bytes', async () => {
    const { paths, root } = profile();
    file(join(paths.partitionsDirectory, 'svc-old', 'IndexedDB', 'a'), 1000);
    file(join(paths.partitionsDirectory, 'svc-old', 'Local Storage', 'b'), 500);
    file(join(paths.partitionsDirectory, 'ws-w1', 'x'), 10);
    file(join(root, 'keep.txt'), 10);
    const result = await removeOrphanPartitions(paths, ['svc-old', '../keep.txt', 'Default']);
    expect(result.bytesFreed).toBe(1500);
    expect(result.removed).toEqual([
      { path: join(paths.partitionsDirectory, 'svc-old'), bytes: 1500, reason: 'orphan-partition' },
    ]);
    expect(existsSync(join(paths.partitionsDirectory, 'ws-w1'))).toBe(true);
    expect(existsSync(join(root, 'keep.txt'))).toBe(true);
  });
});

describe('optimizeStore', () => {
  it('removes stale leftovers of interrupted work and old damaged files, nothing recent', async () => {
    const { paths } = profile();
    const { dataDirectory: data, backupsDirectory: backups } = paths;
    file(join(data, '.workspaces.json.123.456.tmp'), 100, 5);
    file(join(data, '.workspaces.json.123.789.tmp'), 100, 0);
    file(join(data, 'workspaces.json.tmp-1a2b3c4d5e6f7a8b'), 40, 5);
    file(join(data, 'workspaces.json.damaged-2026-10-01.json'), 300, 24 * 40);
    file(join(data, 'workspaces.json.damaged-2026-11-30.json'), 300, 24);
    file(join(data, 'workspaces.json'), 50, 24 * 100);
    file(join(backups, 'flowdesk-x.fdbackup.partial-1-abc'), 2000, 3);
    file(join(backups, '.restore-op-1', 'store.json'), 70, 3);
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    utimesSync(join(backups, '.restore-op-1'), threeHoursAgo, threeHoursAgo);
    file(join(backups, 'flowdesk-x.fdbackup'), 5000, 24 * 100);
    const result = await optimizeStore(paths);
    expect(result.removed.map((entry) => entry.reason).sort()).toEqual([
      'interrupted-backup',
      'interrupted-write',
      'interrupted-write',
      'old-damaged-store',
      'restore-staging',
    ]);
    expect(result.bytesFreed).toBe(100 + 40 + 300 + 2000 + 70);
    expect(existsSync(join(data, '.workspaces.json.123.789.tmp'))).toBe(true);
    expect(existsSync(join(data, 'workspaces.json'))).toBe(true);
    expect(existsSync(join(backups, 'flowdesk-x.fdbackup'))).toBe(true);
    expect(existsSync(join(data, 'workspaces.json.damaged-2026-11-30.json'))).toBe(true);
  });

  it('does nothing in a profile that has no data yet', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-cleanup-'));
    roots.push(root);
    expect(
      await optimizeStore({
        dataDirectory: join(root, 'data'),
        backupsDirectory: join(root, 'data', 'backups'),
        partitionsDirectory: join(root, 'Partitions'),
      }),
    ).toEqual({ removed: [], bytesFreed: 0 });
  });
});
