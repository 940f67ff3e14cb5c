import type { MonitoringManager } from '@flowdesk/shared/monitoring';
import type {
  ElectronPerformanceManager,
  RequestCounter,
} from '../performance/performance-manager';
import { samplesFromProcesses } from '../performance/service-metrics';
import type { ServiceMetrics } from '../performance/service-metrics';
import type { ViewManager } from '../views/view-manager';

/** One process as app.getAppMetrics() describes it: memory in KB, CPU since the last call. */
export interface ProcessFigure {
  pid: number;
  memoryKb: number;
  cpuPercent: number;
}

export interface HousekeepingParts {
  views: Pick<ViewManager, 'liveViews' | 'liveCount' | 'tick'>;
  /** Memory per view id in MB, read by the view manager's budget and ceilings. */
  memory: Map<number, number>;
  serviceMetrics: ServiceMetrics;
  performance: Pick<ElectronPerformanceManager, 'monitorCPUUsage'>;
  requests: RequestCounter;
  monitoring: Pick<MonitoringManager, 'recordPerformance' | 'recordMetric'>;
  /** Records the metrics sample into the ring buffer. */
  sampleMetrics: (at: number) => void;
}

/**
 * The minute's monitoring round of the main process (issue 8), apart from Electron so it can be
 * tested and measured: per-view memory and CPU matched by process id, the app's own figures and
 * one metrics sample, then the view manager's housekeeping (ceilings, idle, budget) on them.
 */
export function housekeepingRound(
  parts: HousekeepingParts,
  processes: readonly ProcessFigure[],
  pidOfView: (viewId: number) => number | undefined,
  at: number,
): void {
  const live = parts.views.liveViews();
  const byPid = new Map(processes.map((figure) => [figure.pid, figure]));
  parts.memory.clear();
  for (const view of live) {
    const pid = pidOfView(view.viewId);
    const figure = pid === undefined ? undefined : byPid.get(pid);
    if (figure) parts.memory.set(view.viewId, Math.round(figure.memoryKb / 1024));
  }
  parts.serviceMetrics.record(
    samplesFromProcesses(
      processes,
      live.map((view) => ({ serviceId: view.serviceId, pid: pidOfView(view.viewId) })),
    ),
    at,
  );
  // The figures as measured, then the view manager acts on them.
  const cpu = parts.performance.monitorCPUUsage();
  parts.monitoring.recordPerformance({
    memoryUsage: { rssMb: cpu.mainProcess.rssMb, heapUsedMb: cpu.mainProcess.heapUsedMb },
    cpuUsage: cpu.mainProcess.cpuPercent,
    responseTime: 0,
    throughput: 0,
    errorRate: 0,
  });
  parts.monitoring.recordMetric('views.live', parts.views.liveCount());
  parts.monitoring.recordMetric('views.cpu_percent', cpu.servicesPercent);
  parts.monitoring.recordMetric(
    'views.memory_mb',
    parts.serviceMetrics.table().reduce((sum, row) => sum + row.memoryMb, 0),
  );
  parts.sampleMetrics(at);
  parts.views.tick();
  parts.requests.retain(parts.views.liveViews().map((view) => view.viewId));
}
