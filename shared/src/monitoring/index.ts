export {
  BreadcrumbTrail,
  LocalErrorTracker,
  breadcrumbSchema,
  ProductionErrorHandler,
  classifyError,
  errorReportSchema,
  isAtLeast,
} from './errors';
export type {
  Breadcrumb,
  ErrorCategory,
  ErrorClassification,
  ErrorContext,
  ErrorReport,
  ErrorSeverity,
  HandledError,
  ProductionErrorHandlerOptions,
  RecoveryResult,
  RecoveryStrategy,
} from './errors';
export { HealthCheckRegistry } from './health';
export type {
  HealthCheck,
  HealthCheckOptions,
  HealthCheckOutcome,
  HealthCheckResult,
  HealthState,
  HealthStatus,
} from './health';
export {
  ConsoleSink,
  LOG_LEVELS,
  RingBufferSink,
  createLogger,
  formatLogLine,
  levelValue,
  logLevelSchema,
} from './logger';
export type {
  ConsoleLike,
  LogContext,
  LogLevel,
  LogRecord,
  LogSink,
  Logger,
  LoggerOptions,
} from './logger';
export { createMonitoringManager, monitoringConfigSchema, parseMonitoringConfig } from './manager';
export type {
  MonitoringConfig,
  MonitoringDependencies,
  MonitoringManager,
  PerformanceMetrics,
  RemoteErrorTransport,
  Transaction,
} from './manager';
export { MAX_SERIES, MetricsRegistry, TIMING_RESERVOIR, percentile } from './metrics';
export { MetricsHistory, metricSampleSchema, seriesKey } from './metrics-history';
export type { MetricSample, MetricsHistoryOptions } from './metrics-history';
export type { MetricsSnapshot, Tags, TimingSummary } from './metrics';
export {
  MAX_REDACTED_STRING,
  REDACTED,
  isSecretKey,
  redactError,
  redactString,
  redactValue,
} from './redact';
export type { RedactOptions, RedactedError } from './redact';
