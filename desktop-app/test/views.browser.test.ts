import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { WorkspaceManager } from '../src/main/data/workspace-manager';
import { scopeForService } from '../src/main/security/service-scope';
import { ViewManager, managedServicesOf } from '../src/main/views/view-manager';
import { ChromiumViewHost, launchChromium } from './support/chromium-view-host';
import { startFixtureServer } from './support/fixture-server';
import type { FixtureServer } from './support/fixture-server';

/**
 * Integration tests in a real browser engine: the REAL view manager, partition function,
 * navigation guard and permission decisions, with Debian's Chromium showing local fixture pages.
 */

let browser: Browser;
let service: FixtureServer;
let foreign: FixtureServer;

beforeAll(async () => {
  [browser, service, foreign] = await Promise.all([
    launchChromium(),
    startFixtureServer('service'),
    startFixtureServer('foreign'),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([service?.close(), foreign?.close()]);
});

const now = '2026-11-24T10:00:00.000Z';
/** Pages load in real Chromium: give slow CI machines time before a poll gives up. */
const POLL = { timeout: 15_000, interval: 50 };

function environment() {
  const custom = (id: string, path: string, extra: object = {}) => ({
    id,
    type: 'custom-template',
    name: `Service ${id}`,
    url: `${service.origin}${path}`,
    createdAt: now,
    ...extra,
  });
  const store = workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt: now,
        services: [
          custom('s1', '/one'),
          custom('s2', '/two'),
          custom('s3', '/three', { isolation: 'isolated' }),
        ],
      },
      { id: 'w2', name: 'Home', createdAt: now, services: [custom('s4', '/four')] },
    ],
  });
  const workspaces = new WorkspaceManager(store, { repository: { save: () => ok(undefined) } });
  const host = new ChromiumViewHost(browser, {
    scopeFor: (id) => scopeForService(workspaces.findService(id)!.service),
    grantsFor: (id) => workspaces.findService(id)?.service.permissions ?? [],
  });
  const views = new ViewManager({ host });
  views.setServices(managedServicesOf(workspaces.store));
  /** Opens a service and waits until its page has loaded. */
  const open = async (serviceId: string): Promise<Page> => {
    views.activate(serviceId);
    const page = await host.latest(serviceId)!.page;
    await expect
      .poll(() => page.evaluate(() => document.readyState).catch(() => 'loading'), POLL)
      .toBe('complete');
    await page.waitForFunction(() => 'flowdeskFixture' in window);
    return page;
  };
  return { workspaces, host, views, open };
}

type FixtureWindow = typeof window & {
  flowdeskFixture: {
    setState(value: string): void;
    getState(): { cookie: string | null; storage: string | null };
    notifications(): Promise<string>;
    geolocation(): Promise<string>;
    camera(): Promise<string>;
  };
};
const getState = (page: Page) =>
  page.evaluate(() => (window as FixtureWindow).flowdeskFixture.getState());

describe('service views in Chromium', () => {
  it('shares cookies and localStorage within a workspace, isolates workspaces and isolated services', async () => {
    const { open, host } = environment();
    const first = await open('s1');
    await first.evaluate(() => (window as FixtureWindow).flowdeskFixture.setState('work-login'));
    expect(await getState(await open('s2'))).toEqual({
      cookie: 'work-login',
      storage: 'work-login',
    });
    expect(await getState(await open('s3'))).toEqual({ cookie: null, storage: null });
    expect(await getState(await open('s4'))).toEqual({ cookie: null, storage: null });
    expect([...host.contexts.keys()].sort()).toEqual([
      'persist:svc-s3',
      'persist:ws-w1',
      'persist:ws-w2',
    ]);
    await host.close();
  });

  it('does not navigate the view to a foreign origin, and hands the link to the system instead', async () => {
    const { open, host } = environment();
    const page = await open('s1');
    const foreignUrl = `${foreign.origin}/elsewhere?token=secret`;
    await page.evaluate((url) => {
      window.location.href = url;
    }, foreignUrl);
    await expect.poll(() => host.openedExternally, POLL).toEqual([foreignUrl]);
    expect(page.url()).toBe(`${service.origin}/one`);
    expect(await page.textContent('#title')).toBe('service /one');
    expect(host.audit).toEqual([
      {
        kind: 'opened_externally',
        url: `${foreign.origin}/elsewhere`,
        reason: 'outside-service',
        isMainFrame: true,
      },
    ]);
    // Within the service, navigation stays in the view.
    await page.evaluate((url) => {
      window.location.href = url;
    }, `${service.origin}/one/inbox`);
    await expect.poll(() => page.url(), POLL).toBe(`${service.origin}/one/inbox`);
    await host.close();
  });

  it('does not open a popup to another site in the app, but keeps a popup of the service', async () => {
    const { open, host } = environment();
    const page = await open('s1');
    const context = host.contexts.get('persist:ws-w1')!;
    await page.evaluate((url) => window.open(url, '_blank'), `${foreign.origin}/popup`);
    await expect.poll(() => host.openedExternally, POLL).toEqual([`${foreign.origin}/popup`]);
    await expect.poll(() => context.pages().length, POLL).toBe(1);
    await page.evaluate((url) => window.open(url, 'signin'), `${service.origin}/sign-in`);
    await expect
      .poll(
        () =>
          context
            .pages()
            .map((candidate) => new URL(candidate.url()).pathname)
            .sort(),
        POLL,
      )
      .toEqual(['/one', '/sign-in']);
    await host.close();
  });

  it('denies notifications, location and camera until the user grants them to the service', async () => {
    const { open, host, workspaces } = environment();
    const page = await open('s1');
    const ask = () =>
      page.evaluate(async () => {
        const fixture = (window as FixtureWindow).flowdeskFixture;
        return {
          notifications: await fixture.notifications(),
          geolocation: await fixture.geolocation(),
          camera: await fixture.camera(),
        };
      });
    await host.syncPermissions('s1', service.origin);
    const before = await ask();
    expect(before.notifications).toBe('denied');
    expect(before.geolocation).not.toBe('granted');
    expect(before.camera).not.toBe('granted');
    for (const permission of ['notifications', 'geolocation', 'media'] as const) {
      workspaces.rememberPermission('s1', { permission, decision: 'granted', decidedAt: now });
    }
    // A grant is for the service's own origin: applying it to a foreign origin grants nothing.
    await host.syncPermissions('s1', foreign.origin);
    expect((await ask()).notifications).toBe('denied');
    await host.syncPermissions('s1', service.origin);
    expect(await ask()).toEqual({
      notifications: 'granted',
      geolocation: 'granted',
      camera: 'granted',
    });
    await host.close();
  });

  it('frees a hibernated service’s page and wakes it on its last URL', async () => {
    const { open, host, views } = environment();
    const page = await open('s1');
    await page.evaluate((url) => {
      window.location.href = url;
    }, `${service.origin}/one/thread/42`);
    await expect
      .poll(() => views.states().find((state) => state.serviceId === 's1')?.url, POLL)
      .toBe(`${service.origin}/one/thread/42`);
    const context = host.contexts.get('persist:ws-w1')!;
    expect(views.hibernate('s1')).toBe(true);
    await expect.poll(() => page.isClosed(), POLL).toBe(true);
    expect(context.pages()).toHaveLength(0);
    const woken = await open('s1');
    expect(woken).not.toBe(page);
    expect(woken.url()).toBe(`${service.origin}/one/thread/42`);
    expect(await woken.textContent('#title')).toBe('service /one/thread/42');
    await host.close();
  });
});
