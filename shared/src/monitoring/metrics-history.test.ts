import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './metrics';
import { MetricsHistory, seriesKey } from './metrics-history';

const MINUTE = 60_000;

describe('MetricsHistory', () => {
  it('samples counters, gauges and timings under stable series keys', () => {
    const registry = new MetricsRegistry();
    registry.counter('errors.captured').inc();
    registry.gauge('views.live', { workspace: 'w1' }).set(3);
    registry.timing('ipc', { channel: 'a', status: 'ok' }).record(12);
    const history = new MetricsHistory({ retentionMs: 60 * MINUTE, capacity: 100 });
    const sample = history.record(registry.snapshot(), 1000);
    expect(sample.values).toEqual({
      'errors.captured': 1,
      'views.live{workspace=w1}': 3,
      'ipc{channel=a,status=ok}.count': 1,
      'ipc{channel=a,status=ok}.p95': 12,
    });
    expect(seriesKey('x', { b: '2', a: '1' })).toBe('x{a=1,b=2}');
  });

  it('drops samples past the retention and beyond the capacity, oldest first', () => {
    const registry = new MetricsRegistry();
    const gauge = registry.gauge('memory');
    const history = new MetricsHistory({ retentionMs: 10 * MINUTE, capacity: 5 });
    for (let minute = 0; minute <= 20; minute += 1) {
      gauge.set(minute);
      history.record(registry.snapshot(), minute * MINUTE);
    }
    // Capacity 5 is the tighter bound here: minutes 16..20.
    expect(history.series('memory').map((point) => point.value)).toEqual([16, 17, 18, 19, 20]);

    const byAge = new MetricsHistory({ retentionMs: 3 * MINUTE, capacity: 1000 });
    for (let minute = 0; minute <= 20; minute += 1) {
      gauge.set(minute);
      byAge.record(registry.snapshot(), minute * MINUTE);
    }
    expect(byAge.series('memory').map((point) => point.value)).toEqual([17, 18, 19, 20]);
    expect(byAge.size).toBe(4);
  });

  it('restores samples from an earlier run, checked, in time order, within retention', () => {
    const history = new MetricsHistory({ retentionMs: 10 * MINUTE, capacity: 100 });
    const restored = history.restore(
      [
        { at: 9 * MINUTE, values: { memory: 9 } },
        { at: 2 * MINUTE, values: { memory: 2 } },
        { at: 'soon', values: {} },
        { at: 8 * MINUTE, values: { memory: 'lots' } },
        { at: 7 * MINUTE, values: { memory: 7 } },
      ],
      15 * MINUTE,
    );
    expect(restored).toBe(3);
    // The one from minute 2 is past the retention at minute 15.
    expect(history.samples().map((sample) => sample.values.memory)).toEqual([7, 9]);
  });
});
