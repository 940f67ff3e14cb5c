import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/**
 * Builds the UI test harness (test/e2e) with Vite for the browser and serves it on 127.0.0.1.
 * A Node module reaching the harness fails the build: the stand-in must run in a page.
 */
const appRoot = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(appRoot, 'test-results', 'e2e-harness');

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

export async function buildHarness(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: join(appRoot, 'test', 'e2e'),
    base: './',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  const assets = join(outDir, 'assets');
  for (const name of await readdir(assets)) {
    if (name.endsWith('.js') && NODE_IN_BUNDLE.test(await readFile(join(assets, name), 'utf8'))) {
      throw new Error(`The UI harness must run in a browser page, but ${name} uses a Node module.`);
    }
  }
}

export async function serveHarness(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname),
    );
    const file = join(outDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(outDir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response
          .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
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
