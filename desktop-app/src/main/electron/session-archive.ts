import { app, session } from 'electron';
import { join } from 'node:path';
import { toBackedUpCookie, toCookieDetails } from '../data/backup/session-cookies';
import type { SessionArchive } from '../data/backup/workspace-backups';

/**
 * The browser sessions as backups see them (workspace-backups.ts), over Electron's session API:
 * cookies through `session.cookies`, stored data from the partition's folder once its pages are
 * asleep and its DOM storage flushed, and restored data staged for the next start.
 */

/** Where Electron keeps a persistent partition: <userData>/Partitions/<name>. */
export function partitionFolder(key: string): string {
  return join(app.getPath('userData'), 'Partitions', key);
}

export function electronSessionArchive(deps: {
  /** <userData>/data/pending-sessions: read by applyPendingSessions at start-up. */
  pendingRoot: string;
  /** Puts every page of these partitions to sleep. */
  hibernatePartitions: (partitions: string[]) => void;
}): SessionArchive {
  const key = (partition: string) => partition.replace(/^persist:/, '');
  return {
    partitionDirectory: (partition) =>
      session.fromPartition(partition).getStoragePath() ?? partitionFolder(key(partition)),
    pendingDirectory: (partition) => join(deps.pendingRoot, key(partition)),
    quiesce: async (partitions) => {
      deps.hibernatePartitions(partitions);
      for (const partition of partitions) {
        const target = session.fromPartition(partition);
        // Writes what Local Storage still holds in memory, and the cookie jar.
        target.flushStorageData();
        await target.cookies.flushStore();
      }
    },
    readCookies: async (partition) =>
      (await session.fromPartition(partition).cookies.get({}))
        .map(toBackedUpCookie)
        .filter((cookie) => cookie !== undefined),
    writeCookies: async (partition, cookies) => {
      const jar = session.fromPartition(partition).cookies;
      for (const cookie of cookies) {
        // A cookie Chromium refuses now (expired meanwhile) is left out, not the whole restore.
        await jar.set(toCookieDetails(cookie)).catch(() => undefined);
      }
      await jar.flushStore();
    },
    clearCookies: (partition) =>
      session.fromPartition(partition).clearStorageData({ storages: ['cookies'] }),
  };
}
