/**
 * CPU and memory of the main process itself (the seed's monitorCPUUsage, for our own process):
 * CPU is the share of one core used since the previous sample, from process.cpuUsage().
 */
export interface ProcessLike {
  cpuUsage(): { user: number; system: number };
  memoryUsage(): { rss: number; heapUsed: number };
}

export interface ProcessUsage {
  cpuPercent: number;
  rssMb: number;
  heapUsedMb: number;
}

export class ProcessUsageSampler {
  private last: { cpuMicros: number; at: number } | undefined;

  constructor(
    private readonly source: ProcessLike = process,
    private readonly now: () => number = () => performance.now(),
  ) {}

  sample(): ProcessUsage {
    const { user, system } = this.source.cpuUsage();
    const cpuMicros = user + system;
    const at = this.now();
    const previous = this.last;
    this.last = { cpuMicros, at };
    const elapsedMs = previous ? at - previous.at : 0;
    const cpuPercent =
      previous && elapsedMs > 0 ? ((cpuMicros - previous.cpuMicros) / 1000 / elapsedMs) * 100 : 0;
    const memory = this.source.memoryUsage();
    return {
      cpuPercent: Math.max(0, Math.round(cpuPercent * 10) / 10),
      rssMb: Math.round(memory.rss / (1024 * 1024)),
      heapUsedMb: Math.round(memory.heapUsed / (1024 * 1024)),
    };
  }
}
