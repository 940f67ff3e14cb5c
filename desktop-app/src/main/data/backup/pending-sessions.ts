import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isId } from '@flowdesk/shared/workspace';
import { SESSION_FOLDERS } from './workspace-backups';

/**
 * Puts restored session data in place at start-up, before any session exists: a running
 * Chromium session keeps its databases open, so a restore stages them and the next start moves
 * them in. Each staged partition folder replaces the matching folders of the live one; then the
 * staged copy is removed. Returns the partitions that were restored.
 */
export async function applyPendingSessions(
  pendingRoot: string,
  partitionDirectory: (partitionKey: string) => string,
): Promise<string[]> {
  let keys: string[];
  try {
    keys = await readdir(pendingRoot);
  } catch {
    return [];
  }
  const applied: string[] = [];
  for (const key of keys) {
    // Only folders a restore wrote: "ws-<id>" or "svc-<id>".
    const match = /^(ws|svc)-(.+)$/.exec(key);
    if (!match || !isId(match[2])) continue;
    const source = join(pendingRoot, key);
    const target = partitionDirectory(key);
    await mkdir(target, { recursive: true });
    for (const folder of SESSION_FOLDERS) {
      await rm(join(target, folder), { recursive: true, force: true });
      await rename(join(source, folder), join(target, folder)).catch(
        (error: NodeJS.ErrnoException) => {
          // A folder the backup did not have: the live one is simply emptied.
          if (error.code !== 'ENOENT') throw error;
        },
      );
    }
    await rm(source, { recursive: true, force: true });
    applied.push(key);
  }
  await rm(pendingRoot, { recursive: true, force: true });
  return applied;
}
