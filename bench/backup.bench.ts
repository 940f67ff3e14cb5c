import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeBenchResults } from './results-file';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';

/**
 * Backup benchmark (issue 5): 50 workspaces and 200 MB of session files, backed up with sign-ins,
 * gzip and a passphrase, against `tar -czf` of the same files in the same run. The backup runs in
 * its own Node process so its peak memory (maxRSS) is its own. Results in
 * bench/results/backup.json and docs/performance.md.
 */
const WORKSPACES = 50;
const SESSION_MEGABYTES = 200;
const FILE_BYTES = 256 * 1024;
const ROUNDS = 5;

let root: string;
let runner: string;
const results: Record<string, unknown> = {};

/** Session-like data: half incompressible (encrypted blobs, images), half repetitive records. */
function sessionFile(index: number): Buffer {
  const random = randomBytes(FILE_BYTES / 2);
  const record = `{"key":"message-${index}","value":"hello from a service page","ts":${index}}\n`;
  const text = Buffer.from(record.repeat(Math.ceil(FILE_BYTES / 2 / record.length))).subarray(
    0,
    FILE_BYTES / 2,
  );
  return Buffer.concat([random, text]);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'flowdesk-backup-bench-'));
  const createdAt = new Date().toISOString();
  const store = workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w0',
    workspaces: Array.from({ length: WORKSPACES }, (_, w) => ({
      id: `w${w}`,
      name: `Workspace ${w}`,
      createdAt,
      services: [
        { id: `w${w}-s0`, type: 'slack', name: 'Slack', url: 'https://app.slack.com/', createdAt },
      ],
    })),
  });
  writeFileSync(join(root, 'workspaces.json'), JSON.stringify(store));
  const filesPerWorkspace = Math.round((SESSION_MEGABYTES * 1024 * 1024) / FILE_BYTES / WORKSPACES);
  let index = 0;
  for (let w = 0; w < WORKSPACES; w += 1) {
    const folder = join(
      root,
      'Partitions',
      `ws-w${w}`,
      'IndexedDB',
      'https_app.slack.com_0.indexeddb.leveldb',
    );
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < filesPerWorkspace; f += 1) {
      writeFileSync(join(folder, `${String(f).padStart(6, '0')}.ldb`), sessionFile((index += 1)));
    }
  }
  // The runner, built like the flowdesk-backup command: one ES module for plain Node.
  const vite = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', join(import.meta.dirname, 'backup', 'vite.config.ts')],
    {
      cwd: import.meta.dirname,
      stdio: 'pipe',
    },
  );
  runner = join(import.meta.dirname, 'backup', '.build', 'runner.mjs');
}, 300_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  writeBenchResults('backup', results);
});

it('backs up 50 workspaces and 200 MB of sessions close to tar -czf, in bounded memory', () => {
  const rounds: { backupMs: number; tarMs: number; maxRssMb: number }[] = [];
  // Five rounds, the order alternating, so neither side always reads the files cache-warm after
  // the other or runs while the disk is still flushing the other's output.
  for (let round = 0; round < ROUNDS; round += 1) {
    const timeTar = () => {
      const started = performance.now();
      const tar = spawnSync('tar', [
        '-czf',
        join(root, 'sessions.tgz'),
        '-C',
        join(root, 'Partitions'),
        '.',
      ]);
      expect(tar.status).toBe(0);
      return performance.now() - started;
    };
    const output = join(root, `round-${round}.fdbackup`);
    const timeBackup = () => {
      const backup = spawnSync(process.execPath, [runner, root, output], { encoding: 'utf8' });
      expect(backup.status, backup.stderr).toBe(0);
      return JSON.parse(backup.stdout) as { ms: number; maxRssMb: number; bytes: number };
    };
    let tarMs: number;
    let measured: { ms: number; maxRssMb: number };
    if (round % 2 === 0) {
      tarMs = timeTar();
      measured = timeBackup();
    } else {
      measured = timeBackup();
      tarMs = timeTar();
    }
    rounds.push({ backupMs: measured.ms, tarMs: Math.round(tarMs), maxRssMb: measured.maxRssMb });
    results.sizes = {
      backupBytes: statSync(output).size,
      tarGzBytes: statSync(join(root, 'sessions.tgz')).size,
    };
    rmSync(output);
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  results.backup = {
    workspaces: WORKSPACES,
    sessionMegabytes: SESSION_MEGABYTES,
    rounds,
    medianBackupMs: median(rounds.map((r) => r.backupMs)),
    medianTarMs: median(rounds.map((r) => r.tarMs)),
    ratio: Number(median(rounds.map((r) => r.backupMs / r.tarMs)).toFixed(2)),
    maxRssMb: Math.max(...rounds.map((r) => r.maxRssMb)),
  };
  console.log('backup', results.backup, results.sizes);
  expect(rounds).toHaveLength(ROUNDS);
}, 600_000);

it('backs up only what changed: an incremental backup after a day in which 5% of files changed', () => {
  const run = (type: string) => {
    const made = spawnSync(process.execPath, [runner, root, '-', type], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    return JSON.parse(made.stdout) as { ms: number; maxRssMb: number; bytes: number };
  };
  const full = run('full');
  // Every 20th file rewritten (new content, new modification time): 10 MB of 200.
  let changed = 0;
  for (let w = 0; w < WORKSPACES; w += 1) {
    const folder = join(root, 'Partitions', `ws-w${w}`, 'IndexedDB');
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.ldb') || Number(name.slice(-10, -4)) % 20 !== 0) continue;
      writeFileSync(join(folder, name), sessionFile(1_000_000 + (changed += 1)));
    }
  }
  const incremental = run('incremental');
  results.incremental = {
    changedFiles: changed,
    fullMs: full.ms,
    incrementalMs: incremental.ms,
    timeRatio: Number((incremental.ms / full.ms).toFixed(2)),
    fullBytes: full.bytes,
    incrementalBytes: incremental.bytes,
    sizeRatio: Number((incremental.bytes / full.bytes).toFixed(3)),
    maxRssMb: Math.max(full.maxRssMb, incremental.maxRssMb),
  };
  console.log('incremental', results.incremental);
  expect(incremental.bytes).toBeLessThan(full.bytes);
}, 600_000);
