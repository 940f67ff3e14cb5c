// Runs a command against a throwaway PostgreSQL server (postgres-server.mjs):
//   node test/with-postgres.mjs vitest run src
// The command gets FLOWDESK_TEST_DATABASE_URL; the server is stopped and removed afterwards.
// Without PostgreSQL installed the run is skipped with a message, unless
// FLOWDESK_REQUIRE_POSTGRES=1 (CI) makes that a failure.
import { spawnSync } from 'node:child_process';
import { startPostgres } from './postgres-server.mjs';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node test/with-postgres.mjs COMMAND [ARGS…]');
  process.exit(2);
}

let server;
try {
  server = await startPostgres();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!server) {
  const message =
    'PostgreSQL is not installed (apt-get install postgresql): database tests ran on PGlite only.';
  if (process.env.FLOWDESK_REQUIRE_POSTGRES === '1') {
    console.error(message);
    process.exit(1);
  }
  console.warn(message);
  process.exit(0);
}

let status;
try {
  console.log(`PostgreSQL (${server.bin}) at ${server.url}: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, FLOWDESK_TEST_DATABASE_URL: server.url },
    shell: process.platform === 'win32',
  });
  status = result.status ?? 1;
} finally {
  server.stop();
}
process.exit(status);
