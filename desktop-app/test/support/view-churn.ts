import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import {
  childProcessMemoryByRoleMb,
  childProcessMemoryMb,
  descendantsOf,
  steadyGrowth,
} from '../../../bench/process-memory';
import { WorkspaceManager } from '../../src/main/data/workspace-manager';
import { scopeForService } from '../../src/main/security/service-scope';
import { ViewManager, managedServicesOf } from '../../src/main/views/view-manager';
import { ChromiumViewHost } from './chromium-view-host';
import type { FixtureServer } from './fixture-server';

/**
 * The REAL view manager opening and hibernating service views in a loop in Chromium (issue 12):
 * isolated services, each holding some memory, activated in turn under a live-view limit (so
 * every switch wakes one page and puts another to sleep), with every few rounds one sent to
 * sleep by hand. Browser process count and memory (PSS of every process below this one) are
 * sampled as it goes; a leak of pages, renderers or contexts shows as growth.
 *
 * `churnBareChromium` does the same opening and closing straight on Chromium, without the view
 * manager: the baseline that tells the browser's own growth under churn from any of ours.
 */
export interface ChurnOptions {
  browser: Browser;
  fixture: FixtureServer;
  services: number;
  maxLiveViews: number;
  heapMb: number;
  seconds: number;
  sampleEverySeconds: number;
}

export interface ChurnOutcome {
  seconds: number;
  services: number;
  maxLiveViews: number;
  activations: number;
  liveViewsAtEnd: number;
  processSamples: number[];
  memorySamplesMb: number[];
  /** The same samples split by Chromium process role, to tell where any growth sits. */
  memoryByRoleSamplesMb: Record<string, number>[];
  /** Switches done when each sample was taken. */
  activationsAtSamples: number[];
  processGrowth: number;
  memoryGrowthMb: number;
  /** Growth once warm per role (browser, renderer, gpu-process, utility, zygote). */
  memoryGrowthByRoleMb: Record<string, number>;
  /** The same growth for every thousand switches, so runs of different lengths compare. */
  memoryGrowthPerThousandSwitchesMb: number;
  /**
   * The browser process's own growth per thousand switches: the figure to compare with the
   * baseline, as it does not move with how many renderers happen to be exiting at a sample.
   */
  browserProcessGrowthPerThousandSwitchesMb: number;
}

const pageHolds = (page: Page) =>
  page.waitForFunction(() => 'flowdeskHeap' in window, undefined, { timeout: 20_000 });

export async function churnViews(options: ChurnOptions): Promise<ChurnOutcome> {
  const createdAt = '2026-12-02T10:00:00.000Z';
  const ids = serviceIds(options.services);
  const store = workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Churn',
        createdAt,
        settings: { hibernation: { maxLiveViews: options.maxLiveViews } },
        services: ids.map((id) => ({
          id,
          type: 'custom-template',
          name: `Service ${id}`,
          url: serviceUrl(options, id),
          isolation: 'isolated',
          createdAt,
        })),
      },
    ],
  });
  const workspaces = new WorkspaceManager(store, { repository: { save: () => ok(undefined) } });
  const host = new ChromiumViewHost(options.browser, {
    scopeFor: (id) => scopeForService(workspaces.findService(id)!.service),
    grantsFor: () => [],
  });
  let clock = 1_000_000;
  const views = new ViewManager({ host, now: () => clock });
  views.setServices(managedServicesOf(workspaces.store));

  try {
    return await churn(options, async (activations) => {
      const id = ids[activations % ids.length]!;
      views.activate(id);
      await pageHolds(await host.latest(id)!.page);
      clock += 60_000;
      // Every fifth switch the service just left goes to sleep by hand, as a user's "Hibernate"
      // does: a live view, so the manager really tears one down out of turn.
      if ((activations + 1) % 5 === 0) views.hibernate(previousOf(ids, activations));
      return views.liveViews().length;
    });
  } finally {
    views.destroyAll();
    await host.close();
  }
}

/**
 * The baseline: the same pages in the same number of contexts, opened in the same order and
 * closed oldest first under the same limit, with Playwright alone.
 */
export async function churnBareChromium(options: ChurnOptions): Promise<ChurnOutcome> {
  const ids = serviceIds(options.services);
  const contexts = new Map<string, BrowserContext>();
  const live: Page[] = [];
  const pages = new Map<string, Page>();
  try {
    return await churn(options, async (activations) => {
      const id = ids[activations % ids.length]!;
      let context = contexts.get(id);
      if (!context) {
        context = await options.browser.newContext();
        contexts.set(id, context);
      }
      const page = await context.newPage();
      await page.goto(serviceUrl(options, id));
      await pageHolds(page);
      const previous = pages.get(previousOf(ids, activations));
      pages.set(id, page);
      live.push(page);
      while (live.length > options.maxLiveViews) await live.shift()!.close();
      if ((activations + 1) % 5 === 0 && previous && live.includes(previous)) {
        live.splice(live.indexOf(previous), 1);
        await previous.close();
      }
      return live.length;
    });
  } finally {
    await Promise.all([...contexts.values()].map((context) => context.close()));
  }
}

/** The service activated just before the one of switch `activations`. */
function previousOf(ids: readonly string[], activations: number): string {
  return ids[(activations + ids.length - 1) % ids.length]!;
}

function serviceIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `s${index}`);
}

function serviceUrl(options: ChurnOptions, id: string): string {
  return `${options.fixture.origin}/${id}?heap=${options.heapMb}`;
}

/** Runs `switchOnce` until the time is up, sampling processes and memory as it goes. */
async function churn(
  options: ChurnOptions,
  switchOnce: (activations: number) => Promise<number>,
): Promise<ChurnOutcome> {
  const processSamples: number[] = [];
  const memorySamplesMb: number[] = [];
  const memoryByRoleSamplesMb: Record<string, number>[] = [];
  const activationsAtSamples: number[] = [];
  const end = Date.now() + options.seconds * 1000;
  let nextSample = Date.now();
  let activations = 0;
  let liveViewsAtEnd = 0;
  while (Date.now() < end) {
    liveViewsAtEnd = await switchOnce(activations);
    activations += 1;
    if (Date.now() >= nextSample) {
      processSamples.push(descendantsOf(process.pid).length);
      memorySamplesMb.push(Math.round(childProcessMemoryMb()));
      memoryByRoleSamplesMb.push(childProcessMemoryByRoleMb());
      activationsAtSamples.push(activations);
      nextSample = Date.now() + options.sampleEverySeconds * 1000;
    }
  }
  const memoryGrowthMb = steadyGrowth(memorySamplesMb);
  const memoryGrowthByRoleMb = growthByRole(memoryByRoleSamplesMb);
  return {
    seconds: options.seconds,
    services: options.services,
    maxLiveViews: options.maxLiveViews,
    activations,
    liveViewsAtEnd,
    processSamples,
    memorySamplesMb,
    memoryByRoleSamplesMb,
    activationsAtSamples,
    processGrowth: steadyGrowth(processSamples),
    memoryGrowthMb,
    memoryGrowthByRoleMb,
    memoryGrowthPerThousandSwitchesMb: perThousand(memoryGrowthMb, activationsAtSamples),
    browserProcessGrowthPerThousandSwitchesMb: perThousand(
      memoryGrowthByRoleMb.browser ?? 0,
      activationsAtSamples,
    ),
  };
}

function growthByRole(samples: readonly Record<string, number>[]): Record<string, number> {
  const roles = new Set(samples.flatMap((sample) => Object.keys(sample)));
  return Object.fromEntries(
    [...roles].map((role) => [role, steadyGrowth(samples.map((sample) => sample[role] ?? 0))]),
  );
}

/** Growth over the switches between steadyGrowth's two windows (their middle samples). */
function perThousand(growthMb: number, activationsAtSamples: readonly number[]): number {
  if (activationsAtSamples.length < 6) return 0;
  const warm = Math.floor(activationsAtSamples.length / 3);
  const switches = activationsAtSamples.at(-2)! - activationsAtSamples[warm + 1]!;
  return switches > 0 ? Math.round((growthMb / switches) * 10_000) / 10 : 0;
}
