import type { ErrorGroup, HealthReport, IpcResponse } from '@flowdesk/shared/ipc';
import type { ErrorReport, HealthStatus, MonitoringManager } from '@flowdesk/shared/monitoring';
import { gatherDiagnostics, previewDiagnostics } from './diagnostics-files';
import type { DiagnosticsFile, DiagnosticsSources } from './diagnostics-files';

/** What Settings → Diagnostics reads: recent problems, health, the export. */
export interface AppDiagnostics {
  errors(): ErrorGroup[];
  clearErrors(): void;
  health(): Promise<HealthReport>;
  exportPreview(): Promise<IpcResponse<'diagnostics:export-preview'>>;
  export(): Promise<IpcResponse<'diagnostics:export'>>;
}

export interface AppDiagnosticsOptions {
  monitoring: Pick<MonitoringManager, 'errors' | 'getHealthStatus'>;
  /** The parts of the archive besides health and errors. */
  sources: Omit<DiagnosticsSources, 'health' | 'errors'>;
  /** Asks the user where to save (a save dialog); undefined when cancelled. */
  chooseDestination: (suggestedName: string) => Promise<string | undefined>;
  /** Writes the archive (diagnostics-archive.ts in the app; injected: the UI tests run in a page). */
  save: (files: readonly DiagnosticsFile[], destination: string, at: Date) => Promise<void>;
  now?: () => Date;
}

export function errorGroupOf(report: ErrorReport): ErrorGroup {
  const component = report.context.component;
  return {
    id: report.id,
    code: report.classification.code.slice(0, 100),
    category: report.classification.category,
    severity: report.classification.severity,
    message: report.error.message.slice(0, 2000),
    ...(typeof component === 'string' ? { component: component.slice(0, 60) } : {}),
    count: report.count,
    firstSeen: report.firstSeen,
    lastSeen: report.lastSeen,
    breadcrumbs: report.breadcrumbs.slice(-50),
  };
}

export function healthReportOf(status: HealthStatus): HealthReport {
  return {
    status: status.status,
    checkedAt: status.timestamp.toISOString(),
    uptimeSeconds: status.uptime,
    checks: Object.entries(status.checks).map(([name, check]) => ({
      name,
      status: check.status,
      ...(check.message === undefined ? {} : { message: check.message.slice(0, 1000) }),
      durationMs: check.durationMs,
      critical: check.critical,
    })),
  };
}

/** `flowdesk-diagnostics-20261124-1030.tar.gz`, in local time (the user's clock). */
export function suggestedArchiveName(at: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `flowdesk-diagnostics-${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}.tar.gz`;
}

export function createAppDiagnostics(options: AppDiagnosticsOptions): AppDiagnostics {
  const now = options.now ?? (() => new Date());
  const gather = () =>
    gatherDiagnostics({
      ...options.sources,
      health: async () => healthReportOf(await options.monitoring.getHealthStatus()),
      errors: () => options.monitoring.errors.list(),
    });
  return {
    errors: () => options.monitoring.errors.list().map(errorGroupOf),
    clearErrors: () => options.monitoring.errors.clear(),
    health: async () => healthReportOf(await options.monitoring.getHealthStatus()),
    exportPreview: async () => previewDiagnostics(await gather()),
    async export() {
      const destination = await options.chooseDestination(suggestedArchiveName(now()));
      if (destination === undefined) return { savedTo: null };
      await options.save(await gather(), destination, now());
      return { savedTo: destination };
    },
  };
}
