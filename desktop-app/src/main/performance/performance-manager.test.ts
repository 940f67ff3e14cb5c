import { describe, expect, it } from 'vitest';
import type { LiveView } from '../views/view-manager';
import { ElectronPerformanceManager, RequestCounter } from './performance-manager';
import { ProcessUsageSampler } from './process-usage';
import { ServiceMetrics } from './service-metrics';

function setup() {
  let live: LiveView[] = [
    { serviceId: 'slack', workspaceId: 'w1', viewId: 11, lastActiveAt: 0, loadMs: 900 },
    { serviceId: 'gmail', workspaceId: 'w1', viewId: 12, lastActiveAt: 0 },
    { serviceId: 'figma', workspaceId: 'w2', viewId: 13, lastActiveAt: 0, loadMs: 2100 },
  ];
  const metrics = new ServiceMetrics();
  metrics.record(
    [
      { serviceId: 'slack', memoryMb: 420, cpuPercent: 3.5 },
      { serviceId: 'gmail', memoryMb: 610, cpuPercent: 0.5 },
      { serviceId: 'figma', memoryMb: 900, cpuPercent: 12 },
    ],
    Date.UTC(2026, 10, 24),
  );
  const requests = new RequestCounter();
  for (let n = 0; n < 5; n += 1) requests.count(11);
  requests.count(undefined);
  let cpuMicros = 0;
  let clock = 0;
  const sampler = new ProcessUsageSampler(
    {
      cpuUsage: () => ({ user: cpuMicros, system: 0 }),
      memoryUsage: () => ({ rss: 150 * 1024 * 1024, heapUsed: 40 * 1024 * 1024 }),
    },
    () => clock,
  );
  const hibernated: number[] = [];
  const manager = new ElectronPerformanceManager(
    {
      liveViews: () => live,
      hibernateInactive: (idleMs) => {
        hibernated.push(idleMs);
        const gone = live
          .filter((view) => view.serviceId === 'gmail')
          .map((view) => view.serviceId);
        live = live.filter((view) => view.serviceId !== 'gmail');
        return gone;
      },
    },
    metrics,
    requests,
    sampler,
  );
  return {
    manager,
    requests,
    hibernated,
    spend: (micros: number, ms: number) => {
      cpuMicros += micros;
      clock += ms;
    },
  };
}

describe('ElectronPerformanceManager', () => {
  it('measures one view: load time, memory, CPU and requests', () => {
    const { manager } = setup();
    expect(manager.measureBrowserViewPerformance('slack')).toEqual({
      serviceId: 'slack',
      loadTimeMs: 900,
      memoryMb: 420,
      cpuPercent: 3.5,
      requestCount: 5,
    });
    expect(manager.measureBrowserViewPerformance('gmail')?.loadTimeMs).toBeUndefined();
    expect(manager.measureBrowserViewPerformance('asleep')).toBeUndefined();
  });

  it('profiles a workspace’s memory, the heaviest service first', () => {
    expect(setup().manager.profileWorkspaceMemory('w1')).toEqual({
      workspaceId: 'w1',
      totalMb: 1030,
      services: [
        { serviceId: 'gmail', memoryMb: 610 },
        { serviceId: 'slack', memoryMb: 420 },
      ],
    });
  });

  it('reports CPU: the main process since the last sample, the services, the busiest', () => {
    const { manager, spend } = setup();
    manager.monitorCPUUsage();
    // 50 ms of CPU over 1 s: 5 % of one core.
    spend(50_000, 1000);
    const report = manager.monitorCPUUsage();
    expect(report.mainProcess).toEqual({ cpuPercent: 5, rssMb: 150, heapUsedMb: 40 });
    expect(report.servicesPercent).toBe(16);
    expect(report.busiest).toEqual({ serviceId: 'figma', cpuPercent: 12 });
  });

  it('cleans up idle views and forgets the request counts of views that are gone', () => {
    const { manager, requests, hibernated } = setup();
    requests.count(12);
    expect(manager.cleanupInactiveBrowserViews(30)).toEqual(['gmail']);
    expect(hibernated).toEqual([30 * 60_000]);
    expect(requests.of(12)).toBe(0);
    expect(requests.of(11)).toBe(5);
  });
});
