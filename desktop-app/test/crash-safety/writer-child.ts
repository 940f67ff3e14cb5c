import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { readTextFile, writeFileAtomic } from '../../src/main/data/atomic-file';
import type { DeviceKeyStore } from '../../src/main/data/backup/crypto';
import { WorkspaceBackups } from '../../src/main/data/backup/workspace-backups';
import type { SessionArchive } from '../../src/main/data/backup/workspace-backups';
import { WorkspaceStoreRepository } from '../../src/main/data/workspace-store';

/**
 * The process test/crash-safety.test.ts kills: given a folder, it writes the workspace store and
 * a backup in turn, for ever, through the real store and backup code, and says on stdout what it
 * is about to do and what it has finished, so the parent knows which documents may be on disk.
 *
 *   node writer-child.mjs <folder>      (the test builds this file into one module first)
 *
 * Lines: `ready <g>` (loaded generation g), `store-start <g>`, `store-done <g>`,
 * `backup-start <g>`, `backup-done <g> <file name>`, `notice <json>` (the load reported damage).
 */

/** Where everything lives inside the folder, as in the app's <userData>. */
export function crashPaths(root: string) {
  return {
    data: join(root, 'data'),
    backups: join(root, 'data', 'backups'),
    partitions: join(root, 'Partitions'),
    keys: join(root, 'keys'),
  };
}

const CREATED_AT = '2026-11-24T10:00:00.000Z';
/** The one persistent session: workspace w0's shared partition. */
export const PARTITION_FOLDER = 'ws-w0';
/** Its files on disk (made by the parent once): large enough that a backup takes a while. */
export const SESSION_FILES = [
  { folder: 'Local Storage', name: 'leveldb/000003.log', size: 384 * 1024 },
  {
    folder: 'IndexedDB',
    name: 'https_app.slack.com_0.indexeddb.leveldb/000005.ldb',
    size: 96 * 1024,
  },
] as const;

/**
 * The document of generation `g`. Every part carries the generation and the size changes with
 * it (1–4 workspaces, icons of 8–40 kB), so a mix of two writes or a cut-off one cannot pass
 * for a whole document. Generation 0 is the empty store of a first start.
 */
export function documentFor(generation: number): WorkspaceStore {
  if (generation === 0) return workspaceStoreSchema.parse({ schemaVersion: 1 });
  const workspaces = Array.from({ length: 1 + (generation % 4) }, (_, index) => ({
    id: `w${index}`,
    name: `Generation ${generation} / ${index}`,
    createdAt: CREATED_AT,
    services: Array.from({ length: 1 + ((generation + index) % 3) }, (_, position) => ({
      id: `s${index}-${position}`,
      type: 'slack',
      name: `Slack ${generation}`,
      url: 'https://app.slack.com/client',
      createdAt: CREATED_AT,
      // Only w0's first service keeps a session on disk, so every backup holds the same files.
      persistSession: index === 0 && position === 0,
      ...(position === 0
        ? { customIcon: `g${generation};`.repeat(1000 * (1 + (generation % 5))) }
        : {}),
    })),
  }));
  return workspaceStoreSchema.parse({ schemaVersion: 1, workspaces, activeWorkspaceId: 'w0' });
}

/** The generation a store was written as, or undefined when it is none of ours. */
export function generationOf(store: WorkspaceStore): number | undefined {
  const first = store.workspaces[0];
  if (!first) return 0;
  const match = /^Generation (\d+) \/ 0$/.exec(first.name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Device keys in files, standing in for the keyring: they must outlive the killed process so the
 * parent can open its encrypted backups. Each key is on disk before the backup using it starts.
 */
export class FolderDeviceKeys implements DeviceKeyStore {
  constructor(private readonly directory: string) {}

  create() {
    mkdirSync(this.directory, { recursive: true });
    const keyId = `k-${randomUUID()}`;
    const key = randomBytes(32);
    writeFileAtomic(join(this.directory, `${keyId}.key`), key.toString('base64'));
    return Promise.resolve({ keyId, key });
  }

  get(keyId: string) {
    const read = readTextFile(join(this.directory, `${keyId}.key`));
    return Promise.resolve(read.kind === 'text' ? Buffer.from(read.text, 'base64') : undefined);
  }
}

/** Partition folders on disk, no browser: enough for a backup with sign-ins; restore never runs. */
export function folderSessions(partitions: string): SessionArchive {
  const never = () => Promise.reject(new Error('The crash test never restores.'));
  return {
    partitionDirectory: (partition) => join(partitions, partition.replace(/^persist:/, '')),
    pendingDirectory: (partition) =>
      join(partitions, 'pending', partition.replace(/^persist:/, '')),
    quiesce: () => Promise.resolve(),
    readCookies: () => Promise.resolve([]),
    writeCookies: never,
    clearCookies: never,
  };
}

/** The real backups module over the folder, as the parent and the child both use it. */
export function backupsIn(root: string, store: () => WorkspaceStore): WorkspaceBackups {
  const paths = crashPaths(root);
  return new WorkspaceBackups({
    directory: paths.backups,
    appVersion: '0.1.0',
    store,
    restoreWorkspaces: () => {
      throw new Error('The crash test never restores.');
    },
    sessions: folderSessions(paths.partitions),
    deviceKeys: new FolderDeviceKeys(paths.keys),
  });
}

/** A whole line, written synchronously: once it is printed, the parent has it even after a kill. */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

export async function runWriter(root: string): Promise<never> {
  const repository = new WorkspaceStoreRepository(crashPaths(root).data);
  const loaded = repository.load();
  if (loaded.notices.length > 0 || loaded.readOnly) {
    say(`notice ${JSON.stringify({ readOnly: loaded.readOnly, notices: loaded.notices })}`);
  }
  let current = loaded.store;
  let generation = generationOf(current);
  if (generation === undefined) throw new Error('The store holds a document of no generation.');
  const backups = backupsIn(root, () => current);
  say(`ready ${generation}`);
  for (;;) {
    generation += 1;
    const next = documentFor(generation);
    say(`store-start ${generation}`);
    const saved = repository.save(next);
    if (!saved.ok) throw saved.error;
    current = next;
    say(`store-done ${generation}`);
    say(`backup-start ${generation}`);
    // Both payload paths: plain gzip, and AES-GCM (whose tag is written after the payload).
    const info = await backups.create({
      includeBrowserSessions: true,
      protection: generation % 2 === 0 ? { method: 'none' } : { method: 'device-key' },
    });
    say(`backup-done ${generation} ${info.fileName}`);
  }
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const root = process.argv[2];
  if (!root) {
    process.stderr.write('Usage: writer-child <folder>\n');
    process.exit(2);
  }
  runWriter(root).catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
