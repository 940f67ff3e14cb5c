import { describe, expect, it } from 'vitest';
import { MAX_SERIES, MetricsRegistry, TIMING_RESERVOIR, percentile } from './metrics';

describe('percentile (nearest rank)', () => {
  it('matches the textbook values', () => {
    const sorted = [15, 20, 35, 40, 50];
    expect(percentile(sorted, 5)).toBe(15);
    expect(percentile(sorted, 30)).toBe(20);
    expect(percentile(sorted, 40)).toBe(20);
    expect(percentile(sorted, 50)).toBe(35);
    expect(percentile(sorted, 100)).toBe(50);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('MetricsRegistry', () => {
  it('counts, gauges and times by name and tags', () => {
    const metrics = new MetricsRegistry();
    metrics.counter('views.created', { kind: 'service' }).inc();
    metrics.counter('views.created', { kind: 'service' }).inc(2);
    metrics.counter('views.created', { kind: 'service' }).inc(-5);
    metrics.counter('views.created').inc();
    const gauge = metrics.gauge('views.live');
    gauge.set(4);
    gauge.inc();
    gauge.dec(2);
    gauge.set(Number.NaN);
    const timing = metrics.timing('store.load_ms');
    for (let i = 1; i <= 100; i += 1) timing.record(i);
    timing.record(-1);
    timing.record(Number.POSITIVE_INFINITY);
    expect(metrics.snapshot()).toEqual({
      counters: [
        { name: 'views.created', tags: { kind: 'service' }, value: 3 },
        { name: 'views.created', tags: {}, value: 1 },
      ],
      gauges: [{ name: 'views.live', tags: {}, value: 3 }],
      timings: [
        {
          name: 'store.load_ms',
          tags: {},
          count: 100,
          min: 1,
          max: 100,
          mean: 50.5,
          p50: 50,
          p90: 90,
          p95: 95,
          p99: 99,
        },
      ],
    });
  });

  it('treats tag order as irrelevant', () => {
    const metrics = new MetricsRegistry();
    metrics.counter('x', { a: '1', b: '2' }).inc();
    metrics.counter('x', { b: '2', a: '1' }).inc();
    expect(metrics.snapshot().counters).toEqual([
      { name: 'x', tags: { a: '1', b: '2' }, value: 2 },
    ]);
  });

  it('keeps a bounded reservoir for percentiles but exact count, min and max', () => {
    const timing = new MetricsRegistry().timing('t');
    for (let i = 0; i < TIMING_RESERVOIR * 3; i += 1) timing.record(i);
    const summary = timing.summary();
    expect(summary.count).toBe(TIMING_RESERVOIR * 3);
    expect(summary.min).toBe(0);
    expect(summary.max).toBe(TIMING_RESERVOIR * 3 - 1);
    expect(summary.p50).toBeGreaterThanOrEqual(TIMING_RESERVOIR * 2);
    expect(new MetricsRegistry().timing('empty').summary()).toMatchObject({
      count: 0,
      min: 0,
      max: 0,
      mean: 0,
    });
  });

  it('times with a stopwatch', () => {
    let clock = 1000;
    const timing = new MetricsRegistry().timing('switch_ms');
    const stop = timing.startTimer(() => clock);
    clock += 42;
    expect(stop()).toBe(42);
    expect(timing.summary()).toMatchObject({ count: 1, p50: 42 });
    expect(() => timing.startTimer()()).not.toThrow();
  });

  it('refuses bad names, bad tags and unbounded series', () => {
    const metrics = new MetricsRegistry();
    expect(() => metrics.counter('Bad Name')).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_NAME' }),
    );
    expect(() => metrics.counter('ok', { 'Bad Key': 'x' })).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_NAME' }),
    );
    expect(() => metrics.counter('ok', { k: 'x'.repeat(101) })).toThrow(
      expect.objectContaining({ code: 'METRICS_INVALID_NAME' }),
    );
    for (let i = 0; i < MAX_SERIES; i += 1) metrics.counter('series', { i: String(i) });
    expect(() => metrics.gauge('one_more')).toThrow(
      expect.objectContaining({ code: 'METRICS_TOO_MANY_SERIES' }),
    );
    metrics.reset();
    expect(metrics.snapshot()).toEqual({ counters: [], gauges: [], timings: [] });
  });
});
