import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildSteps } from './build-manager';
import { runCli } from './run-cli';

const folders: string[] = [];
afterEach(() =>
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })),
);

function context(env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-cli-'));
  folders.push(root);
  mkdirSync(join(root, 'desktop-app'), { recursive: true });
  writeFileSync(join(root, 'desktop-app', 'package.json'), JSON.stringify({ version: '1.2.0' }));
  const printed: string[] = [];
  const steps: BuildSteps = {
    run: () => Promise.resolve(0),
    packageDesktop: () => Promise.resolve([]),
    collectSourceMaps: () => 1,
    now: () => 0,
  };
  return {
    root,
    printed,
    cli: (...argv: string[]) =>
      runCli(argv, { env, root, print: (line) => printed.push(line), steps }),
  };
}

describe('the build command', () => {
  it('builds the desktop app for a platform and architecture, and writes the result', async () => {
    const { cli, printed, root } = context();
    expect(await cli('desktop', '--platform', 'linux', '--arch', 'arm64')).toBe(0);
    expect(printed[0]).toMatch(/^Built: desktop-linux-arm64/);
    expect(printed.at(-1)).toBe(
      `  record: ${join(root, 'build-results', 'desktop-linux-arm64.json')}`,
    );
  });

  it('stops with one clear message for an unknown platform or arch, a bad tag or missing credentials', async () => {
    const { cli, printed } = context();
    expect(await cli('desktop', '--platform', 'beos', '--arch', 'x64')).toBe(2);
    expect(printed.at(-1)).toMatch(/^--platform must be one of mac, win, linux\.\nUsage:/);
    expect(await cli('desktop', '--platform', 'mac', '--arch', 'ia32')).toBe(2);
    expect(printed.at(-1)).toMatch(/^--arch must be one of x64, arm64\./);
    expect(
      await cli('desktop', '--platform', 'mac', '--arch', 'x64', '--release', '--tag', 'v1.2'),
    ).toBe(1);
    expect(printed.join('\n')).toMatch(/error: "v1\.2" is not a release tag/);
    expect(
      await cli('desktop', '--platform', 'win', '--arch', 'x64', '--release', '--tag', 'v1.2.0'),
    ).toBe(1);
    expect(printed.join('\n')).toMatch(
      /error: A release build for win needs these environment variables: CSC_LINK, CSC_KEY_PASSWORD/,
    );
    expect(await cli('desktop', '--colour')).toBe(2);
    expect(printed.at(-1)).toMatch(/Unknown option '--colour'/);
    expect(await cli('paint')).toBe(2);
    expect(printed.at(-1)).toMatch(/^Unknown command "paint"\./);
    expect(await cli()).toBe(2);
  });

  it('builds the website, and checks the mobile platform and profile', async () => {
    const { cli, printed } = context();
    expect(await cli('website')).toBe(0);
    expect(await cli('mobile', 'blackberry')).toBe(2);
    expect(printed.at(-1)).toMatch(/^Name the mobile platform: ios or android\./);
    expect(await cli('mobile', 'ios', '--profile', 'nightly')).toBe(2);
    expect(await cli('mobile', 'ios')).toBe(1);
    expect(printed.join('\n')).toMatch(/mobile app is not in this repository yet/);
  });

  it('runs the quality gates and fails when a blocking gate does', async () => {
    const { cli, printed } = context();
    expect(await cli('quality', '--skip-audit')).toBe(1);
    expect(printed.at(-1)).toMatch(/Quality gates FAILED\.$/);
  });
  it('writes the performance report from the benchmark results, or says what is wrong', async () => {
    const { cli, printed, root } = context();
    expect(await cli('bench-report')).toBe(1);
    expect(printed.at(-1)).toMatch(/no such file or directory/);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'performance.md'), '# Performance\n');
    writeFileSync(
      join(root, 'bench', 'results', 'monitoring.json'),
      JSON.stringify({
        date: '2026-12-02T09:00:00.000Z',
        machine: { cpus: 2, memoryGb: 8, node: 'v22.0.0' },
        initialisation: { coldMs: 80, warmMedianMs: 60, budgetMs: 150 },
      }),
    );
    expect(await cli('bench-report')).toBe(0);
    expect(printed.at(-1)).toBe('docs/performance.md: figures of monitoring; charts startup.svg.');
  });
});
