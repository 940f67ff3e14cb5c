import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashAppLockPassword } from './app-lock';
import { loadAppLockRecord, saveAppLockRecord } from './app-lock-store';

const directories: string[] = [];
afterEach(() =>
  directories.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })),
);
const file = () => {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-lock-'));
  directories.push(directory);
  return join(directory, 'app-lock.json');
};

describe('the app lock file', () => {
  it('is absent until a password is set, keeps the record, and goes when the lock is turned off', async () => {
    const path = file();
    expect(loadAppLockRecord(path)).toEqual({ kind: 'none' });
    const record = await hashAppLockPassword('correct horse', { N: 2 ** 14 });
    saveAppLockRecord(path, record);
    expect(loadAppLockRecord(path)).toEqual({ kind: 'set', record });
    saveAppLockRecord(path, undefined);
    expect(existsSync(path)).toBe(false);
  });

  it('reports a damaged or edited file instead of trusting it', () => {
    const path = file();
    writeFileSync(path, '{ not json');
    expect(loadAppLockRecord(path)).toEqual({ kind: 'damaged' });
    writeFileSync(path, JSON.stringify({ algorithm: 'scrypt', salt: 'AA==', hash: 'AA==', N: 3 }));
    expect(loadAppLockRecord(path)).toEqual({ kind: 'damaged' });
  });
});
