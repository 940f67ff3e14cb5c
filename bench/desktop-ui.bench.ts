import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../desktop-app/test/support/chromium-view-host';
import { buildHarness, serveHarness } from '../desktop-app/test/support/harness-build';
import { writeBenchResults } from './results-file';

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
  await buildHarness('production');
  [browser, harness] = await Promise.all([launchChromium(), serveHarness('production')]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  writeBenchResults('desktop-ui', results);
});

/** Records, in the page, when the 60 services of the active workspace are first in the DOM. */
function watchFirstRender() {
  const scope = window as unknown as { firstRenderAt?: number };
  new MutationObserver((_changes, observer) => {
    if (document.querySelectorAll('.service').length < 60) return;
    scope.firstRenderAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { firstRenderAt?: number }).firstRenderAt);
  return page.evaluate(() => (window as unknown as { firstRenderAt: number }).firstRenderAt);
}

it('first render with 10 workspaces x 60 services', async () => {
  // The UI on the page's thread; the stand-in main process in a shared worker, as Electron runs
  // its main process in another process. "Cold": the first start, the stand-in loading the store
  // at the same time. "Warm": the main process already running and the scripts seen before, as
  // when the app starts again (Chromium's code cache; app:// has it enabled in the app).
  const context = await browser.newContext();
  await context.addInitScript(watchFirstRender);
  const first = await context.newPage();
  const cold = await firstRender(first, `${harness.url}bench.html?seed=10x60`);
  const warm: number[] = [];
  for (let round = 0; round < 15; round += 1) {
    const page = await context.newPage();
    warm.push(await firstRender(page, `${harness.url}bench.html`));
    await page.close();
  }
  await first.close();
  await context.close();
  results.firstRender = {
    workspaces: 10,
    servicesPerWorkspace: 60,
    coldMs: Math.round(cold),
    warmMedianMs: Math.round(median(warm)),
    warmMaxMs: Math.round(Math.max(...warm)),
  };
  console.log('firstRender', results.firstRender);
  expect(warm).toHaveLength(15);
});

it('quick switcher: keystroke to results', async () => {
  const page = await browser.newPage();
  await page.goto(`${harness.url}bench.html?seed=10x60`);
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
  const out = join(import.meta.dirname, '..', 'desktop-app', 'out');
  const assets = join(out, 'renderer', 'assets');
  const js = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const size = (names: string[]) => ({
    files: names.length,
    bytes: names.reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0),
    gzippedBytes: names.reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length,
      0,
    ),
  });
  // What the first screen loads: the entry script and its static imports (modulepreload).
  const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
  const preload = readFileSync(join(out, 'preload', 'index.cjs'));
  results.rendererBundle = {
    all: size(js),
    firstScreen: size(initial),
    // The preload is parsed in the same renderer process before the page's scripts.
    preload: { bytes: preload.length, gzippedBytes: gzipSync(preload).length },
  };
  console.log('rendererBundle', JSON.stringify(results.rendererBundle));
  expect(initial.length).toBeGreaterThan(0);
  expect(initial.every((name) => js.includes(name))).toBe(true);
});
