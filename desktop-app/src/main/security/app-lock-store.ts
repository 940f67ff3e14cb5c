import { rmSync } from 'node:fs';
import { readTextFile, writeFileAtomic } from '../data/atomic-file';
import { appLockRecordSchema } from './app-lock';
import type { AppLockRecord } from './app-lock';

/**
 * The app lock's record lives in its own file, not in the workspace store, so the password hash
 * never travels to the UI with the store.
 */
export type LoadedAppLock =
  | { kind: 'none' }
  | { kind: 'set'; record: AppLockRecord }
  /** Unreadable or edited: the lock is reset, and the user told so (see docs/security.md). */
  | { kind: 'damaged' };

export function loadAppLockRecord(path: string): LoadedAppLock {
  const file = readTextFile(path);
  if (file.kind === 'missing') return { kind: 'none' };
  if (file.kind === 'unreadable') return { kind: 'damaged' };
  try {
    const parsed = appLockRecordSchema.safeParse(JSON.parse(file.text));
    return parsed.success ? { kind: 'set', record: parsed.data } : { kind: 'damaged' };
  } catch {
    return { kind: 'damaged' };
  }
}

export function saveAppLockRecord(path: string, record: AppLockRecord | undefined): void {
  if (record) writeFileAtomic(path, `${JSON.stringify(record, null, 2)}\n`);
  else rmSync(path, { force: true });
}
