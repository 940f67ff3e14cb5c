import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** The website run as users reach it, for the e2e test and the benchmark: build, then start. */

export const websiteFolder = join(import.meta.dirname, '..');
const nextBin = join(
  dirname(createRequire(import.meta.url).resolve('next/package.json')),
  'dist',
  'bin',
  'next',
);

export function buildWebsite(settings: Record<string, string> = {}): void {
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: websiteFolder,
    env: { ...process.env, ...settings, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}${build.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `next start` on a free port with these settings (FLOWDESK_SITE_URL set to its own origin),
 * resolved once /api/health answers; its output is kept (for the error if it never does).
 */
export async function startWebsite(
  settings: Record<string, string>,
): Promise<{ origin: string; pid: number; stop: () => Promise<void>; output: () => string }> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: websiteFolder,
    env: {
      ...process.env,
      ...settings,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      FLOWDESK_SITE_URL: origin,
    },
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  /** Stops the server; resolves once it no longer answers. */
  const stop = () => {
    server.kill();
    return exited;
  };
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) {
        return { origin, pid: server.pid!, stop, output: () => output };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`next start did not become healthy within 60 s:\n${output}`);
}
