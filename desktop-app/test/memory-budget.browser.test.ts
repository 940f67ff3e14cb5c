import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { WorkspaceManager } from '../src/main/data/workspace-manager';
import { scopeForService } from '../src/main/security/service-scope';
import { ViewManager, managedServicesOf } from '../src/main/views/view-manager';
import type { MemoryCeilingEvent } from '../src/main/views/view-manager';
import { ChromiumViewHost, launchChromium } from './support/chromium-view-host';
import { startFixtureServer } from './support/fixture-server';
import type { FixtureServer } from './support/fixture-server';

/**
 * The memory budget and per-service ceilings (issue 8) against real pages in Chromium that hold
 * real memory: the REAL view manager decides, from figures measured in the browser, which pages
 * to close and in which order.
 */

let browser: Browser;
let service: FixtureServer;

beforeAll(async () => {
  [browser, service] = await Promise.all([launchChromium(), startFixtureServer('service')]);
});
afterAll(async () => {
  await browser?.close();
  await service?.close();
});

const now = '2026-11-24T10:00:00.000Z';
const POLL = { timeout: 20_000, interval: 100 };

function environment(services: { id: string; heapMb: number; extra?: object }[], budgetMb: number) {
  const store = workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt: now,
        settings: { hibernation: { memoryBudgetMb: budgetMb, maxLiveViews: 10 } },
        // Isolated: each page has its own browser context, so its own renderer and heap.
        services: services.map(({ id, heapMb, extra }) => ({
          id,
          type: 'custom-template',
          name: `Service ${id}`,
          url: `${service.origin}/${id}?heap=${heapMb}`,
          isolation: 'isolated',
          createdAt: now,
          ...extra,
        })),
      },
    ],
  });
  const workspaces = new WorkspaceManager(store, { repository: { save: () => ok(undefined) } });
  const host = new ChromiumViewHost(browser, {
    scopeFor: (id) => scopeForService(workspaces.findService(id)!.service),
    grantsFor: () => [],
  });
  let clock = 1_000_000;
  let memory = new Map<number, number>();
  const hibernated: string[] = [];
  const ceilings: MemoryCeilingEvent[] = [];
  const views = new ViewManager({
    host,
    now: () => clock,
    memoryMbOf: (viewId) => memory.get(viewId),
    onHibernated: (serviceId, reason) => hibernated.push(`${serviceId}:${reason}`),
    onMemoryCeiling: (event) => ceilings.push(event),
  });
  views.setServices(managedServicesOf(workspaces.store));
  /** Opens each service in turn, a minute apart, and waits until its page holds its memory. */
  const openInOrder = async (ids: string[]) => {
    for (const id of ids) {
      views.activate(id);
      const page = await host.latest(id)!.page;
      await page.waitForFunction(() => 'flowdeskHeap' in window, undefined, { timeout: 20_000 });
      clock += 60_000;
    }
  };
  /** One housekeeping round as the main process runs it: measure, then tick. */
  const housekeeping = async () => {
    memory = await host.measureMemory();
    views.tick();
  };
  return { host, views, hibernated, ceilings, openInOrder, housekeeping, memoryOf: () => memory };
}

describe('memory management with real pages', () => {
  it('hibernates the least recently used pages until the workspace is under its budget, sparing one kept alive', async () => {
    const { host, views, hibernated, openInOrder, housekeeping, memoryOf } = environment(
      [
        { id: 'kept', heapMb: 100, extra: { hibernation: { keepAlive: true } } },
        { id: 'older', heapMb: 100 },
        { id: 'newer', heapMb: 100 },
        { id: 'current', heapMb: 80 },
      ],
      256,
    );
    await openInOrder(['kept', 'older', 'newer', 'current']);
    await housekeeping();
    // Measured in the browser: each heavy page holds at least the 100 MB it allocated.
    const measured = [...memoryOf().values()];
    expect(measured.filter((mb) => mb >= 100)).toHaveLength(3);

    // Over budget (≥ 380 MB of 256, ≥ 280 without the oldest): the oldest that may sleep goes first, then the next;
    // the one kept alive and the one on screen stay.
    expect(hibernated).toEqual(['older:memory', 'newer:memory']);
    expect(
      views
        .liveViews()
        .map((view) => view.serviceId)
        .sort(),
    ).toEqual(['current', 'kept']);
    for (const id of ['older', 'newer']) {
      await expect.poll(async () => (await host.latest(id)!.page).isClosed(), POLL).toBe(true);
    }
    // Under budget now: the next round closes nothing more.
    await housekeeping();
    expect(hibernated).toHaveLength(2);
    await host.close();
  });

  it('restarts a page on screen that goes over its own ceiling, and lets a background one sleep', async () => {
    const { host, views, ceilings, hibernated, openInOrder, housekeeping } = environment(
      [
        { id: 'heavy-bg', heapMb: 160, extra: { hibernation: { memoryCeilingMb: 128 } } },
        { id: 'light', heapMb: 5, extra: { hibernation: { memoryCeilingMb: 128 } } },
        { id: 'heavy-front', heapMb: 200, extra: { hibernation: { memoryCeilingMb: 128 } } },
      ],
      4096,
    );
    await openInOrder(['heavy-bg', 'light', 'heavy-front']);
    const before = await host.latest('heavy-front')!.page;
    await housekeeping();
    expect(ceilings.map(({ serviceId, action }) => `${serviceId}:${action}`)).toEqual([
      'heavy-bg:hibernated',
      'heavy-front:reloaded',
    ]);
    expect(ceilings.every((event) => event.usedMb >= 160)).toBe(true);
    expect(hibernated).toEqual(['heavy-bg:ceiling']);
    // A new page replaced the bloated one, on screen; the light one was not touched.
    await expect.poll(() => before.isClosed(), POLL).toBe(true);
    expect(views.activeService).toBe('heavy-front');
    expect(
      views
        .liveViews()
        .map((view) => view.serviceId)
        .sort(),
    ).toEqual(['heavy-front', 'light']);
    const restarted = await host.latest('heavy-front')!.page;
    expect(restarted).not.toBe(before);
    await restarted.waitForFunction(() => 'flowdeskHeap' in window, undefined, { timeout: 20_000 });
    await host.close();
  });
});
