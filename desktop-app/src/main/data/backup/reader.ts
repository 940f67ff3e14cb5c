import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { isFlowDeskError } from '@flowdesk/shared/core';
import type { FlowDeskError } from '@flowdesk/shared/core';
import { WORKSPACE_STORE_VERSION } from '@flowdesk/shared/workspace';
import type { BackupMetadata } from '@flowdesk/shared/workspace';
import { extract as createExtract } from 'tar-stream';
import { createPayloadDecipher, keyFor } from './crypto';
import type { KeySource } from './crypto';
import { GCM_TAG_BYTES, authenticatedHeaderData, backupError, decodeFrame } from './format';
import { checkEntryName } from './paths';

/**
 * Reads a backup file, checking everything: the frame and header, the SHA-256 of the payload,
 * the AES-GCM authentication tag, the archive's structure, every entry's name, and limits that
 * stop a decompression bomb. With no `onEntry` it only verifies; restore verifies first and
 * reads again to extract, so nothing is written from a file that is not entirely sound.
 */

export interface ReadLimits {
  /** Total bytes once decompressed. */
  maxExpandedBytes: number;
  /** Decompressed bytes per stored byte, checked once past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  maxEntries: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxExpandedBytes: 64 * 1024 ** 3,
  maxRatio: 200,
  ratioGraceBytes: 16 * 1024 * 1024,
  maxEntries: 1_000_000,
};

export interface BackupEntryInfo {
  name: string;
  size: number;
}

export interface ReadBackupOptions extends KeySource {
  path: string;
  limits?: Partial<ReadLimits>;
  /** The store schema this app reads (a backup for a newer one is refused). */
  currentStoreSchemaVersion?: number;
  /** Receives each entry's content; it must consume it. Without it, entries are only checked. */
  onEntry?: (entry: BackupEntryInfo, content: Readable) => Promise<void>;
  onProgress?: (payloadBytesRead: number, payloadBytes: number) => void;
}

export interface ReadBackupResult {
  metadata: BackupMetadata;
  entries: BackupEntryInfo[];
}

/** Reads only the header: enough to list a backup. */
export async function readBackupMetadata(
  path: string,
  currentStoreSchemaVersion = WORKSPACE_STORE_VERSION,
): Promise<BackupMetadata> {
  const file = await openForReading(path);
  try {
    const { size } = await file.stat();
    const frame = await decodeFrame({
      fileSize: size,
      currentStoreSchemaVersion,
      read: (position, length) => readAt(file, position, length),
    });
    return frame.metadata;
  } finally {
    await file.close();
  }
}

export async function readBackup(options: ReadBackupOptions): Promise<ReadBackupResult> {
  const limits = { ...DEFAULT_READ_LIMITS, ...options.limits };
  const file = await openForReading(options.path);
  let frame;
  try {
    const { size } = await file.stat();
    frame = await decodeFrame({
      fileSize: size,
      currentStoreSchemaVersion: options.currentStoreSchemaVersion ?? WORKSPACE_STORE_VERSION,
      read: (position, length) => readAt(file, position, length),
    });
  } finally {
    await file.close();
  }
  const { metadata, payloadOffset } = frame;

  // 1. The bytes are those written: a checksum pass before anything is decrypted, so damage is
  //    told apart from a wrong passphrase.
  const hash = createHash('sha256').update(authenticatedHeaderData(metadata));
  await pipeline(
    createReadStream(options.path, { start: payloadOffset }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done();
      },
    }),
  );
  if (hash.digest('hex') !== metadata.checksum) {
    throw backupError(
      'BACKUP_CORRUPTED',
      'The backup file was changed or damaged after it was made (its checksum does not match). Use another copy.',
    );
  }

  // 2. Decrypt, decompress and walk the archive, within limits.
  const encrypted = metadata.encryption.method !== 'none';
  const key =
    metadata.encryption.method === 'none' ? undefined : await keyFor(metadata.encryption, options);
  const cipherEnd = payloadOffset + metadata.size - (encrypted ? GCM_TAG_BYTES : 0);
  let decipher;
  if (metadata.encryption.method !== 'none' && key) {
    const tag = await readTag(options.path, cipherEnd);
    decipher = createPayloadDecipher(
      key,
      metadata.encryption.iv,
      authenticatedHeaderData(metadata),
      tag,
    );
  }

  let storedRead = 0;
  let expanded = 0;
  const countStored = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      storedRead += chunk.length;
      options.onProgress?.(storedRead, metadata.size);
      done(null, chunk);
    },
  });
  const guardExpansion = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      expanded += chunk.length;
      const tooBig = expanded > limits.maxExpandedBytes;
      const tooDense =
        expanded > limits.ratioGraceBytes && expanded > limits.maxRatio * Math.max(storedRead, 1);
      if (tooBig || tooDense) {
        done(
          backupError(
            'BACKUP_EXPANDS_TOO_MUCH',
            'The backup expands to far more data than any real backup: it is damaged or was made to harm. It is not restored.',
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });

  const entries: BackupEntryInfo[] = [];
  // Why an entry was refused: destroying the archive stream reports only "premature close".
  let refusal: unknown;
  const tar = createExtract();
  tar.on('entry', (header, stream, next) => {
    const consume = async () => {
      if (header.type === 'directory') {
        stream.resume();
        return;
      }
      if (header.type !== 'file') {
        throw backupError(
          'BACKUP_UNSUPPORTED_ENTRY',
          'The backup contains a link or special file, which Flow Desk never writes. It is not restored.',
        );
      }
      checkEntryName(header.name);
      if (entries.some((entry) => entry.name === header.name)) {
        throw backupError('BACKUP_DUPLICATE_ENTRY', `The backup holds "${header.name}" twice.`);
      }
      if (entries.length >= limits.maxEntries) {
        throw backupError('BACKUP_TOO_MANY_ENTRIES', 'The backup holds more files than allowed.');
      }
      const info = { name: header.name, size: header.size ?? 0 };
      entries.push(info);
      const content = Readable.from(stream);
      if (options.onEntry) await options.onEntry(info, content);
      else content.resume();
      await new Promise<void>((resolve, reject) => {
        if (content.readableEnded) resolve();
        else content.once('end', resolve).once('error', reject);
      });
    };
    consume().then(
      () => next(),
      (error: unknown) => {
        refusal ??= error;
        stream.destroy();
        tar.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

  const stages: NodeJS.ReadWriteStream[] = [
    countStored,
    ...(decipher ? [decipher] : []),
    ...(metadata.compression === 'gzip' ? [createGunzip()] : []),
    guardExpansion,
  ];
  try {
    await pipeline(
      createReadStream(options.path, { start: payloadOffset, end: cipherEnd - 1 }),
      ...(stages as [Transform]),
      tar as unknown as Writable,
    );
  } catch (error) {
    throw readFailure(refusal ?? error, metadata);
  }
  return { metadata, entries };
}

async function openForReading(path: string) {
  try {
    return await open(path, 'r');
  } catch (error) {
    throw backupError(
      'BACKUP_NOT_FOUND',
      'The backup file cannot be opened. Check that it still exists and that you may read it.',
      error,
    );
  }
}

async function readAt(
  file: Awaited<ReturnType<typeof open>>,
  position: number,
  length: number,
): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readTag(path: string, position: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    return await readAt(file, position, GCM_TAG_BYTES);
  } finally {
    await file.close();
  }
}

/** The payload matched its checksum, so a failure after decryption means the key was wrong. */
function readFailure(error: unknown, metadata: BackupMetadata): FlowDeskError {
  if (isFlowDeskError(error) && error.code.startsWith('BACKUP_')) return error;
  if (metadata.encryption.method === 'passphrase') {
    return backupError(
      'BACKUP_WRONG_PASSPHRASE',
      'The passphrase is not the one this backup was made with (or the backup was altered). Check it and try again.',
      error,
    );
  }
  if (metadata.encryption.method === 'device-key') {
    return backupError(
      'BACKUP_DEVICE_KEY_WRONG',
      'This computer keeps a different key under this backup’s name, so it cannot be opened here.',
      error,
    );
  }
  return backupError(
    'BACKUP_CORRUPTED',
    'The backup’s contents are damaged and cannot be read. Use another copy.',
    error,
  );
}
