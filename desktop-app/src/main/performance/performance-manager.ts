import type { LiveView, ViewManager } from '../views/view-manager';
import type { ProcessUsage, ProcessUsageSampler } from './process-usage';
import type { ServiceMetrics } from './service-metrics';

/** The seed's BrowserViewMetrics for one service view. */
export interface ViewPerformance {
  serviceId: string;
  /** From creating the page to its first load finishing; undefined while it still loads. */
  loadTimeMs: number | undefined;
  memoryMb: number;
  cpuPercent: number;
  /** Requests the page made since it was (re)started. */
  requestCount: number;
}

export interface WorkspaceMemoryProfile {
  workspaceId: string;
  totalMb: number;
  /** The heaviest first. */
  services: { serviceId: string; memoryMb: number }[];
}

export interface CpuUsageReport {
  mainProcess: ProcessUsage;
  /** Sum over the loaded service views, in percent of one core. */
  servicesPercent: number;
  busiest: { serviceId: string; cpuPercent: number } | undefined;
}

/** Requests per web contents, counted in the sessions' onBeforeRequest (one listener each). */
export class RequestCounter {
  private readonly counts = new Map<number, number>();

  count(webContentsId: number | undefined): void {
    if (webContentsId === undefined) return;
    this.counts.set(webContentsId, (this.counts.get(webContentsId) ?? 0) + 1);
  }

  of(webContentsId: number): number {
    return this.counts.get(webContentsId) ?? 0;
  }

  /** Drops the counts of views that no longer exist. */
  retain(liveIds: Iterable<number>): void {
    const keep = new Set(liveIds);
    for (const id of [...this.counts.keys()]) if (!keep.has(id)) this.counts.delete(id);
  }
}

/**
 * The seed's ElectronPerformanceManager over what the main process measures: per-view memory
 * and CPU (app.getAppMetrics matched by getOSProcessId, in ServiceMetrics), load times and
 * request counts, workspace memory profiles, CPU use, and cleaning up idle views. The memory
 * budget and per-service ceilings live in the view manager; start-up phases in StartupRecorder.
 */
export class ElectronPerformanceManager {
  constructor(
    private readonly views: Pick<ViewManager, 'liveViews' | 'hibernateInactive'>,
    private readonly metrics: ServiceMetrics,
    private readonly requests: RequestCounter,
    private readonly mainProcess: ProcessUsageSampler,
  ) {}

  measureBrowserViewPerformance(serviceId: string): ViewPerformance | undefined {
    const view = this.views.liveViews().find((live) => live.serviceId === serviceId);
    if (!view) return undefined;
    return this.performanceOf(view);
  }

  profileWorkspaceMemory(workspaceId: string): WorkspaceMemoryProfile {
    const services = this.views
      .liveViews()
      .filter((view) => view.workspaceId === workspaceId)
      .map((view) => ({
        serviceId: view.serviceId,
        memoryMb: this.rowOf(view.serviceId)?.memoryMb ?? 0,
      }))
      .sort((a, b) => b.memoryMb - a.memoryMb);
    return {
      workspaceId,
      totalMb: services.reduce((sum, service) => sum + service.memoryMb, 0),
      services,
    };
  }

  monitorCPUUsage(): CpuUsageReport {
    const rows = this.views
      .liveViews()
      .map((view) => ({
        serviceId: view.serviceId,
        cpuPercent: this.rowOf(view.serviceId)?.cpuPercent ?? 0,
      }))
      .sort((a, b) => b.cpuPercent - a.cpuPercent);
    return {
      mainProcess: this.mainProcess.sample(),
      servicesPercent: Math.round(rows.reduce((sum, row) => sum + row.cpuPercent, 0) * 10) / 10,
      busiest: rows[0] && rows[0].cpuPercent > 0 ? rows[0] : undefined,
    };
  }

  /** Hibernates the views not used for `idleMinutes` (the active one, audio and calls stay). */
  cleanupInactiveBrowserViews(idleMinutes: number): string[] {
    const cleaned = this.views.hibernateInactive(idleMinutes * 60_000);
    this.requests.retain(this.views.liveViews().map((view) => view.viewId));
    return cleaned;
  }

  private performanceOf(view: LiveView): ViewPerformance {
    const row = this.rowOf(view.serviceId);
    return {
      serviceId: view.serviceId,
      loadTimeMs: view.loadMs,
      memoryMb: row?.memoryMb ?? 0,
      cpuPercent: row?.cpuPercent ?? 0,
      requestCount: this.requests.of(view.viewId),
    };
  }

  private rowOf(serviceId: string) {
    return this.metrics.table().find((row) => row.serviceId === serviceId);
  }
}
