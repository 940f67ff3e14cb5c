import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  parseWorkspaceStore,
  workspaceSettingsSchema,
  workspaceStoreSchema,
} from '@flowdesk/shared/workspace';
import type { WorkspaceSettings } from '@flowdesk/shared/workspace';
import { WorkspaceStoreRepository } from '../desktop-app/src/main/data/workspace-store';
import { scopeForService } from '../desktop-app/src/main/security/service-scope';
import { ViewManager } from '../desktop-app/src/main/views/view-manager';
import { ChromiumViewHost, launchChromium } from '../desktop-app/test/support/chromium-view-host';
import { startFixtureServer } from '../desktop-app/test/support/fixture-server';
import type { FixtureServer } from '../desktop-app/test/support/fixture-server';
import { childProcessMemoryMb } from './process-memory';
import { writeBenchResults } from './results-file';

/**
 * Desktop view benchmarks (issue 3). Run with `npm run bench`; results go to
 * bench/results/desktop-views.json and docs/performance.md. Figures compared with each other
 * come from the same run on the same machine.
 */

const SERVICES = 30;
/**
 * Extra touched memory per fixture page. 120 MB brings a fixture renderer to about the 150-200 MB
 * users measure for a real service renderer (research/anchors.md: Franz #1090, Ferdium #2364);
 * 40 MB stands for light pages. Both are measured, in one run.
 */
const PAGE_WEIGHTS_MB = [40, 120] as const;
const SWITCH_PAGE_WEIGHT_MB = 40;
const now = '2026-11-24T10:00:00.000Z';
let browser: Browser;
let server: FixtureServer;
const results: Record<string, unknown> = {};

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startFixtureServer('bench')]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  writeBenchResults('desktop-views', results);
});

function services(count: number, weightMb: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `s${index}`,
    type: 'custom-template',
    name: `Service ${index}`,
    url: `${server.origin}/service-${index}?weight=${weightMb}`,
    createdAt: now,
  }));
}

function setup(hibernation: WorkspaceSettings['hibernation'], weightMb: number) {
  const list = services(SERVICES, weightMb);
  const host = new ChromiumViewHost(browser, {
    scopeFor: (id) => scopeForService(list.find((entry) => entry.id === id)!),
    grantsFor: () => [],
  });
  const views = new ViewManager({ host });
  const store = workspaceStoreSchema.parse({
    schemaVersion: 1,
    workspaces: [{ id: 'w1', name: 'Bench', createdAt: now, services: list }],
  });
  views.setServices(
    store.workspaces[0]!.services.map((service) => ({ workspaceId: 'w1', service, hibernation })),
  );
  return { host, views };
}

async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.readyState === 'complete' && 'flowdeskBallast' in window,
    undefined,
    { timeout: 30_000 },
  );
}

async function openAll(host: ChromiumViewHost, views: ViewManager): Promise<void> {
  for (let index = 0; index < SERVICES; index += 1) {
    views.activate(`s${index}`);
    await loaded(await host.latest(`s${index}`)!.page);
  }
  // Let closed pages' renderers exit before measuring.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

it.each(PAGE_WEIGHTS_MB)(
  'memory: 30 services of %i MB pages opened in turn, default live-view limit vs no limit',
  async (weightMb) => {
    const baseline = childProcessMemoryMb();
    const unlimited = setup(
      { ...workspaceSettingsSchema.parse({}).hibernation, enabled: false },
      weightMb,
    );
    await openAll(unlimited.host, unlimited.views);
    const unlimitedMb = childProcessMemoryMb();
    await unlimited.host.close();
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const limited = setup(workspaceSettingsSchema.parse({}).hibernation, weightMb);
    await openAll(limited.host, limited.views);
    const limitedMb = childProcessMemoryMb();
    const live = limited.views.liveCount();
    await limited.host.close();
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const figures = {
      services: SERVICES,
      pageWeightMb: weightMb,
      browserBaselineMb: Math.round(baseline),
      unlimitedMb: Math.round(unlimitedMb),
      defaultLimitMb: Math.round(limitedMb),
      liveViewsWithLimit: live,
      ratio: Number((limitedMb / unlimitedMb).toFixed(3)),
    };
    results[`memory${weightMb}`] = figures;
    console.log('memory', figures);
    expect(live).toBe(6);
  },
);

it('switching: live view (main-process work) and waking a hibernated view', async () => {
  const { host, views } = setup(
    workspaceSettingsSchema.parse({}).hibernation,
    SWITCH_PAGE_WEIGHT_MB,
  );
  for (const id of ['s0', 's1', 's2']) {
    views.activate(id);
    await loaded(await host.latest(id)!.page);
  }
  const switches: number[] = [];
  for (let round = 0; round < 200; round += 1) {
    const started = performance.now();
    views.activate(`s${round % 3}`);
    switches.push(performance.now() - started);
  }
  const wakes: number[] = [];
  for (let round = 0; round < 10; round += 1) {
    views.hibernate('s0', 'user');
    const started = performance.now();
    views.activate('s0');
    await loaded(await host.latest('s0')!.page);
    wakes.push(performance.now() - started);
  }
  await host.close();
  results.switching = {
    liveSwitchMedianMs: Number(median(switches).toFixed(3)),
    liveSwitchMaxMs: Number(Math.max(...switches).toFixed(3)),
    wakeMedianMs: Math.round(median(wakes)),
    wakeMaxMs: Math.round(Math.max(...wakes)),
  };
  console.log('switching', results.switching);
  expect(switches.length).toBe(200);
});

it('cold load: a store of 50 workspaces x 30 services', () => {
  const workspaces = Array.from({ length: 50 }, (_, w) => ({
    id: `w${w}`,
    name: `Workspace ${w}`,
    createdAt: now,
    services: Array.from({ length: 30 }, (_, s) => ({
      id: `w${w}-s${s}`,
      type: s % 2 === 0 ? 'slack' : 'custom-template',
      name: `Service ${s}`,
      url: s % 2 === 0 ? 'https://app.slack.com/client' : `https://tool-${s}.example.org/app`,
      createdAt: now,
    })),
  }));
  const text = JSON.stringify({ schemaVersion: 1, workspaces, activeWorkspaceId: 'w0' });
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-bench-'));
  writeFileSync(join(directory, 'workspaces.json'), text);
  const parseTimes: number[] = [];
  const loadTimes: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    let started = performance.now();
    const parsed = parseWorkspaceStore(JSON.parse(text));
    parseTimes.push(performance.now() - started);
    expect(parsed.ok).toBe(true);
    started = performance.now();
    const loadedStore = new WorkspaceStoreRepository(directory).load();
    loadTimes.push(performance.now() - started);
    expect(loadedStore.store.workspaces).toHaveLength(50);
  }
  rmSync(directory, { recursive: true, force: true });
  results.coldLoad = {
    bytes: text.length,
    services: 1500,
    parseValidateMigrateMedianMs: Number(median(parseTimes).toFixed(1)),
    readFromDiskMedianMs: Number(median(loadTimes).toFixed(1)),
  };
  console.log('coldLoad', results.coldLoad);
});
