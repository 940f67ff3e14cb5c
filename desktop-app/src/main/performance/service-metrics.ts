/**
 * Memory and CPU per service over time (issue 8: "which service eats my memory?"). The main
 * process samples app.getAppMetrics() for each live service view every minute; this keeps the
 * recent samples of each service in a ring buffer and answers the diagnostics table.
 */

export interface ServiceSample {
  serviceId: string;
  memoryMb: number;
  /** Share of one CPU core since the previous sample, in percent. */
  cpuPercent: number;
}

export interface ServiceMetricsRow {
  serviceId: string;
  memoryMb: number;
  cpuPercent: number;
  peakMemoryMb: number;
  /** Memory of the recent samples, oldest first (the sparkline). */
  memoryHistory: number[];
  sampledAt: string;
}

interface Series {
  times: number[];
  memory: number[];
  cpu: number[];
}

export class ServiceMetrics {
  private readonly series = new Map<string, Series>();

  /** `capacity` samples per service: two hours at one a minute by default. */
  constructor(private readonly capacity = 120) {}

  /** One sampling round: services not in it are no longer loaded and are forgotten. */
  record(samples: readonly ServiceSample[], at: number): void {
    const present = new Set(samples.map((sample) => sample.serviceId));
    for (const serviceId of [...this.series.keys()]) {
      if (!present.has(serviceId)) this.series.delete(serviceId);
    }
    for (const sample of samples) {
      const series = this.series.get(sample.serviceId) ?? { times: [], memory: [], cpu: [] };
      series.times.push(at);
      series.memory.push(Math.max(0, Math.round(sample.memoryMb)));
      series.cpu.push(Math.max(0, Math.round(sample.cpuPercent * 10) / 10));
      if (series.times.length > this.capacity) {
        series.times.shift();
        series.memory.shift();
        series.cpu.shift();
      }
      this.series.set(sample.serviceId, series);
    }
  }

  /** The loaded services, the heaviest first. */
  table(): ServiceMetricsRow[] {
    return [...this.series.entries()]
      .map(([serviceId, series]) => ({
        serviceId,
        memoryMb: series.memory.at(-1) ?? 0,
        cpuPercent: series.cpu.at(-1) ?? 0,
        peakMemoryMb: Math.max(0, ...series.memory),
        memoryHistory: series.memory.slice(-30),
        sampledAt: new Date(series.times.at(-1) ?? 0).toISOString(),
      }))
      .sort((a, b) => b.memoryMb - a.memoryMb || a.serviceId.localeCompare(b.serviceId));
  }
}

/**
 * Matches process metrics to service views: a view's renderer is the process whose id its web
 * contents report. Views sharing a process (same site) each show that process's figures.
 */
export function samplesFromProcesses(
  processes: readonly { pid: number; memoryKb: number; cpuPercent: number }[],
  views: readonly { serviceId: string; pid: number | undefined }[],
): ServiceSample[] {
  const byPid = new Map(processes.map((process) => [process.pid, process]));
  return views.flatMap(({ serviceId, pid }) => {
    const process = pid === undefined ? undefined : byPid.get(pid);
    return process
      ? [{ serviceId, memoryMb: process.memoryKb / 1024, cpuPercent: process.cpuPercent }]
      : [];
  });
}
