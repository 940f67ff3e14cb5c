import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Builds the app with electron-vite (no Electron binary needed) and checks what the bundles may
 * do: the sandboxed preload is one CommonJS file that requires nothing but electron, and the UI
 * is served with its assets from app://flowdesk/.
 */
const appRoot = fileURLToPath(new URL('..', import.meta.url));
const out = join(appRoot, 'out');

beforeAll(() => {
  const entry = createRequire(import.meta.url).resolve('electron-vite');
  const cli = join(dirname(dirname(entry)), 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [cli, 'build'], { cwd: appRoot, stdio: 'pipe', timeout: 120_000 });
  // The backup command, as `npm run build` makes it.
  const vite = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  execFileSync(process.execPath, [vite, 'build', '--config', 'cli.vite.config.ts'], {
    cwd: appRoot,
    stdio: 'pipe',
    timeout: 120_000,
  });
}, 180_000);

describe('the flowdesk-backup command', () => {
  it('runs under plain Node and reports a file that is not a backup', () => {
    const command = join(out, 'cli', 'flowdesk-backup.mjs');
    expect(readFileSync(command, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(command).mode & 0o111).not.toBe(0);
    const help = execFileSync(process.execPath, [command, '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: flowdesk-backup <command>');
    const notBackup = spawnSync(
      process.execPath,
      [command, 'inspect', join(appRoot, 'package.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(notBackup.status).toBe(1);
    expect(notBackup.stderr).toMatch(/^BACKUP_NOT_A_BACKUP: /);
  });
});

describe('electron-vite build', () => {
  it('makes a sandbox-compatible preload that loads only electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/^import /m);
  });

  it('makes a main process that loads its preload and UI from the built files', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    expect(main).toContain('../preload/index.cjs');
    expect(main).toContain('registerSchemesAsPrivileged');
    expect(main).toContain('enableSandbox');
    expect(main).not.toMatch(
      /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/,
    );
  });

  it('makes a UI page that references only its own bundled assets', () => {
    const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^\.?\/?assets\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
