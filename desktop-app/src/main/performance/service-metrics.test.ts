import { describe, expect, it } from 'vitest';
import { ServiceMetrics, samplesFromProcesses } from './service-metrics';

const MINUTE = 60_000;

describe('memory and CPU per service', () => {
  it('matches processes to service views by process id, skipping views without one', () => {
    expect(
      samplesFromProcesses(
        [
          { pid: 10, memoryKb: 512_000, cpuPercent: 3.2 },
          { pid: 11, memoryKb: 102_400, cpuPercent: 0 },
        ],
        [
          { serviceId: 'slack', pid: 10 },
          { serviceId: 'notion', pid: 11 },
          { serviceId: 'crashed', pid: 99 },
          { serviceId: 'starting', pid: undefined },
        ],
      ),
    ).toEqual([
      { serviceId: 'slack', memoryMb: 500, cpuPercent: 3.2 },
      { serviceId: 'notion', memoryMb: 100, cpuPercent: 0 },
    ]);
  });

  it('lists the heaviest first with the peak and the recent history, and forgets unloaded services', () => {
    const metrics = new ServiceMetrics(3);
    metrics.record(
      [
        { serviceId: 'slack', memoryMb: 300, cpuPercent: 1 },
        { serviceId: 'notion', memoryMb: 200, cpuPercent: 0.04 },
      ],
      0,
    );
    metrics.record(
      [
        { serviceId: 'slack', memoryMb: 450.4, cpuPercent: 12.34 },
        { serviceId: 'notion', memoryMb: 600, cpuPercent: 2 },
      ],
      MINUTE,
    );
    metrics.record(
      [
        { serviceId: 'slack', memoryMb: 350, cpuPercent: 2 },
        { serviceId: 'notion', memoryMb: 650, cpuPercent: 1 },
      ],
      2 * MINUTE,
    );
    metrics.record(
      [
        { serviceId: 'slack', memoryMb: 320, cpuPercent: 0 },
        { serviceId: 'notion', memoryMb: 640, cpuPercent: 1 },
      ],
      3 * MINUTE,
    );
    expect(metrics.table()).toEqual([
      {
        serviceId: 'notion',
        memoryMb: 640,
        cpuPercent: 1,
        peakMemoryMb: 650,
        memoryHistory: [600, 650, 640],
        sampledAt: new Date(3 * MINUTE).toISOString(),
      },
      {
        serviceId: 'slack',
        memoryMb: 320,
        cpuPercent: 0,
        // The capacity is 3: the first sample (300) has gone, the peak is of what is kept.
        peakMemoryMb: 450,
        memoryHistory: [450, 350, 320],
        sampledAt: new Date(3 * MINUTE).toISOString(),
      },
    ]);
    metrics.record([{ serviceId: 'slack', memoryMb: 100, cpuPercent: -1 }], 4 * MINUTE);
    expect(metrics.table().map((row) => [row.serviceId, row.cpuPercent])).toEqual([['slack', 0]]);
  });
});
