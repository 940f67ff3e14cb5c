import type { Browser } from 'playwright-core';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { childProcessMemoryMb, descendantsOf, steadyGrowth } from '../../../bench/process-memory';
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
 */
export interface ChurnOutcome {
  seconds: number;
  services: number;
  maxLiveViews: number;
  activations: number;
  liveViewsAtEnd: number;
  processSamples: number[];
  memorySamplesMb: number[];
  processGrowth: number;
  memoryGrowthMb: number;
}

export async function churnViews(options: {
  browser: Browser;
  fixture: FixtureServer;
  services: number;
  maxLiveViews: number;
  heapMb: number;
  seconds: number;
  sampleEverySeconds: number;
}): Promise<ChurnOutcome> {
  const createdAt = '2026-12-02T10:00:00.000Z';
  const ids = Array.from({ length: options.services }, (_, index) => `s${index}`);
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
          url: `${options.fixture.origin}/${id}?heap=${options.heapMb}`,
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

  const processSamples: number[] = [];
  const memorySamplesMb: number[] = [];
  const end = Date.now() + options.seconds * 1000;
  let nextSample = Date.now();
  let activations = 0;
  try {
    while (Date.now() < end) {
      const id = ids[activations % ids.length]!;
      views.activate(id);
      const page = await host.latest(id)!.page;
      await page.waitForFunction(() => 'flowdeskHeap' in window, undefined, { timeout: 20_000 });
      activations += 1;
      clock += 60_000;
      // Now and then one goes to sleep by hand, as a user's "Hibernate" does.
      if (activations % 5 === 0) views.hibernate(ids[(activations + 2) % ids.length]!);
      if (Date.now() >= nextSample) {
        processSamples.push(descendantsOf(process.pid).length);
        memorySamplesMb.push(Math.round(childProcessMemoryMb()));
        nextSample = Date.now() + options.sampleEverySeconds * 1000;
      }
    }
    return {
      seconds: options.seconds,
      services: options.services,
      maxLiveViews: options.maxLiveViews,
      activations,
      liveViewsAtEnd: views.liveViews().length,
      processSamples,
      memorySamplesMb,
      processGrowth: steadyGrowth(processSamples),
      memoryGrowthMb: steadyGrowth(memorySamplesMb),
    };
  } finally {
    views.destroyAll();
    await host.close();
  }
}
