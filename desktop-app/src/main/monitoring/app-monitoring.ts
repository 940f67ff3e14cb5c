import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConsoleSink,
  MetricsHistory,
  createMonitoringManager,
  monitoringConfigSchema,
} from '@flowdesk/shared/monitoring';
import type { MonitoringConfig, MonitoringManager } from '@flowdesk/shared/monitoring';
import { DegradationManager } from '@flowdesk/shared/resilience';
import { readTextFile, writeFileAtomic } from '../data/atomic-file';
import { ErrorHistory } from './error-history';
import { degradeDependencyStrategy } from './recovery-strategies';
import { createRemoteErrorTransport } from './remote-reports';
import type { RemoteReportOptions } from './remote-reports';
import { RotatingFileSink } from './rotating-file-sink';

const DAY_MS = 86_400_000;
/** How long remote reports stay off after the collector failed. */
const REPORTS_RETRY_MS = 30 * 60_000;

export interface AppMonitoringOptions {
  dataDirectory: string;
  logsDirectory: string;
  /** Log to the console too (development builds). */
  console: boolean;
  /** Opt-in remote error reports; absent when the build names no endpoint. */
  errorReports?: Omit<RemoteReportOptions, 'fetch'>;
  config?: Partial<MonitoringConfig>;
}

/**
 * Monitoring as the desktop main process runs it (issue 8): the shared MonitoringManager over a
 * rotating JSON-lines log file, error groups kept across restarts, a metrics ring buffer kept
 * for the configured retention, and remote error reports only when the user opted in — switched
 * off for a while through the DegradationManager when the collector fails.
 */
export function startAppMonitoring(options: AppMonitoringOptions) {
  const config = monitoringConfigSchema.parse({
    ...options.config,
    errorTracking: {
      ...options.config?.errorTracking,
      localOnly: options.errorReports === undefined,
    },
  });
  const logFile = new RotatingFileSink({ directory: options.logsDirectory, name: 'main' });
  const degradation = new DegradationManager({
    features: { 'remote-error-reports': ['error-reports'] },
  });
  degradation.registerService('error-reports');
  const remote = options.errorReports && createRemoteErrorTransport(options.errorReports);
  const monitoring: MonitoringManager = createMonitoringManager(config, {
    sinks: options.console ? [logFile, new ConsoleSink(console)] : [logFile],
    ...(remote
      ? {
          remoteTransport: async (report) => {
            if (!degradation.isFeatureAvailable('remote-error-reports')) return;
            try {
              await remote(report);
            } catch (error) {
              // Classified as a network problem (never alerting, so never sent again from here);
              // the strategy below switches reports off for a while.
              void monitoring.captureException(error, {
                component: 'error-reports',
                dependency: 'error-reports',
              });
            }
          },
        }
      : {}),
  });
  monitoring.registerRecoveryStrategy(
    degradeDependencyStrategy({
      degradation,
      dependencies: ['error-reports'],
      retryAfterMs: REPORTS_RETRY_MS,
    }),
  );

  const errorsPath = join(options.dataDirectory, 'errors.json');
  const errorHistory = new ErrorHistory(monitoring.errors, {
    read: () => {
      const file = readTextFile(errorsPath);
      return file.kind === 'text' ? file.text : undefined;
    },
    write: (text) => writeFileAtomic(errorsPath, text),
  });
  const loadedErrors = errorHistory.load();

  const retentionMs = config.metrics.localRetention * DAY_MS;
  const metricsHistory = new MetricsHistory({
    retentionMs,
    // One sample per interval over the retention, at most a week of minutes.
    capacity: Math.min(10_080, Math.ceil(retentionMs / (config.metrics.interval * 1000))),
  });
  const metricsPath = join(options.dataDirectory, 'metrics.json');
  // The metrics history is read when first needed (the first sample, a minute after start), not
  // during start-up: a week of samples takes tens of milliseconds to check.
  let metricsLoaded = false;
  const loadMetrics = () => {
    if (metricsLoaded) return;
    metricsLoaded = true;
    const metricsFile = readTextFile(metricsPath);
    if (metricsFile.kind !== 'text') return;
    try {
      const samples: unknown = JSON.parse(metricsFile.text);
      if (Array.isArray(samples)) metricsHistory.restore(samples, Date.now());
    } catch {
      // A damaged metrics file costs only the history: it is rewritten at the next save.
    }
  };

  return {
    config,
    monitoring,
    logFile,
    degradation,
    errorHistory,
    loadedErrors,
    /** The metrics ring buffer, with the samples of earlier runs. */
    get metricsHistory() {
      loadMetrics();
      return metricsHistory;
    },
    /** Records one metrics sample into the ring buffer. */
    sampleMetrics(at = Date.now()) {
      loadMetrics();
      if (config.metrics.enabled) metricsHistory.record(monitoring.metrics.snapshot(), at);
    },
    /** Writes what is pending (on quit, after an uncaught exception). */
    flush() {
      logFile.flush();
      errorHistory.flush();
      // Never written before it was read: that would drop the earlier runs' samples.
      if (!metricsLoaded) return;
      try {
        writeFileAtomic(metricsPath, JSON.stringify(metricsHistory.samples()));
      } catch (error) {
        monitoring.logger.warn('Metrics history not saved', { error });
      }
    },
  };
}

export type AppMonitoring = ReturnType<typeof startAppMonitoring>;

/** Crash dumps Electron's crash reporter kept on this computer (uploads are off). */
export function countCrashDumps(directory: string): number {
  const walk = (folder: string, depth: number): number => {
    if (depth > 3) return 0;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return 0;
    }
    return entries.reduce((count, entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return count + walk(path, depth + 1);
      return count + (entry.name.endsWith('.dmp') && statSync(path).size > 0 ? 1 : 0);
    }, 0);
  };
  return walk(directory, 0);
}
