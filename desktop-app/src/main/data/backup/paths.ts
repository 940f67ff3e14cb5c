import { backupError } from './format';

/**
 * Names of entries inside a backup: relative paths with "/" separators that stay inside the
 * folder they are restored into, whatever the archive says.
 */

export const MAX_ENTRY_NAME_LENGTH = 512;
// eslint-disable-next-line no-control-regex -- rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_ENTRY_NAME_LENGTH) return false;
  if (CONTROL.test(name) || name.includes('\\')) return false;
  // Absolute: "/etc/passwd", "C:/Windows", "//server/share".
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export function checkEntryName(name: string): void {
  if (!isSafeEntryName(name)) {
    throw backupError(
      'BACKUP_UNSAFE_PATH',
      `The backup contains a file outside its folder ("${name.slice(0, 80)}"). It was made by something other than Flow Desk, or altered; it is not restored.`,
    );
  }
}
