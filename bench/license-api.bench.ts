import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activateDevices } from '../website/test/activated-devices';
import { sustainedRefreshLoad } from '../website/test/sustained-load';
import { buildWebsite, startWebsite, websiteFolder } from '../website/test/next-process';
import { startPostgres } from '../website/test/postgres-server.mjs';
import { writeBenchResults } from './results-file';

/**
 * License API benchmark (issue 6): autocannon against `next start` on this machine, with the
 * embedded PGlite and with PostgreSQL. `/api/v1/licenses/refresh` at a fixed 200 requests/s
 * (500 activated devices in turn, each request from its own address as a proxy would report
 * it, so the rate limits run but do not refuse), and the JWKS as fast as it goes.
 * Results in bench/results/license-api.json and docs/performance.md.
 */

const DEVICES = 500;
const REFRESH_RATE = 200;
const REFRESH_SECONDS = 20;
const JWKS_SECONDS = 10;
const SEQUENTIAL_REFRESHES = 300;

const round = (value: number) => Math.round(value * 100) / 100;
const percentile = (values: number[], fraction: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor(values.length * fraction))
  ]!;
const firstChunk = () =>
  readdirSync(join(websiteFolder, '.next', 'static', 'chunks')).find((name) =>
    name.endsWith('.js'),
  )!;

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-license-bench-'));
const results: Record<string, unknown> = {};

beforeAll(() => buildWebsite(), 600_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  writeBenchResults('license-api', results);
});

async function measure(
  database: Record<string, string>,
  devices: { deviceSecret: string; deviceFingerprintHash: string }[],
) {
  // As behind one proxy: each request's address comes from X-Forwarded-For.
  const { origin, pid, stop } = await startWebsite({ ...database, FLOWDESK_PROXY_HOPS: '1' });
  try {
    const refresh = await sustainedRefreshLoad({
      origin,
      serverPid: pid,
      devices,
      rate: REFRESH_RATE,
      seconds: REFRESH_SECONDS,
      sampleEverySeconds: 5,
      connections: 20,
    });
    const jwks = await autocannon({
      url: `${origin}/.well-known/flowdesk/jwks.json`,
      connections: 50,
      duration: JWKS_SECONDS,
    });
    // The framework's own ceiling on this machine, in the same run: Next.js serving a static
    // file of the build, with no code of ours involved.
    const staticFile = await autocannon({
      url: `${origin}/_next/static/chunks/${firstChunk()}`,
      connections: 50,
      duration: JWKS_SECONDS,
    });
    // Unloaded: one refresh after another, for the cost of one request.
    const sequential: number[] = [];
    for (let index = 0; index < SEQUENTIAL_REFRESHES; index += 1) {
      const started = performance.now();
      const answer = await fetch(`${origin}/api/v1/licenses/refresh`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `10.200.0.${index % 250}`,
        },
        body: JSON.stringify(devices[index % devices.length]),
      });
      await answer.arrayBuffer();
      sequential.push(performance.now() - started);
    }
    return {
      refresh: {
        rate: refresh.rate,
        seconds: refresh.seconds,
        requests: refresh.requests,
        throughput: refresh.throughput,
        p50Ms: refresh.p50Ms,
        p99Ms: refresh.p99Ms,
        maxMs: refresh.maxMs,
        non2xx: refresh.non2xx,
        errors: refresh.errors,
      },
      sequentialRefresh: {
        requests: SEQUENTIAL_REFRESHES,
        p50Ms: round(percentile(sequential, 0.5)),
        p99Ms: round(percentile(sequential, 0.99)),
      },
      staticFile: { requestsPerSecond: Math.round(staticFile.requests.average) },
      jwks: {
        seconds: JWKS_SECONDS,
        requestsPerSecond: Math.round(jwks.requests.average),
        ofStaticFileRate: round(jwks.requests.average / staticFile.requests.average),
        p50Ms: jwks.latency.p50,
        p99Ms: jwks.latency.p99,
        non2xx: jwks.non2xx,
        errors: jwks.errors + jwks.timeouts,
      },
    };
  } finally {
    await stop();
  }
}

it('serves license refreshes and the JWKS on PGlite', async () => {
  const dataDirectory = join(folder, 'pglite');
  const devices = await activateDevices({ dataDirectory }, DEVICES);
  results.pglite = await measure({ FLOWDESK_DATA_DIR: dataDirectory }, devices);
  console.log('pglite', results.pglite);
  expect((results.pglite as { refresh: { non2xx: number } }).refresh.non2xx).toBe(0);
}, 600_000);

it('serves license refreshes and the JWKS on PostgreSQL', async () => {
  const postgres = await startPostgres();
  if (!postgres) {
    results.postgres = 'PostgreSQL is not installed here';
    return;
  }
  try {
    const devices = await activateDevices({ url: postgres.url }, DEVICES);
    results.postgres = await measure({ DATABASE_URL: postgres.url }, devices);
    console.log('postgres', results.postgres);
    expect((results.postgres as { refresh: { non2xx: number } }).refresh.non2xx).toBe(0);
  } finally {
    postgres.stop();
  }
}, 600_000);
