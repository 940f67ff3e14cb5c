import type { z } from 'zod';
import { FlowDeskError, parseWith } from '../core';
import type { Result } from '../core';
import { monitoringSectionSchema } from '../workspace/production-config';
import { BreadcrumbTrail, LocalErrorTracker, ProductionErrorHandler } from './errors';
import type { ErrorContext, ErrorReport, HandledError, RecoveryStrategy } from './errors';
import { HealthCheckRegistry } from './health';
import type { HealthCheck, HealthCheckOptions, HealthStatus } from './health';
import { createLogger, RingBufferSink } from './logger';
import type { LogContext, Logger, LogLevel, LogSink } from './logger';
import { MetricsRegistry } from './metrics';
import type { Tags } from './metrics';

/** The seed's MonitoringConfig (one schema, shared with ProductionConfig). */
export const monitoringConfigSchema = monitoringSectionSchema;
export type MonitoringConfig = z.output<typeof monitoringConfigSchema>;

/** The seed's PerformanceMetrics. Memory in megabytes, CPU in percent of one core. */
export interface PerformanceMetrics {
  memoryUsage: { rssMb: number; heapUsedMb?: number };
  cpuUsage: number;
  responseTime: number;
  throughput: number;
  errorRate: number;
}

export interface Transaction {
  readonly name: string;
  setTag(key: string, value: string): void;
  /** Records the duration (once) and returns it in milliseconds. */
  finish(status?: 'ok' | 'error'): number;
}

/**
 * Only used when the user opts in to remote error reporting (errorTracking.localOnly false):
 * receives already-redacted reports.
 */
export type RemoteErrorTransport = (report: ErrorReport) => Promise<void>;

export interface MonitoringDependencies {
  /** Where log records go besides the in-memory ring buffer (a file sink in the desktop app). */
  sinks?: readonly LogSink[];
  now?: () => Date;
  remoteTransport?: RemoteErrorTransport;
  random?: () => number;
  /** Shown to the user for serious errors (a notice in the UI). */
  alert?: (report: ErrorReport) => void | Promise<void>;
}

/** The seed's MonitoringManager over the local logger, metrics, health checks and error handling. */
export interface MonitoringManager {
  getHealthStatus(): Promise<HealthStatus>;
  registerHealthCheck(name: string, check: HealthCheck, options?: HealthCheckOptions): void;
  recordMetric(name: string, value: number, tags?: Tags): void;
  incrementCounter(name: string, tags?: Tags): void;
  recordTiming(name: string, duration: number, tags?: Tags): void;
  captureError(error: Error, context?: ErrorContext): Promise<HandledError>;
  captureException(exception: unknown, context?: ErrorContext): Promise<HandledError>;
  startTransaction(name: string): Transaction;
  recordPerformance(metrics: PerformanceMetrics): void;
  log(level: LogLevel, message: string, metadata?: LogContext): void;
  createLogger(component: string): Logger;
  registerRecoveryStrategy(strategy: RecoveryStrategy): void;
  readonly config: MonitoringConfig;
  readonly logger: Logger;
  readonly metrics: MetricsRegistry;
  readonly health: HealthCheckRegistry;
  readonly errors: LocalErrorTracker;
  /** The last log records, for the diagnostics report. */
  readonly recentLogs: RingBufferSink;
}

/** Parses untrusted monitoring settings (a file, a policy) into a typed config with defaults. */
export function parseMonitoringConfig(input: unknown): Result<MonitoringConfig> {
  return parseWith(
    monitoringConfigSchema,
    input,
    'MONITORING_INVALID_CONFIG',
    'The monitoring settings',
  );
}

export function createMonitoringManager(
  config: MonitoringConfig,
  dependencies: MonitoringDependencies = {},
): MonitoringManager {
  const now = dependencies.now ?? (() => new Date());
  const random = dependencies.random ?? Math.random;
  const recentLogs = new RingBufferSink(1000);
  const breadcrumbs = new BreadcrumbTrail();
  const logger = createLogger({
    level: config.logging.level,
    sinks: [recentLogs, breadcrumbs, ...(dependencies.sinks ?? [])],
    component: 'app',
    now,
  });
  const metrics = new MetricsRegistry();
  const health = new HealthCheckRegistry({ now });
  const errors = new LocalErrorTracker(200, now, breadcrumbs);
  const remote = config.errorTracking.localOnly ? undefined : dependencies.remoteTransport;

  const alert = async (report: ErrorReport) => {
    await dependencies.alert?.(report);
    // Opt-in only, sampled, and the report is already redacted.
    if (remote && random() < config.errorTracking.sampleRate) await remote(report);
  };
  const handler = new ProductionErrorHandler({
    logger: logger.child('errors'),
    tracker: errors,
    alert,
    alertAt: 'high',
    now,
  });

  /** Metric calls never throw into the app: a bad name is logged once per name. */
  const reported = new Set<string>();
  const safely = (name: string, record: () => void) => {
    if (!config.metrics.enabled) return;
    try {
      record();
    } catch (error) {
      if (!reported.has(name)) {
        reported.add(name);
        logger.warn('A metric was not recorded', { metric: name, error });
      }
    }
  };

  const capture = async (thrown: unknown, context?: ErrorContext): Promise<HandledError> => {
    metrics.counter('errors.captured').inc();
    if (!config.errorTracking.enabled) {
      return { report: errors.capture(thrown, context), alerted: false };
    }
    return handler.handleError(thrown, context);
  };

  return {
    config,
    logger,
    metrics,
    health,
    errors,
    recentLogs,
    getHealthStatus: () => health.run(),
    registerHealthCheck: (name, check, options) => health.register(name, check, options),
    recordMetric: (name, value, tags) => safely(name, () => metrics.gauge(name, tags).set(value)),
    incrementCounter: (name, tags) => safely(name, () => metrics.counter(name, tags).inc()),
    recordTiming: (name, duration, tags) =>
      safely(name, () => metrics.timing(name, tags).record(duration)),
    captureError: (error, context) => capture(error, context),
    captureException: (exception, context) => capture(exception, context),
    startTransaction(name) {
      const started = now().getTime();
      const tags: Tags = {};
      let duration: number | undefined;
      return {
        name,
        setTag(key, value) {
          tags[key] = value;
        },
        finish(status = 'ok') {
          if (duration !== undefined) return duration;
          duration = Math.max(0, now().getTime() - started);
          const finished = duration;
          safely(name, () => metrics.timing(name, { ...tags, status }).record(finished));
          return duration;
        },
      };
    },
    recordPerformance(performance) {
      safely('performance', () => {
        metrics.gauge('performance.memory_rss_mb').set(performance.memoryUsage.rssMb);
        if (performance.memoryUsage.heapUsedMb !== undefined) {
          metrics.gauge('performance.memory_heap_used_mb').set(performance.memoryUsage.heapUsedMb);
        }
        metrics.gauge('performance.cpu_percent').set(performance.cpuUsage);
        metrics.timing('performance.response_time_ms').record(performance.responseTime);
        metrics.gauge('performance.throughput').set(performance.throughput);
        metrics.gauge('performance.error_rate').set(performance.errorRate);
      });
    },
    log: (level, message, metadata) => logger.log(level, message, metadata),
    createLogger: (component) => {
      if (!/^[a-z][a-z0-9-]{0,40}$/.test(component)) {
        throw new FlowDeskError(
          'MONITORING_INVALID_COMPONENT',
          `"${component.slice(0, 50)}" is not a component name.`,
        );
      }
      return logger.child(component);
    },
    registerRecoveryStrategy: (strategy) => handler.registerRecoveryStrategy(strategy),
  };
}
