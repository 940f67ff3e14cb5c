// Runs a command against a throwaway PostgreSQL server (Debian's `postgresql` package):
//   node test/with-postgres.mjs vitest run
// A cluster is made in a temporary folder, started on a free 127.0.0.1 port, given to the
// command as FLOWDESK_TEST_DATABASE_URL, then stopped and removed. PostgreSQL refuses to run as
// root, so as root the server runs as the `postgres` user. Without PostgreSQL installed the run
// is skipped with a message, unless FLOWDESK_REQUIRE_POSTGRES=1 (CI) makes that a failure.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node test/with-postgres.mjs COMMAND [ARGS…]');
  process.exit(2);
}

function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const bin = postgresBin();
if (!bin) {
  const message =
    'PostgreSQL is not installed (apt-get install postgresql): database tests ran on PGlite only.';
  if (process.env.FLOWDESK_REQUIRE_POSTGRES === '1') {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

const asRoot = process.getuid?.() === 0;
const folder = mkdtempSync(join(tmpdir(), 'flowdesk-postgres-'));
if (asRoot) {
  const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  chownSync(folder, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
}
const run = (program, args) => {
  const full = join(bin, program);
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
    : spawnSync(full, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  }
};

const data = join(folder, 'data');
const port = await freePort();
let status = 1;
try {
  run('initdb', ['-D', data, '-U', 'flowdesk', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(folder, 'server.log'),
    '-o',
    `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    '-w',
    'start',
  ]);
  const url = `postgres://flowdesk@127.0.0.1:${port}/postgres`;
  console.log(`PostgreSQL (${bin}) on 127.0.0.1:${port}: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, FLOWDESK_TEST_DATABASE_URL: url },
    shell: process.platform === 'win32',
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  try {
    run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  } catch {
    // Not started: nothing to stop.
  }
  rmSync(folder, { recursive: true, force: true });
}
process.exit(status);
