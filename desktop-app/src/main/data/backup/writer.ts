import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { BackupMetadata } from '@flowdesk/shared/workspace';
import { pack as createPack } from 'tar-stream';
import { createPayloadCipher } from './crypto';
import {
  GCM_TAG_BYTES,
  authenticatedHeaderData,
  backupError,
  encodeHeader,
  headerCapacityFor,
} from './format';
import { checkEntryName } from './paths';

/**
 * Writes a backup file: entries → tar → gzip → AES-256-GCM → file, streamed end to end (memory
 * does not grow with the size), into a temporary file that is fsynced and then renamed, so a
 * crash or a full disk never leaves a half backup under the real name.
 */

export interface BackupEntrySource {
  /** A relative path with "/" separators (checked: no "..", not absolute). */
  name: string;
  size: number;
  mtime?: Date;
  /** The content; opened when its turn comes, so only one file is open at a time. */
  open: () => Readable | Buffer;
}

/** The metadata before the payload exists: size and checksum are filled in at the end. */
export type BackupMetadataDraft = Omit<BackupMetadata, 'size' | 'checksum'>;

export interface WriteBackupOptions {
  /** Where the backup ends up; the file is written next to it first. */
  path: string;
  metadata: BackupMetadataDraft;
  entries: AsyncIterable<BackupEntrySource> | Iterable<BackupEntrySource>;
  /** The payload key, when the metadata says the backup is encrypted. */
  key?: Buffer;
  /** Called with the bytes of entry content written so far, for progress. */
  onProgress?: (bytesRead: number) => void;
}

export async function writeBackup(options: WriteBackupOptions): Promise<BackupMetadata> {
  const { metadata: draft } = options;
  const placeholder: BackupMetadata = { ...draft, size: 0, checksum: '0'.repeat(64) };
  const capacity = headerCapacityFor({ ...placeholder, size: Number.MAX_SAFE_INTEGER });
  const payloadOffset = encodeHeader(placeholder, capacity).length;
  const encryption = draft.encryption;
  if (encryption.method !== 'none' && !options.key) {
    throw backupError('BACKUP_KEY_MISSING', 'An encrypted backup needs its key.');
  }

  const temporary = `${options.path}.partial-${process.pid}-${Date.now().toString(36)}`;
  const file = await open(temporary, 'wx').catch((error: unknown) => {
    throw writeFailure(error);
  });
  let closed = false;
  try {
    await file.write(encodeHeader(placeholder, capacity), 0, undefined, 0);

    // The checksum covers the header's fixed fields too (see format.ts), then the payload.
    const hash = createHash('sha256').update(authenticatedHeaderData(placeholder));
    let payloadBytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        payloadBytes += chunk.length;
        done(null, chunk);
      },
    });
    const cipher =
      encryption.method === 'none'
        ? undefined
        : createPayloadCipher(options.key!, encryption.iv, authenticatedHeaderData(placeholder));

    const tar = createPack();
    const feeding = feedEntries(tar, options.entries, options.onProgress);
    const stages: NodeJS.ReadWriteStream[] = [
      ...(draft.compression === 'gzip' ? [createGzip({ level: 6 })] : []),
      ...(cipher ? [cipher] : []),
      measure,
    ];
    const sink = writerAt(file, payloadOffset);
    await Promise.all([
      feeding.catch((error: unknown) => {
        tar.destroy(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }),
      pipeline(Readable.from(tar), ...(stages as [Transform]), sink),
    ]);

    if (cipher) {
      const tag = cipher.getAuthTag();
      await file.write(tag, 0, GCM_TAG_BYTES, payloadOffset + payloadBytes);
      hash.update(tag);
      payloadBytes += tag.length;
    }
    const metadata: BackupMetadata = {
      ...draft,
      size: payloadBytes,
      checksum: hash.digest('hex'),
    };
    await file.write(encodeHeader(metadata, capacity), 0, undefined, 0);
    await file.sync();
    await file.close();
    closed = true;
    await rename(temporary, options.path);
    await syncDirectory(dirname(options.path));
    return metadata;
  } catch (error) {
    if (!closed) await file.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw writeFailure(error);
  }
}

async function feedEntries(
  tar: ReturnType<typeof createPack>,
  entries: AsyncIterable<BackupEntrySource> | Iterable<BackupEntrySource>,
  onProgress: ((bytesRead: number) => void) | undefined,
): Promise<void> {
  const names = new Set<string>();
  let bytesRead = 0;
  for await (const entry of entries) {
    checkEntryName(entry.name);
    if (names.has(entry.name)) {
      throw backupError('BACKUP_DUPLICATE_ENTRY', `The backup would hold "${entry.name}" twice.`);
    }
    names.add(entry.name);
    const header = {
      name: entry.name,
      size: entry.size,
      mode: 0o600,
      mtime: entry.mtime ?? new Date(0),
      type: 'file' as const,
    };
    const content = entry.open();
    if (Buffer.isBuffer(content)) {
      await new Promise<void>((resolve, reject) =>
        tar.entry({ ...header, size: content.length }, content, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
      bytesRead += content.length;
    } else {
      // The size must be known up front (tar records it first); a file that changed size while
      // being read makes tar-stream fail, and the backup with it, rather than store it wrongly.
      const sink = tar.entry(header);
      await pipeline(
        content,
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            bytesRead += chunk.length;
            onProgress?.(bytesRead);
            done(null, chunk);
          },
        }),
        sink,
      );
    }
    onProgress?.(bytesRead);
  }
  tar.finalize();
}

/**
 * Writes a stream into the open file from `start` on. (FileHandle.createWriteStream without
 * autoClose keeps the handle busy, and the later close would wait for ever.)
 */
function writerAt(file: FileHandle, start: number): Writable {
  let position = start;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      file.write(chunk, 0, chunk.length, position).then(({ bytesWritten }) => {
        position += bytesWritten;
        done();
      }, done);
    },
  });
}

async function syncDirectory(directory: string): Promise<void> {
  // Makes the rename itself durable; not possible on Windows, where it is not needed.
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort.
  }
}

export function writeFailure(error: unknown) {
  if (error instanceof Error && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') {
      return backupError(
        'BACKUP_DISK_FULL',
        'There is not enough free disk space for the backup. Free some space or choose another place, then try again.',
        error,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return backupError(
        'BACKUP_NOT_WRITABLE',
        'Flow Desk may not write to that folder. Choose another place for the backup.',
        error,
      );
    }
    if (typeof code === 'string' && code.startsWith('BACKUP_')) return error;
  }
  return backupError('BACKUP_WRITE_FAILED', 'The backup could not be written. Try again.', error);
}
