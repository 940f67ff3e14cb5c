import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of it:
 * write a temporary file beside it, flush it to disk, rename over the target, then flush the
 * directory so the rename itself survives a power cut.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const descriptor = openSync(temporary, 'w', 0o600);
  try {
    writeSync(descriptor, content);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(path));
}

/**
 * POSIX keeps a rename in the directory's own data until the directory is flushed. Windows
 * cannot open a directory this way (and NTFS journals the rename), so a failure here is only
 * lost durability, never lost content: the file itself is already complete.
 */
function syncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Best effort: see above.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

export type ReadOutcome =
  { kind: 'missing' } | { kind: 'text'; text: string } | { kind: 'unreadable'; error: unknown };

/** Reads a text file, telling "not there" apart from "there but unreadable". */
export function readTextFile(path: string): ReadOutcome {
  try {
    return { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', error };
  }
}
