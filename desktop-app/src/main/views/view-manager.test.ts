import { describe, expect, it, vi } from 'vitest';
import type { ViewState } from '@flowdesk/shared/ipc';
import { workspaceServiceSchema, workspaceSettingsSchema } from '@flowdesk/shared/workspace';
import { FakeViewHost } from './fake-view-host.test-support';
import { ViewManager } from './view-manager';
import type { ManagedService, MemoryCeilingEvent } from './view-manager';

const defaults = workspaceSettingsSchema.parse({}).hibernation;
/** Lets the crash handler's breaker bookkeeping (promises) finish. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function managed(
  id: string,
  workspaceId = 'w1',
  extra: Record<string, unknown> = {},
  hibernation = defaults,
): ManagedService {
  return {
    workspaceId,
    hibernation,
    service: workspaceServiceSchema.parse({
      id,
      type: 'custom-template',
      name: `Service ${id}`,
      url: `https://${id}.example.com/`,
      createdAt: '2026-11-24T10:00:00.000Z',
      ...extra,
    }),
  };
}

function setup(services: ManagedService[], options: { memory?: Record<number, number> } = {}) {
  const ceilings: MemoryCeilingEvent[] = [];
  const host = new FakeViewHost();
  let clock = 1_000_000;
  const scheduled: { task: () => void; delay: number }[] = [];
  const states: ViewState[] = [];
  const hibernated: string[] = [];
  const manager = new ViewManager({
    host,
    now: () => clock,
    schedule: (task, delay) => scheduled.push({ task, delay }),
    random: () => 0.5,
    onState: (state) => states.push(state),
    onHibernated: (serviceId, reason) => hibernated.push(`${serviceId}:${reason}`),
    onMemoryCeiling: (event) => ceilings.push(event),
    ...(options.memory ? { memoryMbOf: (id: number) => options.memory?.[id] } : {}),
  });
  manager.setServices(services);
  manager.setContentBounds({ x: 72, y: 0, width: 1000, height: 700 });
  return {
    manager,
    host,
    states,
    hibernated,
    scheduled,
    ceilings,
    advance: (ms: number) => (clock += ms),
  };
}

describe('ViewManager', () => {
  it('loads a service only when first opened, in the partition of its workspace', () => {
    const { manager, host } = setup([
      managed('a'),
      managed('b', 'w1', { isolation: 'isolated' }),
      managed('c', 'w2', { persistSession: false }),
    ]);
    expect(host.views).toHaveLength(0);
    manager.activate('a');
    manager.activate('b');
    manager.activate('c');
    expect(host.views.map((view) => view.spec.partition)).toEqual([
      'persist:ws-w1',
      'persist:svc-b',
      'ws-w2',
    ]);
  });

  it('lists the loaded services with their view ids, and not hibernated ones', () => {
    const { manager, host } = setup([managed('a'), managed('b'), managed('c')]);
    manager.activate('a');
    manager.activate('b');
    expect(manager.liveViews()).toEqual([
      { serviceId: 'a', workspaceId: 'w1', viewId: host.latest('a')!.id, lastActiveAt: 1_000_000 },
      { serviceId: 'b', workspaceId: 'w1', viewId: host.latest('b')!.id, lastActiveAt: 1_000_000 },
    ]);
    manager.hibernate('a', 'user');
    expect(manager.liveViews().map((view) => view.serviceId)).toEqual(['b']);
  });

  it('measures how long each start of a page took to load', async () => {
    const { manager, host, advance } = setup([managed('a')]);
    manager.activate('a');
    advance(850);
    host.latest('a')!.finishLoad();
    await flush();
    expect(manager.liveViews()[0]?.loadMs).toBe(850);
    // A later navigation does not change the figure; a new start measures again.
    host.latest('a')!.emit({ type: 'loading', loading: false });
    advance(5000);
    expect(manager.liveViews()[0]?.loadMs).toBe(850);
    manager.hibernate('a', 'user');
    manager.activate('a');
    expect(manager.liveViews()[0]?.loadMs).toBeUndefined();
    advance(300);
    host.latest('a')!.emit({ type: 'loading', loading: false });
    expect(manager.liveViews()[0]?.loadMs).toBe(300);
  });

  it('hibernates views unused for a while on request, sparing the active one, audio and calls', () => {
    const { manager, host, advance, hibernated } = setup(
      ['old', 'audio', 'recent', 'active'].map((id) => managed(id)),
    );
    manager.activate('old');
    manager.activate('audio');
    host.latest('audio')!.audible = true;
    advance(10 * 60_000);
    manager.activate('recent');
    advance(60_000);
    manager.activate('active');
    expect(manager.hibernateInactive(5 * 60_000)).toEqual(['old']);
    expect(hibernated).toEqual(['old:idle']);
    expect(manager.hibernateInactive(0)).toEqual(['recent']);
  });

  it('switches instantly to a live view: nothing is created or reloaded', () => {
    const { manager, host } = setup([managed('a'), managed('b')]);
    manager.activate('a');
    manager.activate('b');
    manager.activate('a');
    expect(host.views).toHaveLength(2);
    expect(host.latest('a')?.visible).toEqual({ x: 72, y: 0, width: 1000, height: 700 });
    expect(host.latest('b')?.visible).toBeUndefined();
    manager.setContentBounds({ x: 240, y: 0, width: 800, height: 600 });
    expect(host.latest('a')?.visible?.x).toBe(240);
  });

  it('reports loading, then live, and reads unread counts from the title', async () => {
    const { manager, host, states } = setup([managed('a')]);
    manager.activate('a');
    const view = host.latest('a')!;
    expect(states.at(-1)).toMatchObject({ serviceId: 'a', state: 'loading' });
    view.finishLoad();
    await Promise.resolve();
    expect(states.at(-1)).toMatchObject({ state: 'live' });
    view.emit({ type: 'title', title: '(4) Service a' });
    expect(states.at(-1)).toMatchObject({ unread: 4, title: '(4) Service a' });
    view.emit({ type: 'unresponsive' });
    expect(states.at(-1)?.state).toBe('unresponsive');
    view.emit({ type: 'responsive' });
    expect(states.at(-1)?.state).toBe('live');
  });

  it('keeps at most maxLiveViews per workspace, hibernating the least recently used', () => {
    const hibernation = { ...defaults, maxLiveViews: 2 };
    const { manager, host, hibernated, advance } = setup(
      ['a', 'b', 'c', 'd'].map((id) => managed(id, 'w1', {}, hibernation)),
    );
    for (const id of ['a', 'b', 'c']) {
      manager.activate(id);
      advance(1000);
    }
    expect(manager.liveCount('w1')).toBe(2);
    expect(hibernated).toEqual(['a:limit']);
    expect(host.latest('a')?.destroyed).toBe(true);
    manager.activate('b');
    advance(1000);
    manager.activate('d');
    expect(hibernated).toEqual(['a:limit', 'c:limit']);
  });

  it('never hibernates the active view, an audible one, one capturing media or one kept alive', () => {
    const hibernation = { ...defaults, maxLiveViews: 1 };
    const { manager, host, hibernated, advance } = setup([
      managed('music', 'w1', {}, hibernation),
      managed('call', 'w1', {}, hibernation),
      managed('chat', 'w1', { hibernation: { keepAlive: true } }, hibernation),
      managed('docs', 'w1', {}, hibernation),
    ]);
    manager.activate('music');
    host.latest('music')!.audible = true;
    advance(10);
    manager.activate('call');
    host.latest('call')!.capturing = true;
    advance(10);
    manager.activate('chat');
    advance(10);
    manager.activate('docs');
    expect(hibernated).toEqual([]);
    expect(manager.liveCount('w1')).toBe(4);
  });

  it('hibernates idle views after the timeout and wakes them on their last URL', async () => {
    const { manager, host, hibernated, advance, states } = setup([managed('a'), managed('b')]);
    manager.activate('a');
    host.latest('a')!.emit({ type: 'navigated', url: 'https://a.example.com/thread/42' });
    host.latest('a')!.url = 'https://a.example.com/thread/42';
    manager.activate('b');
    advance(14 * 60_000);
    manager.tick();
    expect(hibernated).toEqual([]);
    advance(2 * 60_000);
    manager.tick();
    expect(hibernated).toEqual(['a:idle']);
    expect(states.at(-1)).toMatchObject({
      serviceId: 'a',
      state: 'hibernated',
      url: 'https://a.example.com/thread/42',
    });
    manager.activate('a');
    const woken = host.latest('a')!;
    expect(woken.destroyed).toBe(false);
    expect(woken.url).toBe('https://a.example.com/thread/42');
    await Promise.resolve();
  });

  it('respects a service’s own idle timeout and a workspace with hibernation off', () => {
    const off = { ...defaults, enabled: false, maxLiveViews: 1 };
    const { manager, hibernated, advance } = setup([
      managed('quick', 'w1', { hibernation: { idleMinutes: 1 } }),
      managed('x', 'w1'),
      managed('p', 'w2', {}, off),
      managed('q', 'w2', {}, off),
    ]);
    manager.activate('quick');
    manager.activate('p');
    manager.activate('q');
    manager.activate('x');
    advance(90_000);
    manager.tick();
    expect(hibernated).toEqual(['quick:idle']);
    advance(60 * 60_000);
    manager.tick();
    expect(hibernated).toEqual(['quick:idle']);
    expect(manager.liveCount('w2')).toBe(2);
  });

  it('hibernates least recently used views when the memory budget is exceeded', () => {
    const hibernation = { ...defaults, memoryBudgetMb: 1000 };
    const memory: Record<number, number> = { 1: 500, 2: 400, 3: 300 };
    const { manager, hibernated, advance, states } = setup(
      ['a', 'b', 'c'].map((id) => managed(id, 'w1', {}, hibernation)),
      { memory },
    );
    for (const id of ['a', 'b', 'c']) {
      manager.activate(id);
      advance(1000);
    }
    manager.tick();
    expect(hibernated).toEqual(['a:memory']);
    expect(manager.states().find((state) => state.serviceId === 'b')?.memoryMb).toBe(400);
    expect(states.length).toBeGreaterThan(0);
  });

  it('holds each service to its own memory ceiling: hibernates it in the background, restarts it on screen, leaves a call alone', () => {
    const memory: Record<number, number> = {};
    const ceiling = (memoryCeilingMb: number) => ({ hibernation: { memoryCeilingMb } });
    const { manager, host, hibernated, ceilings } = setup(
      [
        managed('bg', 'w1', ceiling(300)),
        managed('call', 'w1', ceiling(300)),
        managed('under', 'w1', ceiling(300)),
        managed('none'),
        managed('front', 'w1', ceiling(300)),
      ],
      { memory },
    );
    for (const id of ['bg', 'call', 'under', 'none', 'front']) manager.activate(id);
    host.latest('call')!.capturing = true;
    for (const id of ['bg', 'call', 'front']) memory[host.latest(id)!.id] = 900;
    memory[host.latest('under')!.id] = 300;
    // No ceiling of its own; the workspace budget (1500 MB) still holds after the ceilings act.
    memory[host.latest('none')!.id] = 200;
    const frontBefore = host.latest('front')!;

    manager.tick();

    expect(ceilings).toEqual([
      { serviceId: 'bg', usedMb: 900, ceilingMb: 300, action: 'hibernated' },
      { serviceId: 'call', usedMb: 900, ceilingMb: 300, action: 'left-running' },
      { serviceId: 'front', usedMb: 900, ceilingMb: 300, action: 'reloaded' },
    ]);
    expect(hibernated).toEqual(['bg:ceiling']);
    // The service on screen gets a new page (a new renderer), shown where the old one was.
    expect(frontBefore.destroyed).toBe(true);
    const front = host.latest('front')!;
    expect(front).not.toBe(frontBefore);
    expect(front.destroyed).toBe(false);
    expect(manager.activeService).toBe('front');
    expect(
      manager
        .liveViews()
        .map((view) => view.serviceId)
        .sort(),
    ).toEqual(['call', 'front', 'none', 'under']);
  });

  it('lets the user hibernate any live view, and says so for one that is not live', () => {
    const { manager } = setup([managed('a'), managed('b')]);
    manager.activate('a');
    expect(manager.hibernate('a')).toBe(true);
    expect(manager.activeService).toBeUndefined();
    expect(manager.hibernate('a')).toBe(false);
    expect(manager.hibernate('b')).toBe(false);
    expect(() => manager.hibernate('zzz')).toThrow(
      expect.objectContaining({ code: 'VIEW_UNKNOWN_SERVICE' }),
    );
  });

  it('restarts a crashed view with backoff, and gives up after repeated crashes until reloaded', async () => {
    const crashed = vi.fn();
    const host = new FakeViewHost();
    const scheduled: { task: () => void; delay: number }[] = [];
    const manager = new ViewManager({
      host,
      schedule: (task, delay) => scheduled.push({ task, delay }),
      random: () => 0.5,
      onCrashed: crashed,
    });
    manager.setServices([managed('a')]);
    manager.activate('a');
    for (let crash = 1; crash <= 2; crash += 1) {
      host.latest('a')!.emit({ type: 'crashed', reason: 'oom' });
      expect(manager.states()[0]).toMatchObject({
        state: 'crashed',
        error: { code: 'RENDERER_CRASHED' },
      });
      await flush();
      scheduled.shift()!.task();
      expect(manager.states()[0]?.state).toBe('loading');
    }
    host.latest('a')!.emit({ type: 'crashed', reason: 'oom' });
    await flush();
    expect(scheduled).toHaveLength(0);
    expect(crashed.mock.calls.map((call) => call[2] as boolean)).toEqual([true, true, false]);
    expect(manager.states()[0]?.error?.message).toMatch(/keeps crashing/);
    manager.activate('a');
    expect(host.live()).toHaveLength(0);
    manager.reload('a');
    expect(host.live()).toHaveLength(1);
    expect(host.latest('a')?.visible).toBeDefined();
  });

  it('uses growing delays between restarts and forgives crashes after a stable period', async () => {
    let clock = 0;
    const host = new FakeViewHost();
    const delays: number[] = [];
    const tasks: (() => void)[] = [];
    const manager = new ViewManager({
      host,
      now: () => clock,
      schedule: (task, delay) => {
        delays.push(delay);
        tasks.push(task);
      },
      random: () => 1,
    });
    manager.setServices([managed('a')]);
    manager.activate('a');
    host.latest('a')!.emit({ type: 'crashed', reason: 'x' });
    await flush();
    tasks.shift()!();
    host.latest('a')!.emit({ type: 'crashed', reason: 'x' });
    await flush();
    tasks.shift()!();
    expect(delays).toEqual([1000, 2000]);
    clock += 3 * 60_000;
    manager.tick();
    await flush();
    host.latest('a')!.emit({ type: 'crashed', reason: 'x' });
    await flush();
    expect(delays).toHaveLength(3);
    expect(delays[2]).toBe(1000);
  });

  it('drops views of removed services and recreates a view whose session changed', () => {
    const { manager, host, hibernated } = setup([managed('a'), managed('b')]);
    manager.activate('a');
    manager.activate('b');
    manager.setServices([managed('b', 'w1', { isolation: 'isolated' })]);
    expect(host.latest('a')?.destroyed).toBe(true);
    expect(hibernated).toEqual(['b:user']);
    expect(() => manager.activate('a')).toThrow(
      expect.objectContaining({ code: 'VIEW_UNKNOWN_SERVICE' }),
    );
    manager.activate('b');
    expect(host.latest('b')?.spec.partition).toBe('persist:svc-b');
  });

  it('finds the service of a webContents, sums unread per workspace, and navigates', () => {
    const { manager, host } = setup([
      managed('a'),
      managed('b'),
      managed('c', 'w2'),
      managed('muted', 'w2', { notifications: { showBadge: false } }),
    ]);
    for (const id of ['a', 'b', 'c', 'muted']) manager.activate(id);
    host.latest('a')!.emit({ type: 'title', title: '(2) A' });
    host.latest('b')!.emit({ type: 'title', title: 'B' });
    host
      .latest('b')!
      .emit({ type: 'favicon', urls: ['https://b.example.com/unreadcountfavicon/3/icon.png'] });
    host.latest('c')!.emit({ type: 'title', title: '• C' });
    host.latest('muted')!.emit({ type: 'title', title: '(50) M' });
    const unread = manager.unread();
    expect(unread.byWorkspace.get('w1')).toEqual({ count: 5, attention: false });
    expect(unread.byWorkspace.get('w2')).toEqual({ count: 0, attention: true });
    expect(unread.total).toEqual({ count: 5, attention: false });
    expect(manager.serviceForWebContents(host.latest('b')!.id)?.service.id).toBe('b');
    expect(manager.serviceForWebContents(999)).toBeUndefined();
    manager.goBack('a');
    manager.goForward('a');
    expect(host.latest('a')?.history).toEqual({ back: 1, forward: 1 });
    manager.reload('a', true);
    expect(host.latest('a')?.reloads).toEqual([true]);
    manager.destroyAll();
    expect(host.live()).toHaveLength(0);
  });

  it('follows loading and audio events, and ignores events of a view it replaced', async () => {
    const { manager, host, states } = setup([managed('a'), managed('b')]);
    manager.activate('a');
    const first = host.latest('a')!;
    first.emit({ type: 'loading', loading: false });
    expect(states.at(-1)?.state).toBe('live');
    first.audible = true;
    first.emit({ type: 'audible', audible: true });
    expect(states.at(-1)?.audible).toBe(true);
    first.url = 'chrome-error://chromewebdata/';
    manager.hibernate('a');
    expect(manager.states()[0]?.url).toBe('https://a.example.com/');
    const before = states.length;
    first.emit({ type: 'title', title: '(9) stale' });
    expect(states.length).toBe(before);
    manager.activate('a');
    manager.activate('b');
    host.latest('a')!.emit({ type: 'crashed', reason: 'gone' });
    manager.setServices([managed('b')]);
    await flush();
    expect(host.live().map((view) => view.spec.serviceId)).toEqual(['b']);
  });

  it('opens a page at its remembered zoom and sound setting, and applies changes live', () => {
    const { manager, host } = setup([managed('a', 'w1', { zoomFactor: 1.25, audioMuted: true })]);
    manager.activate('a');
    const view = host.latest('a')!;
    expect(view.zoomFactor).toBe(1.25);
    expect(view.audioMuted).toBe(true);
    manager.setServices([managed('a', 'w1', { zoomFactor: 0.9, audioMuted: false })]);
    expect(view.zoomFactor).toBe(0.9);
    expect(view.audioMuted).toBe(false);
  });

  it('finds, prints and reports where a page is only while it is open', async () => {
    const found: string[] = [];
    const host = new FakeViewHost(true);
    const manager = new ViewManager({
      host,
      onFound: (serviceId, result) =>
        found.push(`${serviceId} ${result.activeMatch}/${result.matches}`),
    });
    manager.setServices([managed('a')]);
    expect(manager.find('a', 'invoice', { forward: true, findNext: false })).toBe(false);
    expect(manager.print('a')).toBe(false);
    expect(manager.currentUrl('a')).toBe('https://a.example.com/');
    manager.activate('a');
    const view = host.latest('a')!;
    view.url = 'https://a.example.com/inbox';
    expect(manager.currentUrl('a')).toBe('https://a.example.com/inbox');
    expect(manager.find('a', 'invoice', { forward: true, findNext: false })).toBe(true);
    expect(manager.find('a', 'invoice', { forward: true, findNext: true })).toBe(true);
    await flush();
    expect(found).toEqual(['a 1/3', 'a 2/3']);
    manager.stopFind('a');
    expect(view.findStopped).toBe(1);
    expect(manager.print('a')).toBe(true);
    expect(view.prints).toBe(1);
  });

  it('passes on app shortcuts pressed inside a page', () => {
    const keys: string[] = [];
    const host = new FakeViewHost(true);
    const manager = new ViewManager({ host, onShortcut: (key) => keys.push(key.code) });
    manager.setServices([managed('a')]);
    manager.activate('a');
    host.latest('a')!.emit({
      type: 'shortcut',
      key: {
        key: '2',
        code: 'Digit2',
        ctrlKey: true,
        metaKey: false,
        shiftKey: false,
        altKey: false,
      },
    });
    expect(keys).toEqual(['Digit2']);
  });
});
