import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { APP_CONTENT_SECURITY_POLICY } from '../../src/main/security/app-protocol';

/**
 * Builds the UI test harness (test/e2e) with Vite for the browser and serves it on 127.0.0.1.
 * A Node module reaching the harness fails the build: the stand-in must run in a page.
 */
const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDirs = {
  development: join(appRoot, 'test-results', 'e2e-harness'),
  production: join(appRoot, 'test-results', 'bench-harness'),
};

/**
 * `development` (the UI tests): React's development build, whose warnings catch mistakes.
 * `production` (the benchmarks): React as the app ships it. Vitest sets NODE_ENV=test, which
 * Vite would otherwise pass on, so the mode is set explicitly.
 */
export type HarnessMode = keyof typeof outDirs;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * A Node built-in reached the bundle: Vite replaces it with a stub that throws "has been
 * externalized for browser compatibility" when used, or leaves the import in place.
 */
const NODE_IN_BUNDLE =
  /has been externalized for browser compatibility|\bfrom\s*["']node:[\w/]+["']/;

export async function buildHarness(mode: HarnessMode = 'development'): Promise<void> {
  const outDir = outDirs[mode];
  // The React plugin picks its JSX transform from NODE_ENV, and React's build must match it.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = mode;
  const root = join(appRoot, 'test', 'e2e');
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      mode,
      root,
      base: './',
      plugins: [react()],
      build: {
        outDir,
        emptyOutDir: true,
        // FLOWDESK_UNMINIFIED=1 keeps function names, for reading a CPU profile of a benchmark.
        minify: process.env.FLOWDESK_UNMINIFIED !== '1',
        // Tests: the page with the stand-in in it. Benchmarks: the page whose stand-in runs in a
        // worker, built alone so no test code shares its chunks.
        rolldownOptions: {
          input: join(root, mode === 'production' ? 'bench.html' : 'index.html'),
        },
      },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  const assets = join(outDir, 'assets');
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && NODE_IN_BUNDLE.test(await readFile(join(assets, name), 'utf8'))) {
      throw new Error(`The UI harness must run in a browser page, but ${name} uses a Node module.`);
    }
  }
}

export async function serveHarness(
  mode: HarnessMode = 'development',
): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = outDirs[mode];
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname),
    );
    // axe-core for the accessibility scans, served from here: the CSP refuses inline scripts.
    const file =
      path === '/axe.min.js'
        ? createRequire(import.meta.url).resolve('axe-core/axe.min.js')
        : join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir) && path !== '/axe.min.js') {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, {
            'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
            // The app's own policy, so the tests and benchmarks run the UI under the same rules
            // (no eval, no inline script); the benchmark page also starts its stand-in worker.
            ...(extname(file) === '.html'
              ? { 'Content-Security-Policy': `${APP_CONTENT_SECURITY_POLICY}; worker-src 'self'` }
              : {}),
            // Hashed build files never change: cacheable, so Chromium can keep their compiled
            // code between loads, as the app's app:// scheme does with its code cache.
            ...(path.startsWith('/assets/')
              ? { 'Cache-Control': 'max-age=31536000, immutable' }
              : {}),
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
