import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../desktop-app/test/support/chromium-view-host';
import { buildHarness, serveHarness } from '../desktop-app/test/support/harness-build';

/**
 * UI benchmarks (issue 4): the built renderer in headless Chromium with 10 workspaces of 60
 * services. Results in bench/results/desktop-ui.json and docs/performance.md.
 */
let browser: Browser;
let harness: { url: string; close(): Promise<void> };
const results: Record<string, unknown> = {};
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

beforeAll(async () => {
  // The production renderer, for its size; the harness, for the timings.
  const entry = createRequire(import.meta.url).resolve('electron-vite');
  execFileSync(
    process.execPath,
    [join(dirname(dirname(entry)), 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: join(import.meta.dirname, '..', 'desktop-app'),
      stdio: 'pipe',
    },
  );
  await buildHarness();
  [browser, harness] = await Promise.all([launchChromium(), serveHarness()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
  writeFileSync(
    join(import.meta.dirname, 'results', 'desktop-ui.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, ...results }, null, 2)}\n`,
  );
});

it('first render with 10 workspaces x 60 services', async () => {
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const page = await browser.newPage();
    await page.goto(`${harness.url}?seed=10x60`);
    await page.waitForFunction(() => document.querySelectorAll('.service').length === 60);
    times.push(await page.evaluate(() => performance.now()));
    await page.close();
  }
  results.firstRender = {
    workspaces: 10,
    servicesPerWorkspace: 60,
    medianMs: Math.round(median(times)),
    maxMs: Math.round(Math.max(...times)),
  };
  console.log('firstRender', results.firstRender);
  expect(times).toHaveLength(5);
});

it('quick switcher: keystroke to results', async () => {
  const page = await browser.newPage();
  await page.goto(`${harness.url}?seed=10x60`);
  await page.waitForFunction(() => document.querySelectorAll('.service').length === 60);
  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Quick switcher' }).waitFor();
  const timings = await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.quick-switcher input')!;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the native setter is called with the input as `this`
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const queries = [
      's',
      'sl',
      'sla',
      'slac',
      'slack',
      'g',
      'gi',
      'git',
      'gith',
      'githu',
      'github 3',
      'n',
      'no',
      'not',
      'noti',
      'notio',
      'notion 9-5',
      'f',
      'fi',
      'fig',
    ];
    return queries.map((query) => {
      const started = performance.now();
      setValue.call(input, query);
      // React handles a dispatched input event as a discrete update and renders before returning.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.querySelectorAll('.quick-switcher [role=option]').length;
      return performance.now() - started;
    });
  });
  await page.close();
  results.quickSwitcher = {
    services: 600,
    keystrokes: timings.length,
    medianMs: Number(median(timings).toFixed(2)),
    maxMs: Number(Math.max(...timings).toFixed(2)),
  };
  console.log('quickSwitcher', results.quickSwitcher);
  expect(timings.length).toBe(20);
});

it('renderer JavaScript size', () => {
  const assets = join(import.meta.dirname, '..', 'desktop-app', 'out', 'renderer', 'assets');
  const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const bytes = js.reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0);
  const gzipped = js.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length,
    0,
  );
  results.rendererBundle = { files: js.length, bytes, gzippedBytes: gzipped };
  console.log('rendererBundle', results.rendererBundle);
  expect(js.length).toBeGreaterThan(0);
});
