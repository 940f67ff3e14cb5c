import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildManager, EAS_CLI_VERSION } from './build-manager';
import type { BuildSteps } from './build-manager';
import { collectSourceMaps } from './build-steps';
import { formatBuildResult, sizeOf, writeBuildResult } from './build-result';

const folders: string[] = [];
afterEach(() =>
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })),
);

/** A repository with the desktop app's package.json and a built out/ folder with maps. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-build-'));
  folders.push(root);
  mkdirSync(join(root, 'desktop-app', 'out', 'main'), { recursive: true });
  writeFileSync(join(root, 'desktop-app', 'package.json'), JSON.stringify({ version: '1.2.0' }));
  writeFileSync(join(root, 'desktop-app', 'out', 'main', 'index.js'), 'code');
  writeFileSync(join(root, 'desktop-app', 'out', 'main', 'index.js.map'), '{"version":3}');
  const installer = join(root, 'desktop-app', 'dist', 'Flow Desk-1.2.0.AppImage');
  mkdirSync(join(root, 'desktop-app', 'dist'), { recursive: true });
  writeFileSync(installer, Buffer.alloc(2048));
  return { root, installer };
}

function fakeSteps(installer: string, overrides: Partial<BuildSteps> = {}) {
  const calls: string[] = [];
  let clock = 0;
  const steps: BuildSteps = {
    run: (command, args, { cwd }) => {
      calls.push(`${command} ${args.join(' ')} @ ${cwd.split('/').at(-1)}`);
      return Promise.resolve(0);
    },
    packageDesktop: ({ platform, arch, publish, unpackedOnly, config }) => {
      calls.push(
        `package ${platform} ${arch} publish=${publish} dir=${unpackedOnly} fuses=${String(config.electronFuses?.runAsNode)}`,
      );
      return Promise.resolve([installer]);
    },
    collectSourceMaps,
    now: () => (clock += 500),
    ...overrides,
  };
  return { steps, calls };
}

describe('BuildManager', () => {
  it('builds the desktop app, keeps its source maps out of it, packages it and reports', async () => {
    const { root, installer } = repository();
    const { steps, calls } = fakeSteps(installer);
    const result = await new BuildManager(root, {}, steps).buildDesktop({
      platform: 'linux',
      arch: 'x64',
      release: false,
    });
    expect(calls).toEqual([
      'npm run build @ desktop-app',
      'package linux x64 publish=false dir=false fuses=false',
    ]);
    expect(result).toMatchObject({
      target: 'desktop-linux-x64',
      success: true,
      size: 2048,
      artifacts: [installer],
      errors: [],
    });
    expect(result.duration).toBeGreaterThan(0);
    // The map left the app and sits with the build's artifacts.
    expect(sizeOf(join(root, 'desktop-app', 'out', 'main', 'index.js.map'))).toBe(0);
    expect(
      readFileSync(
        join(
          root,
          'build-results',
          'sourcemaps',
          'desktop-linux-x64-1.2.0',
          'main',
          'index.js.map',
        ),
        'utf8',
      ),
    ).toBe('{"version":3}');
  });

  it('stops before building when a release lacks credentials, and reports each failing step', async () => {
    const { root, installer } = repository();
    const { steps, calls } = fakeSteps(installer);
    const manager = new BuildManager(root, {}, steps);
    const refused = await manager.buildDesktop({
      platform: 'mac',
      arch: 'arm64',
      release: true,
      tag: 'v1.2.0',
    });
    expect(refused.success).toBe(false);
    expect(refused.errors[0]).toMatch(/needs these environment variables: CSC_LINK/);
    expect(calls).toEqual([]);

    const failing = fakeSteps(installer, { run: () => Promise.resolve(3) });
    const broken = await new BuildManager(root, {}, failing.steps).buildDesktop({
      platform: 'linux',
      arch: 'x64',
      release: false,
    });
    expect(broken.errors).toEqual(['Building the app failed (exit code 3).']);

    const throwing = fakeSteps(installer, {
      packageDesktop: () => Promise.reject(new Error('Cannot download Electron: offline')),
    });
    const offline = await new BuildManager(root, {}, throwing.steps).buildDesktop({
      platform: 'win',
      arch: 'x64',
      release: false,
    });
    expect(offline).toMatchObject({
      success: false,
      errors: ['Cannot download Electron: offline'],
      warnings: ['Unsigned win build: for testing on this machine only.'],
    });
  });

  it('builds the website with next build, and says plainly that the mobile app is not here yet', async () => {
    const { root, installer } = repository();
    mkdirSync(join(root, 'website', '.next'), { recursive: true });
    writeFileSync(join(root, 'website', '.next', 'BUILD_ID'), 'abc');
    const { steps, calls } = fakeSteps(installer);
    const manager = new BuildManager(root, {}, steps);
    const website = await manager.buildWebsite();
    expect(website).toMatchObject({ target: 'website', success: true, size: 3 });
    expect(calls).toEqual(['npm run build @ website']);

    const mobile = await manager.buildMobile('ios');
    expect(mobile.success).toBe(false);
    expect(mobile.errors[0]).toMatch(/mobile app is not in this repository yet/);

    mkdirSync(join(root, 'mobile-app'));
    writeFileSync(join(root, 'mobile-app', 'eas.json'), '{}');
    expect((await manager.buildMobile('android')).errors).toEqual(['EAS builds need EXPO_TOKEN.']);
    const eas = await new BuildManager(root, { EXPO_TOKEN: 't' }, steps).buildMobile(
      'android',
      'preview',
    );
    expect(eas.success).toBe(true);
    expect(calls.at(-1)).toBe(
      `npx --yes eas-cli@${EAS_CLI_VERSION} build --platform android --profile preview --non-interactive @ mobile-app`,
    );

    const failed = await new BuildManager(
      root,
      {},
      fakeSteps(installer, { run: () => Promise.resolve(1) }).steps,
    ).buildWebsite();
    expect(failed).toMatchObject({ success: false, errors: ['next build failed (exit code 1).'] });
  });

  it('writes and prints the result', () => {
    const { root } = repository();
    const result = {
      target: 'website',
      success: true,
      outputPath: '/x/.next',
      size: 3 * 1024 * 1024,
      duration: 4200,
      artifacts: ['/x/.next'],
      warnings: ['w'],
      errors: [],
    };
    const path = writeBuildResult(root, 'website', result);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(result);
    expect(formatBuildResult(result)).toBe(
      'Built: website in 4.2 s\n  output: /x/.next (3.0 MB)\n  artifact: /x/.next\n  warning: w',
    );
    expect(formatBuildResult({ ...result, success: false, errors: ['e'] })).toMatch(
      /^Failed: website[\s\S]*error: e$/,
    );
  });
});

/**
 * The packaging test: electron-builder --dir with a real unpacked Electron. This machine cannot
 * download Electron, so it runs only where ELECTRON_DIST points to one.
 */
const electronDist = process.env.ELECTRON_DIST;
describe('packaging', () => {
  it.skipIf(!electronDist)(
    `packages the app unpacked with every fuse set${electronDist ? '' : ' (skipped: set ELECTRON_DIST to an unpacked Electron 45.4.1 to run it)'}`,
    async () => {
      const { realBuildSteps } = await import('./build-steps');
      const root = join(import.meta.dirname, '..', '..', '..');
      const result = await new BuildManager(root, process.env, realBuildSteps).buildDesktop({
        platform:
          process.platform === 'darwin' ? 'mac' : process.platform === 'win32' ? 'win' : 'linux',
        arch: process.arch === 'arm64' ? 'arm64' : 'x64',
        release: false,
        unpackedOnly: true,
      });
      expect(result.errors).toEqual([]);
      expect(result.success).toBe(true);
    },
    600_000,
  );
});
