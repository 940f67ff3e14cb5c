import { z } from 'zod';
import type { MetricsSnapshot, Tags } from './metrics';

/** One sample of every counter and gauge (and each timing's count and p95), by series key. */
export interface MetricSample {
  /** Milliseconds since the epoch. */
  at: number;
  values: Record<string, number>;
}

export const metricSampleSchema = z.strictObject({
  at: z.int().min(0),
  values: z
    .record(z.string().max(300), z.number())
    .refine((values) => Object.keys(values).length <= 2000, 'At most 2000 series.'),
});

/** `name` or `name{a=1,b=2}` (tags sorted), the key of a series in a sample. */
export function seriesKey(name: string, tags: Tags): string {
  const pairs = Object.entries(tags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

export interface MetricsHistoryOptions {
  /** Samples older than this are dropped (MonitoringConfig metrics.localRetention, in ms). */
  retentionMs: number;
  /** At most this many samples, oldest dropped first. */
  capacity: number;
}

/**
 * The local ring buffer of metric samples the seed's MonitoringManager keeps: bounded by age and
 * by count, so it never grows with uptime. Nothing in it leaves the device.
 */
export class MetricsHistory {
  private buffer: MetricSample[] = [];

  constructor(private readonly options: MetricsHistoryOptions) {}

  record(snapshot: MetricsSnapshot, at: number): MetricSample {
    const values: Record<string, number> = {};
    for (const { name, tags, value } of [...snapshot.counters, ...snapshot.gauges]) {
      values[seriesKey(name, tags)] = value;
    }
    for (const { name, tags, count, p95 } of snapshot.timings) {
      values[`${seriesKey(name, tags)}.count`] = count;
      values[`${seriesKey(name, tags)}.p95`] = p95;
    }
    const sample = { at, values };
    this.buffer.push(sample);
    this.prune(at);
    return sample;
  }

  /** Puts back samples kept from an earlier run; those that fail the schema are left out. */
  restore(candidates: readonly unknown[], now: number): number {
    const restored = candidates.flatMap((candidate) => {
      const parsed = metricSampleSchema.safeParse(candidate);
      return parsed.success ? [parsed.data] : [];
    });
    this.buffer = [...restored, ...this.buffer].sort((a, b) => a.at - b.at);
    this.prune(now);
    return restored.length;
  }

  /** Oldest first. */
  samples(): MetricSample[] {
    return this.buffer.map((sample) => ({ at: sample.at, values: { ...sample.values } }));
  }

  /** One series over time, oldest first; samples without it are skipped. */
  series(key: string): { at: number; value: number }[] {
    return this.buffer.flatMap((sample) =>
      key in sample.values ? [{ at: sample.at, value: sample.values[key]! }] : [],
    );
  }

  get size(): number {
    return this.buffer.length;
  }

  private prune(now: number): void {
    const oldest = now - this.options.retentionMs;
    let drop = 0;
    while (drop < this.buffer.length && this.buffer[drop]!.at < oldest) drop += 1;
    const over = this.buffer.length - drop - this.options.capacity;
    this.buffer.splice(0, drop + Math.max(0, over));
  }
}
