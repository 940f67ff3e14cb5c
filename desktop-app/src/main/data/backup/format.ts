import { FlowDeskError } from '@flowdesk/shared/core';
import { BACKUP_FORMAT_VERSION, backupMetadataSchema } from '@flowdesk/shared/workspace';
import type { BackupMetadata } from '@flowdesk/shared/workspace';

/**
 * The backup file's frame (docs/formats/backup.md): a magic, the metadata header as JSON in a
 * reserved region (so it can be completed once the payload is written, without a second copy
 * of the payload), then the payload.
 *
 *   0      8  "FDBACKUP"
 *   8      4  header capacity C (uint32, big-endian)
 *   12     4  header length L ≤ C (uint32, big-endian)
 *   16     C  header: UTF-8 JSON ending in "}", then spaces up to C
 *
 * The checksum in the header is SHA-256 over the canonical JSON of the header's other fields
 * followed by the payload, and the GCM tag authenticates the same header fields: a changed byte
 * anywhere in the file is an error, whether the backup is encrypted or not.
 *   16+C      payload: tar → gzip (optional) → AES-256-GCM (optional; the 16-byte tag last)
 */

export const BACKUP_MAGIC = Buffer.from('FDBACKUP', 'ascii');
export const FRAME_PREFIX_BYTES = 16;
/** Room for the size and checksum that are filled in at the end, and a little more. */
const HEADER_SLACK_BYTES = 256;
const MIN_HEADER_CAPACITY = 4096;
/** A header beyond this is not one this app wrote (1000 workspace ids fit well within it). */
export const MAX_HEADER_CAPACITY = 1024 * 1024;
export const GCM_TAG_BYTES = 16;

export function backupError(code: string, message: string, cause?: unknown): FlowDeskError {
  return new FlowDeskError(code, message, cause === undefined ? {} : { cause });
}

/** The header region for a metadata whose size and checksum are not known yet. */
export function headerCapacityFor(metadata: BackupMetadata): number {
  const length = Buffer.byteLength(JSON.stringify(metadata));
  return Math.max(MIN_HEADER_CAPACITY, Math.ceil((length + HEADER_SLACK_BYTES) / 1024) * 1024);
}

/** The 16-byte prefix and the padded header, ready to be written at offset 0. */
export function encodeHeader(metadata: BackupMetadata, capacity: number): Buffer {
  const json = Buffer.from(JSON.stringify(backupMetadataSchema.parse(metadata)), 'utf8');
  if (json.length > capacity) {
    throw backupError('BACKUP_HEADER_TOO_LARGE', 'The backup header does not fit its region.');
  }
  const frame = Buffer.alloc(FRAME_PREFIX_BYTES + capacity, 0x20);
  BACKUP_MAGIC.copy(frame, 0);
  frame.writeUInt32BE(capacity, 8);
  frame.writeUInt32BE(json.length, 12);
  json.copy(frame, FRAME_PREFIX_BYTES);
  return frame;
}

/** The fields the payload's authentication covers: all but those known only at the end. */
export function authenticatedHeaderData(metadata: BackupMetadata): Buffer {
  const fixed: Partial<BackupMetadata> = { ...metadata };
  delete fixed.size;
  delete fixed.checksum;
  return Buffer.from(canonicalJson(fixed), 'utf8');
}

/** JSON with object keys sorted, so the same metadata always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface DecodedFrame {
  metadata: BackupMetadata;
  /** Where the payload starts in the file. */
  payloadOffset: number;
}

export interface FrameContext {
  fileSize: number;
  /** The store schema this app reads: a backup written for a newer one is refused. */
  currentStoreSchemaVersion: number;
  /** Reads `length` bytes at `position`, fewer at the end of the file. */
  read: (position: number, length: number) => Promise<Buffer>;
}

/** Reads and checks the frame and header. Throws a FlowDeskError that says what is wrong. */
export async function decodeFrame(context: FrameContext): Promise<DecodedFrame> {
  const prefix = await context.read(0, FRAME_PREFIX_BYTES);
  if (prefix.length < BACKUP_MAGIC.length || !prefix.subarray(0, 8).equals(BACKUP_MAGIC)) {
    throw backupError(
      'BACKUP_NOT_A_BACKUP',
      'This file is not a Flow Desk backup. Choose a file whose name ends in .fdbackup.',
    );
  }
  if (prefix.length < FRAME_PREFIX_BYTES) throw truncated();
  const capacity = prefix.readUInt32BE(8);
  const length = prefix.readUInt32BE(12);
  if (capacity > MAX_HEADER_CAPACITY || length > capacity || length === 0) {
    throw backupError('BACKUP_HEADER_INVALID', 'The backup header is damaged.');
  }
  const payloadOffset = FRAME_PREFIX_BYTES + capacity;
  if (context.fileSize < payloadOffset) throw truncated();
  const region = await context.read(FRAME_PREFIX_BYTES, capacity);
  const text = region.subarray(0, length).toString('utf8');
  // The header ends exactly at its length and only spaces follow: nothing else hides there.
  if (!text.endsWith('}') || region.subarray(length).some((byte) => byte !== 0x20)) {
    throw backupError('BACKUP_HEADER_INVALID', 'The backup header is damaged.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw backupError('BACKUP_HEADER_INVALID', 'The backup header is damaged.', error);
  }
  // Checked before the strict schema: a newer format has fields this version cannot know.
  const formatVersion = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    throw newerVersion((raw as { version?: unknown }).version);
  }
  const parsed = backupMetadataSchema.safeParse(raw);
  if (!parsed.success) {
    throw backupError('BACKUP_HEADER_INVALID', 'The backup header is damaged.', parsed.error);
  }
  const metadata = parsed.data;
  if (metadata.storeSchemaVersion > context.currentStoreSchemaVersion) {
    throw newerVersion(metadata.version);
  }
  const expectedSize = context.fileSize - payloadOffset;
  if (expectedSize < metadata.size) throw truncated();
  if (expectedSize > metadata.size) {
    throw backupError(
      'BACKUP_CORRUPTED',
      'The backup file has extra data after its end: it was damaged or changed.',
    );
  }
  if (metadata.encryption.method !== 'none' && metadata.size < GCM_TAG_BYTES) throw truncated();
  return { metadata, payloadOffset };
}

function truncated(): FlowDeskError {
  return backupError(
    'BACKUP_TRUNCATED',
    'The backup file is incomplete: it was cut off while being copied or saved. Use another copy.',
  );
}

function newerVersion(version: unknown): FlowDeskError {
  const made = typeof version === 'string' && version.length <= 50 ? ` (${version})` : '';
  return backupError(
    'BACKUP_FROM_NEWER_VERSION',
    `This backup was made by a newer Flow Desk${made}. Update Flow Desk, then restore it.`,
  );
}
