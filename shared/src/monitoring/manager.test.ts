import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { RingBufferSink } from './logger';
import { createMonitoringManager, monitoringConfigSchema, parseMonitoringConfig } from './manager';

const config = (input: unknown = {}) => monitoringConfigSchema.parse(input);

describe('createMonitoringManager', () => {
  it('records metrics under the seed’s names and never throws on a bad name', () => {
    const sink = new RingBufferSink();
    const monitoring = createMonitoringManager(config(), { sinks: [sink] });
    monitoring.recordMetric('views.live', 4);
    monitoring.incrementCounter('views.created', { kind: 'service' });
    monitoring.recordTiming('views.switch_ms', 12);
    monitoring.recordMetric('Bad Name', 1);
    monitoring.recordMetric('Bad Name', 2);
    const snapshot = monitoring.metrics.snapshot();
    expect(snapshot.gauges).toEqual([{ name: 'views.live', tags: {}, value: 4 }]);
    expect(snapshot.counters).toEqual([
      { name: 'views.created', tags: { kind: 'service' }, value: 1 },
    ]);
    expect(snapshot.timings[0]).toMatchObject({ name: 'views.switch_ms', count: 1 });
    expect(
      sink.records().filter((record) => record.message === 'A metric was not recorded'),
    ).toHaveLength(1);
  });

  it('records nothing when metrics are off', () => {
    const monitoring = createMonitoringManager(config({ metrics: { enabled: false } }));
    monitoring.incrementCounter('x');
    expect(monitoring.metrics.snapshot().counters).toEqual([]);
  });

  it('times transactions once, with tags and status', () => {
    let clock = 0;
    const monitoring = createMonitoringManager(config(), { now: () => new Date(clock) });
    const transaction = monitoring.startTransaction('store.load');
    transaction.setTag('source', 'disk');
    clock = 35;
    expect(transaction.finish()).toBe(35);
    clock = 99;
    expect(transaction.finish('error')).toBe(35);
    expect(monitoring.metrics.snapshot().timings).toEqual([
      expect.objectContaining({
        name: 'store.load',
        tags: { source: 'disk', status: 'ok' },
        count: 1,
        max: 35,
      }),
    ]);
  });

  it('records performance figures', () => {
    const monitoring = createMonitoringManager(config());
    monitoring.recordPerformance({
      memoryUsage: { rssMb: 300, heapUsedMb: 80 },
      cpuUsage: 12,
      responseTime: 40,
      throughput: 3,
      errorRate: 0,
    });
    monitoring.recordPerformance({
      memoryUsage: { rssMb: 310 },
      cpuUsage: 10,
      responseTime: 20,
      throughput: 3,
      errorRate: 0,
    });
    const gauges = Object.fromEntries(
      monitoring.metrics.snapshot().gauges.map((gauge) => [gauge.name, gauge.value]),
    );
    expect(gauges).toMatchObject({
      'performance.memory_rss_mb': 310,
      'performance.memory_heap_used_mb': 80,
      'performance.cpu_percent': 10,
    });
  });

  it('keeps errors on the device unless remote reporting was opted in', async () => {
    const remoteTransport = vi.fn(() => Promise.resolve());
    const alert = vi.fn();
    const local = createMonitoringManager(config(), { remoteTransport, alert });
    await local.captureError(new FlowDeskError('STORE_CORRUPT', 'x'));
    expect(alert).toHaveBeenCalledTimes(1);
    expect(remoteTransport).not.toHaveBeenCalled();
    expect(local.errors.list()).toHaveLength(1);

    const optedIn = createMonitoringManager(
      config({ errorTracking: { localOnly: false, sampleRate: 0.5 } }),
      {
        remoteTransport,
        random: () => 0.1,
      },
    );
    await optedIn.captureException('thrown text', { component: 'ui' });
    await optedIn.captureError(
      new FlowDeskError('RENDERER_CRASHED', 'view s1 crashed for a@b.com'),
    );
    expect(remoteTransport).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(remoteTransport.mock.calls)).not.toContain('a@b.com');
  });

  it('only tracks when error tracking is off', async () => {
    const alert = vi.fn();
    const monitoring = createMonitoringManager(config({ errorTracking: { enabled: false } }), {
      alert,
    });
    const handled = await monitoring.captureError(new FlowDeskError('STORE_CORRUPT', 'x'));
    expect(handled.alerted).toBe(false);
    expect(alert).not.toHaveBeenCalled();
  });

  it('runs recovery strategies registered through it', async () => {
    const monitoring = createMonitoringManager(config());
    monitoring.registerRecoveryStrategy({
      name: 'r',
      canRecover: () => true,
      recover: () => Promise.resolve({ recovered: true }),
    });
    expect((await monitoring.captureError(new Error('x'))).recovery).toEqual({
      strategy: 'r',
      recovered: true,
    });
  });

  it('runs health checks and logs through component loggers', async () => {
    const monitoring = createMonitoringManager(config({ logging: { level: 'debug' } }));
    monitoring.registerHealthCheck('store', () => Promise.resolve({ status: 'healthy' }));
    expect((await monitoring.getHealthStatus()).status).toBe('healthy');
    monitoring.createLogger('views').debug('hello');
    monitoring.log('info', 'top', { a: 1 });
    expect(monitoring.recentLogs.records().map((record) => record.component)).toEqual([
      'app.views',
      'app',
    ]);
    expect(() => monitoring.createLogger('Bad Component')).toThrow(
      expect.objectContaining({ code: 'MONITORING_INVALID_COMPONENT' }),
    );
  });
});

describe('parseMonitoringConfig', () => {
  it('fills privacy-first defaults and refuses bad settings with a typed error', () => {
    const parsed = parseMonitoringConfig({});
    expect(parsed.ok && parsed.value.errorTracking.localOnly).toBe(true);
    const bad = parseMonitoringConfig({ logging: { level: 'loud' } });
    expect(!bad.ok && bad.error.code).toBe('MONITORING_INVALID_CONFIG');
  });
});
