import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { WorkspaceBackups } from '../../desktop-app/src/main/data/backup/workspace-backups';

/**
 * Makes one backup of a prepared profile in its own Node process, so its peak memory can be
 * read alone: `node runner.mjs PROFILE OUTPUT [incremental]` prints {"ms", "maxRssMb", "bytes"}.
 * OUTPUT `-` writes into the profile's backups folder, where an incremental backup finds its parent.
 */
const [profile, output, type = 'full'] = process.argv.slice(2);
if (!profile || !output) throw new Error('usage: runner PROFILE OUTPUT [incremental]');
const store = workspaceStoreSchema.parse(
  JSON.parse(await readFile(join(profile, 'workspaces.json'), 'utf8')),
);
const backups = new WorkspaceBackups({
  directory: join(profile, 'backups'),
  appVersion: 'bench',
  store: () => store,
  restoreWorkspaces: () => undefined,
  sessions: {
    partitionDirectory: (partition) =>
      join(profile, 'Partitions', partition.replace(/^persist:/, '')),
    pendingDirectory: (partition) => join(profile, 'pending', partition),
    quiesce: () => Promise.resolve(),
    readCookies: () => Promise.resolve([]),
    writeCookies: () => Promise.resolve(),
    clearCookies: () => Promise.resolve(),
  },
});
const started = performance.now();
const info = await backups.create({
  includeBrowserSessions: true,
  protection: { method: 'passphrase', passphrase: 'benchmark passphrase' },
  ...(output === '-' ? {} : { path: output }),
  ...(type === 'incremental' ? { type: 'incremental' as const } : {}),
});
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    ms: Math.round(ms),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    bytes: info.metadata.size,
  }),
);
