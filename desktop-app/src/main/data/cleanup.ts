import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTITION_FOLDER_PATTERN } from '@flowdesk/shared/workspace';
import type { CleanupReason, CleanupResult } from '@flowdesk/shared/workspace';

/**
 * The seed's cleanupWorkspaceData and optimizeElectronStore, for files Flow Desk itself left
 * behind: session folders of removed services (only those the integrity check named and the
 * user chose), temporary files of interrupted writes and backups, unpacked restores, and
 * damaged store files kept longer than needed. Each run says what went and how many bytes.
 */

export type { CleanupReason, CleanupResult };

/** Damaged store files are kept this long, for support, then go. */
export const DAMAGED_STORE_DAYS = 30;
/** A temporary file this old is not being written any more. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export interface CleanupPaths {
  /** <userData>/data: the store, its snapshots and temporary files. */
  dataDirectory: string;
  /** <userData>/data/backups. */
  backupsDirectory: string;
  /** <userData>/Partitions: the session folders. */
  partitionsDirectory: string;
}

/** Session folders the integrity check reported as orphans and the user chose to remove. */
export async function removeOrphanPartitions(
  paths: Pick<CleanupPaths, 'partitionsDirectory'>,
  folders: readonly string[],
): Promise<CleanupResult> {
  const result: CleanupResult = { removed: [], bytesFreed: 0 };
  for (const folder of folders) {
    // Only names Flow Desk gives its partitions: never a path, never anything else.
    if (!PARTITION_FOLDER_PATTERN.test(folder)) continue;
    await removeCounted(join(paths.partitionsDirectory, folder), 'orphan-partition', result);
  }
  return result;
}

/**
 * A write cut short: writeFileAtomic's `.name.<pid>.<n>.tmp`, or the store library's
 * `name.json.tmp-<random>` (a crash mid-save leaves one; the crash-safety test showed it).
 */
const INTERRUPTED_WRITE = /^(?:\..+\.\d+\.\d+\.tmp|.+\.json\.tmp-[\w-]+)$/;

/** Leftovers of interrupted work in the data and backups folders. */
export async function optimizeStore(paths: CleanupPaths, now = new Date()): Promise<CleanupResult> {
  const result: CleanupResult = { removed: [], bytesFreed: 0 };
  const old = (modified: Date, ms: number) => now.getTime() - modified.getTime() > ms;
  for (const name of await names(paths.dataDirectory)) {
    const path = join(paths.dataDirectory, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    if (INTERRUPTED_WRITE.test(name) && old(info.mtime, STALE_TEMPORARY_MS)) {
      await removeCounted(path, 'interrupted-write', result);
    } else if (
      /\.damaged-.+\.json$/.test(name) &&
      old(info.mtime, DAMAGED_STORE_DAYS * 24 * 60 * 60 * 1000)
    ) {
      await removeCounted(path, 'old-damaged-store', result);
    }
  }
  for (const name of await names(paths.backupsDirectory)) {
    const path = join(paths.backupsDirectory, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info || !old(info.mtime, STALE_TEMPORARY_MS)) continue;
    if (/\.fdbackup\.partial-/.test(name)) await removeCounted(path, 'interrupted-backup', result);
    else if (/^\.(restore|rollback)-/.test(name)) {
      await removeCounted(path, 'restore-staging', result);
    }
  }
  return result;
}

/** Log files are kept this long (the logs themselves rotate by size; see docs/architecture.md). */
export const LOG_RETENTION_DAYS = 30;

/** Log files in the logs folder not written for LOG_RETENTION_DAYS. */
export async function removeOldLogs(
  logsDirectory: string,
  now = new Date(),
): Promise<CleanupResult> {
  const result: CleanupResult = { removed: [], bytesFreed: 0 };
  const cutoff = now.getTime() - LOG_RETENTION_DAYS * 24 * 60 * 60 * 1000;
  for (const name of await names(logsDirectory)) {
    if (!/\.(log|jsonl)(\.\d+)?(\.gz)?$/.test(name)) continue;
    const path = join(logsDirectory, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() && info.mtime.getTime() < cutoff)
      await removeCounted(path, 'old-log', result);
  }
  return result;
}

async function names(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch {
    return [];
  }
}

async function sizeOf(path: string): Promise<number> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await names(path)) total += await sizeOf(join(path, name));
  return total;
}

async function removeCounted(path: string, reason: CleanupReason, result: CleanupResult) {
  const bytes = await sizeOf(path);
  await rm(path, { recursive: true, force: true });
  result.removed.push({ path, bytes, reason });
  result.bytesFreed += bytes;
}
