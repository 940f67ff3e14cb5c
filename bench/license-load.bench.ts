import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activateDevices } from '../website/test/activated-devices';
import { buildWebsite, startWebsite } from '../website/test/next-process';
import { startPostgres } from '../website/test/postgres-server.mjs';
import { sustainedRefreshLoad } from '../website/test/sustained-load';
import type { LoadOutcome } from '../website/test/sustained-load';
import { writeBenchResults } from './results-file';

/**
 * The license API under sustained load (issue 12): 100 refreshes a second for 60 s
 * (FLOWDESK_LOAD_SECONDS for longer) from 1 000 activated devices, each under its limit of 10
 * a minute, on PGlite and on PostgreSQL; every refresh answered, and the server's memory
 * sampled every 5 s must not climb once warm. `website/test/load.test.ts` is the short version
 * that `npm test` runs.
 */

const DEVICES = 1000;
const RATE = 100;
const SECONDS = Number(process.env.FLOWDESK_LOAD_SECONDS) || 60;
/** Allowed growth from the warmed-up middle of the run to its end. */
const GROWTH_LIMIT_MB = 40;

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-load-bench-'));
const results: Record<string, LoadOutcome | string> = {};

beforeAll(() => buildWebsite(), 600_000);
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  writeBenchResults('license-load', { growthLimitMb: GROWTH_LIMIT_MB, ...results });
});

async function load(
  database: Record<string, string>,
  devices: Awaited<ReturnType<typeof activateDevices>>,
) {
  const website = await startWebsite({ ...database, FLOWDESK_PROXY_HOPS: '1' });
  try {
    return await sustainedRefreshLoad({
      origin: website.origin,
      serverPid: website.pid,
      devices,
      rate: RATE,
      seconds: SECONDS,
      sampleEverySeconds: 5,
    });
  } finally {
    await website.stop();
  }
}

function expectSteady(outcome: LoadOutcome) {
  expect(outcome).toMatchObject({ non2xx: 0, errors: 0 });
  expect(outcome.requests).toBeGreaterThanOrEqual(RATE * SECONDS * 0.95);
  expect(outcome.memoryGrowthMb).toBeLessThan(GROWTH_LIMIT_MB);
}

it('holds 100 refreshes a second on PGlite with no errors and no memory growth', async () => {
  const dataDirectory = join(folder, 'pglite');
  const devices = await activateDevices({ dataDirectory }, DEVICES);
  const outcome = await load({ FLOWDESK_DATA_DIR: dataDirectory }, devices);
  results.pglite = outcome;
  console.log('pglite', outcome);
  expectSteady(outcome);
}, 900_000);

it('holds 100 refreshes a second on PostgreSQL with no errors and no memory growth', async () => {
  const postgres = await startPostgres();
  if (!postgres) {
    results.postgres = 'PostgreSQL is not installed here';
    return;
  }
  try {
    const devices = await activateDevices({ url: postgres.url }, DEVICES);
    const outcome = await load({ DATABASE_URL: postgres.url }, devices);
    results.postgres = outcome;
    console.log('postgres', outcome);
    expectSteady(outcome);
  } finally {
    postgres.stop();
  }
}, 900_000);
