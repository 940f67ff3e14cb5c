import { describe, expect, it } from 'vitest';
import {
  MetricsHistory,
  createMonitoringManager,
  monitoringConfigSchema,
} from '@flowdesk/shared/monitoring';
import { workspaceServiceSchema, workspaceSettingsSchema } from '@flowdesk/shared/workspace';
import { ElectronPerformanceManager, RequestCounter } from '../performance/performance-manager';
import { ProcessUsageSampler } from '../performance/process-usage';
import { ServiceMetrics } from '../performance/service-metrics';
import { FakeViewHost } from '../views/fake-view-host.test-support';
import { ViewManager } from '../views/view-manager';
import { housekeepingRound } from './housekeeping';

function setup() {
  const host = new FakeViewHost(true);
  const memory = new Map<number, number>();
  const views = new ViewManager({ host, memoryMbOf: (id) => memory.get(id) });
  const hibernation = { ...workspaceSettingsSchema.parse({}).hibernation, memoryBudgetMb: 1000 };
  views.setServices(
    ['a', 'b', 'c'].map((id) => ({
      workspaceId: 'w1',
      hibernation,
      service: workspaceServiceSchema.parse({
        id,
        type: 'custom-template',
        name: id,
        url: `https://${id}.example.com/`,
        createdAt: '2026-11-24T10:00:00.000Z',
      }),
    })),
  );
  for (const id of ['a', 'b', 'c']) views.activate(id);
  const serviceMetrics = new ServiceMetrics();
  const requests = new RequestCounter();
  const monitoring = createMonitoringManager(monitoringConfigSchema.parse({}));
  const history = new MetricsHistory({ retentionMs: 86_400_000, capacity: 100 });
  const performance = new ElectronPerformanceManager(
    views,
    serviceMetrics,
    requests,
    new ProcessUsageSampler(),
  );
  const parts = {
    views,
    memory,
    serviceMetrics,
    performance,
    requests,
    monitoring,
    sampleMetrics: (at: number) => void history.record(monitoring.metrics.snapshot(), at),
  };
  return { host, views, parts, history, requests };
}

describe('housekeepingRound', () => {
  it('matches processes to views, enforces the budget from those figures and samples the metrics', () => {
    const { host, views, parts, history, requests } = setup();
    const pidOf = new Map([
      [host.latest('a')!.id, 101],
      [host.latest('b')!.id, 102],
      [host.latest('c')!.id, 103],
    ]);
    requests.count(999);
    housekeepingRound(
      parts,
      [
        { pid: 1, memoryKb: 200 * 1024, cpuPercent: 2 },
        { pid: 101, memoryKb: 600 * 1024, cpuPercent: 1 },
        { pid: 102, memoryKb: 500 * 1024, cpuPercent: 4 },
        { pid: 103, memoryKb: 100 * 1024, cpuPercent: 0 },
      ],
      (viewId) => pidOf.get(viewId),
      60_000,
    );
    // 1200 MB over a 1000 MB budget: the least recently used (a) sleeps.
    expect(views.liveViews().map((view) => view.serviceId)).toEqual(['b', 'c']);
    expect(parts.memory.get(host.latest('b')!.id)).toBe(500);
    expect(parts.serviceMetrics.table().map((row) => [row.serviceId, row.memoryMb])).toEqual([
      ['a', 600],
      ['b', 500],
      ['c', 100],
    ]);
    const [sample] = history.samples();
    expect(sample?.at).toBe(60_000);
    // The sample holds the figures as measured, before the budget acted on them.
    expect(sample?.values['views.live']).toBe(3);
    expect(sample?.values['views.memory_mb']).toBe(1200);
    expect(sample?.values['views.cpu_percent']).toBe(5);
    expect(sample?.values['performance.memory_rss_mb']).toBeGreaterThan(0);
    // Counts of views that are gone are dropped.
    expect(requests.of(999)).toBe(0);
  });
});
