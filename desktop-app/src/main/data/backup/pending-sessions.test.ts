import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPendingSessions } from './pending-sessions';

const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function put(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

describe('applyPendingSessions', () => {
  it('replaces the staged folders of each partition, then removes the staging', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-pending-'));
    directories.push(root);
    const pending = join(root, 'pending');
    const partitions = join(root, 'Partitions');
    put(join(pending, 'ws-w1', 'Local Storage', 'leveldb', '1.log'), 'restored');
    mkdirSync(join(pending, 'svc-s2'), { recursive: true });
    put(join(pending, 'not-a-partition', 'Local Storage', 'x'), 'ignored');
    put(join(partitions, 'ws-w1', 'Local Storage', 'leveldb', '9.log'), 'old');
    put(join(partitions, 'ws-w1', 'Cache', 'c'), 'cache stays');
    put(join(partitions, 'svc-s2', 'IndexedDB', 'db'), 'old');

    const applied = await applyPendingSessions(pending, (key) => join(partitions, key));
    expect(applied.sort()).toEqual(['svc-s2', 'ws-w1']);
    expect(
      readFileSync(join(partitions, 'ws-w1', 'Local Storage', 'leveldb', '1.log'), 'utf8'),
    ).toBe('restored');
    expect(existsSync(join(partitions, 'ws-w1', 'Local Storage', 'leveldb', '9.log'))).toBe(false);
    expect(readFileSync(join(partitions, 'ws-w1', 'Cache', 'c'), 'utf8')).toBe('cache stays');
    // Nothing stored in the backup for it: its stored data is emptied.
    expect(existsSync(join(partitions, 'svc-s2', 'IndexedDB'))).toBe(false);
    expect(existsSync(pending)).toBe(false);
    expect(existsSync(join(partitions, 'not-a-partition'))).toBe(false);
    expect(await applyPendingSessions(pending, (key) => join(partitions, key))).toEqual([]);
  });
});
