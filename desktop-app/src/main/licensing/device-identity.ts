import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readTextFile, writeFileAtomic } from '../data/atomic-file';

/**
 * This installation's identity for licensing: a random id made once and kept in the user data
 * folder. Only its SHA-256 leaves the computer (the license is bound to it); no hardware serials
 * or account names are read.
 */
export function deviceFingerprintHash(idPath: string): string {
  const stored = readTextFile(idPath);
  let id = stored.kind === 'text' ? stored.text.trim() : '';
  if (!/^[0-9a-f]{64}$/.test(id)) {
    id = randomBytes(32).toString('hex');
    try {
      mkdirSync(dirname(idPath), { recursive: true });
      writeFileAtomic(idPath, `${id}\n`);
    } catch {
      // Not kept: this run still has an identity; the next one signs in again.
    }
  }
  return createHash('sha256').update(`flowdesk-device:${id}`).digest('hex');
}
