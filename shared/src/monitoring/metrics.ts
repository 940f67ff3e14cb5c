import { FlowDeskError } from '../core';

export type Tags = Record<string, string>;

const METRIC_NAME = /^[a-z][a-z0-9_.]{0,99}$/;
const MAX_TAGS = 10;
/** Distinct name+tags combinations kept; more means a tag carries unbounded values (a bug). */
export const MAX_SERIES = 2000;
/** Samples kept per timing for percentiles; count, min, max and mean cover all samples. */
export const TIMING_RESERVOIR = 1024;

export interface TimingSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
}

export interface MetricsSnapshot {
  counters: { name: string; tags: Tags; value: number }[];
  gauges: { name: string; tags: Tags; value: number }[];
  timings: ({ name: string; tags: Tags } & TimingSummary)[];
}

/** Nearest-rank percentile of ascending `sorted` values; 0 when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

class Timing {
  private samples: number[] = [];
  private next = 0;
  count = 0;
  min = Infinity;
  max = -Infinity;
  sum = 0;

  record(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.count += 1;
    this.sum += ms;
    this.min = Math.min(this.min, ms);
    this.max = Math.max(this.max, ms);
    if (this.samples.length < TIMING_RESERVOIR) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % TIMING_RESERVOIR;
  }

  summary(): TimingSummary {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const empty = this.count === 0;
    return {
      count: this.count,
      min: empty ? 0 : this.min,
      max: empty ? 0 : this.max,
      mean: empty ? 0 : this.sum / this.count,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  }
}

interface Series<T> {
  name: string;
  tags: Tags;
  metric: T;
}

/**
 * Counters, gauges and timings with tags, kept in memory and on the device. Names are
 * `lower_snake.dotted`; an invalid name or too many series is a programming error and throws
 * METRICS_INVALID_NAME / METRICS_TOO_MANY_SERIES (the MonitoringManager catches and logs it).
 */
export class MetricsRegistry {
  private readonly counters = new Map<string, Series<{ value: number }>>();
  private readonly gauges = new Map<string, Series<{ value: number }>>();
  private readonly timings = new Map<string, Series<Timing>>();

  counter(name: string, tags: Tags = {}) {
    const series = this.series(this.counters, name, tags, () => ({ value: 0 }));
    return {
      inc: (by = 1) => {
        if (Number.isFinite(by) && by >= 0) series.value += by;
      },
      get value() {
        return series.value;
      },
    };
  }

  gauge(name: string, tags: Tags = {}) {
    const series = this.series(this.gauges, name, tags, () => ({ value: 0 }));
    const finite = (value: number) => (Number.isFinite(value) ? value : series.value);
    return {
      set: (value: number) => {
        series.value = finite(value);
      },
      inc: (by = 1) => {
        series.value = finite(series.value + by);
      },
      dec: (by = 1) => {
        series.value = finite(series.value - by);
      },
      get value() {
        return series.value;
      },
    };
  }

  timing(name: string, tags: Tags = {}) {
    const series = this.series(this.timings, name, tags, () => new Timing());
    return {
      record: (ms: number) => series.record(ms),
      /** Starts a stopwatch; calling the result records and returns the elapsed milliseconds. */
      startTimer: (now: () => number = () => Date.now()) => {
        const started = now();
        return () => {
          const elapsed = Math.max(0, now() - started);
          series.record(elapsed);
          return elapsed;
        };
      },
      summary: () => series.summary(),
    };
  }

  snapshot(): MetricsSnapshot {
    return {
      counters: [...this.counters.values()].map(({ name, tags, metric }) => ({
        name,
        tags,
        value: metric.value,
      })),
      gauges: [...this.gauges.values()].map(({ name, tags, metric }) => ({
        name,
        tags,
        value: metric.value,
      })),
      timings: [...this.timings.values()].map(({ name, tags, metric }) => ({
        name,
        tags,
        ...metric.summary(),
      })),
    };
  }

  reset(): void {
    this.counters.clear();
    this.gauges.clear();
    this.timings.clear();
  }

  private series<T>(map: Map<string, Series<T>>, name: string, tags: Tags, create: () => T): T {
    if (!METRIC_NAME.test(name)) {
      throw new FlowDeskError(
        'METRICS_INVALID_NAME',
        `"${name.slice(0, 100)}" is not a metric name (lower_snake.dotted).`,
      );
    }
    const entries = Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (
      entries.length > MAX_TAGS ||
      entries.some(
        ([key, value]) => !METRIC_NAME.test(key) || typeof value !== 'string' || value.length > 100,
      )
    ) {
      throw new FlowDeskError('METRICS_INVALID_NAME', `The tags of ${name} are not valid.`);
    }
    const key = `${name}|${entries.map(([k, v]) => `${k}=${v}`).join(',')}`;
    const existing = map.get(key);
    if (existing) return existing.metric;
    if (this.counters.size + this.gauges.size + this.timings.size >= MAX_SERIES) {
      throw new FlowDeskError(
        'METRICS_TOO_MANY_SERIES',
        `Too many metric series; ${name} was not recorded.`,
      );
    }
    const metric = create();
    map.set(key, { name, tags: Object.fromEntries(entries), metric });
    return metric;
  }
}
