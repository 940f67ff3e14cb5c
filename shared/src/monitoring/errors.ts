import { z } from 'zod';
import { isFlowDeskError } from '../core';
import type { LogRecord, LogSink, Logger } from './logger';
import { levelValue } from './logger';
import { MAX_REDACTED_STRING, redactError, redactString, redactValue } from './redact';
import type { RedactedError } from './redact';

const ERROR_CATEGORIES = [
  'network',
  'timeout',
  'cancelled',
  'validation',
  'security',
  'storage',
  'license',
  'crash',
  'unknown',
] as const;
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];
const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'] as const;
export type ErrorSeverity = (typeof SEVERITY_ORDER)[number];

export interface ErrorClassification {
  category: ErrorCategory;
  severity: ErrorSeverity;
  /** The app can carry on (possibly after a recovery strategy) without restarting. */
  recoverable: boolean;
  code: string;
}

/** Code prefix → classification, first match wins. Codes are the stable FlowDeskError codes. */
const CODE_RULES: readonly [RegExp, Omit<ErrorClassification, 'code'>][] = [
  [/^OPERATION_CANCELLED$/, { category: 'cancelled', severity: 'low', recoverable: true }],
  [/^OPERATION_TIMEOUT$/, { category: 'timeout', severity: 'medium', recoverable: true }],
  [
    /^(CIRCUIT_OPEN|RETRY_EXHAUSTED|NETWORK_)/,
    { category: 'network', severity: 'medium', recoverable: true },
  ],
  [
    /^(STORE_CORRUPT|MIGRATION_FAILED|MIGRATION_RESULT_INVALID)/,
    { category: 'storage', severity: 'critical', recoverable: true },
  ],
  [
    /^(STORE_|MIGRATION_|SCHEMA_|BACKUP_|AUDIT_)/,
    { category: 'storage', severity: 'high', recoverable: true },
  ],
  [
    /^(IPC_UNKNOWN_CHANNEL|IPC_FORBIDDEN_SENDER|SECURITY_|PERMISSION_)/,
    { category: 'security', severity: 'high', recoverable: true },
  ],
  [/^LICENSE_/, { category: 'license', severity: 'medium', recoverable: true }],
  [/(_CRASHED|_UNRESPONSIVE)$/, { category: 'crash', severity: 'high', recoverable: true }],
  [
    /^(URL_|NAME_|CATALOG_|SERVICE_|WORKSPACE_|IPC_INVALID_|INVALID_|ID_|COLOR_|ICON_)/,
    { category: 'validation', severity: 'low', recoverable: true },
  ],
];

/** Sorts an error into a category and severity, from its code or, for plain errors, its kind. */
export function classifyError(error: unknown): ErrorClassification {
  if (isFlowDeskError(error)) {
    const rule = CODE_RULES.find(([pattern]) => pattern.test(error.code));
    return {
      ...(rule?.[1] ?? { category: 'unknown', severity: 'medium', recoverable: true }),
      code: error.code,
    };
  }
  if (error instanceof Error) {
    if (error.name === 'AbortError')
      return { category: 'cancelled', severity: 'low', recoverable: true, code: 'ABORTED' };
    if (error.name === 'TimeoutError')
      return { category: 'timeout', severity: 'medium', recoverable: true, code: 'TIMEOUT' };
    if (error instanceof TypeError && /fetch failed|network|Failed to fetch/i.test(error.message)) {
      return { category: 'network', severity: 'medium', recoverable: true, code: 'NETWORK_ERROR' };
    }
    if (
      error instanceof TypeError ||
      error instanceof RangeError ||
      error instanceof ReferenceError
    ) {
      // A programming error: it will happen again until fixed.
      return { category: 'crash', severity: 'high', recoverable: false, code: 'PROGRAM_ERROR' };
    }
    return { category: 'unknown', severity: 'medium', recoverable: true, code: 'UNEXPECTED_ERROR' };
  }
  return { category: 'unknown', severity: 'medium', recoverable: true, code: 'NON_ERROR_THROWN' };
}

export function isAtLeast(severity: ErrorSeverity, threshold: ErrorSeverity): boolean {
  return SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(threshold);
}

/** Where and while doing what an error happened; redacted before it is kept. */
export type ErrorContext = Record<string, unknown> & { component?: string; operation?: string };

/** What the app was doing just before an error: an already-redacted log record, shortened. */
export interface Breadcrumb {
  time: string;
  level: string;
  component: string;
  message: string;
}

const text = (max: number) => z.string().max(max);
export const breadcrumbSchema = z.strictObject({
  time: text(40),
  level: text(10),
  component: text(60),
  message: text(300),
});

/** A stored error report, read back from a file: checked like any other untrusted input. */
export const errorReportSchema = z.strictObject({
  id: text(40),
  fingerprint: text(300),
  classification: z.strictObject({
    category: z.enum(ERROR_CATEGORIES),
    severity: z.enum(SEVERITY_ORDER),
    recoverable: z.boolean(),
    code: text(100),
  }),
  error: z.strictObject({
    name: text(200),
    message: text(MAX_REDACTED_STRING + 100),
    code: text(100).optional(),
    stack: text(MAX_REDACTED_STRING + 100).optional(),
  }),
  context: z.record(z.string().max(200), z.unknown()),
  breadcrumbs: z.array(breadcrumbSchema).max(50).default([]),
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  count: z.int().min(1),
});

export interface ErrorReport {
  id: string;
  /** Same fingerprint = same problem: code plus the message with numbers masked. */
  fingerprint: string;
  classification: ErrorClassification;
  error: RedactedError;
  context: Record<string, unknown>;
  /** The log records before the latest occurrence, oldest first. */
  breadcrumbs: Breadcrumb[];
  firstSeen: string;
  lastSeen: string;
  count: number;
}

/**
 * Keeps the last log records at `info` or above as breadcrumbs for the next error report. It is
 * a log sink, so what it keeps has already been redacted by the logger.
 */
export class BreadcrumbTrail implements LogSink {
  private readonly crumbs: Breadcrumb[] = [];

  constructor(
    private readonly capacity = 30,
    private readonly minimumLevel: LogRecord['level'] = 'info',
  ) {}

  write(record: LogRecord): void {
    if (levelValue(record.level) < levelValue(this.minimumLevel)) return;
    this.crumbs.push({
      time: record.time,
      level: record.level,
      component: record.component.slice(0, 60),
      message: record.message.slice(0, 300),
    });
    if (this.crumbs.length > this.capacity) this.crumbs.shift();
  }

  snapshot(): Breadcrumb[] {
    return this.crumbs.map((crumb) => ({ ...crumb }));
  }
}

function describeThrown(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(
    typeof error === 'string'
      ? error
      : `Non-error value thrown (${error === null ? 'null' : typeof error})`,
  );
}

/** Keeps the most recent error reports on the device, grouped by fingerprint. */
export class LocalErrorTracker {
  private readonly reports = new Map<string, ErrorReport>();
  private readonly listeners = new Set<() => void>();
  private sequence = 0;

  constructor(
    private readonly capacity = 200,
    private readonly now: () => Date = () => new Date(),
    private readonly breadcrumbs?: BreadcrumbTrail,
  ) {}

  /** Called after every change (a capture, a restore, a clear): the desktop app saves then. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Puts back reports kept from earlier runs (already parsed with errorReportSchema), oldest
   * first; new captures of the same problem add to their counts.
   */
  restore(reports: readonly ErrorReport[]): void {
    const byAge = [...reports].sort((a, b) => a.lastSeen.localeCompare(b.lastSeen));
    for (const report of byAge) {
      this.reports.delete(report.fingerprint);
      this.reports.set(report.fingerprint, { ...report });
      const number = /^err-(\d+)$/.exec(report.id)?.[1];
      if (number !== undefined) this.sequence = Math.max(this.sequence, Number(number));
    }
    this.trim();
    this.changed();
  }

  capture(error: unknown, context: ErrorContext = {}): ErrorReport {
    const classification = classifyError(error);
    const redacted = redactError(describeThrown(error));
    const fingerprint = `${classification.code}:${redacted.message.replace(/\d+/g, '#')}`.slice(
      0,
      300,
    );
    const time = this.now().toISOString();
    const breadcrumbs = this.breadcrumbs?.snapshot() ?? [];
    const existing = this.reports.get(fingerprint);
    if (existing) {
      existing.count += 1;
      existing.lastSeen = time;
      existing.error = redacted;
      existing.context = redactValue(context) as Record<string, unknown>;
      existing.breadcrumbs = breadcrumbs;
      this.reports.delete(fingerprint);
      this.reports.set(fingerprint, existing);
      this.changed();
      return existing;
    }
    this.sequence += 1;
    const report: ErrorReport = {
      id: `err-${this.sequence}`,
      fingerprint,
      classification,
      error: redacted,
      context: redactValue(context) as Record<string, unknown>,
      breadcrumbs,
      firstSeen: time,
      lastSeen: time,
      count: 1,
    };
    this.reports.set(fingerprint, report);
    this.trim();
    this.changed();
    return report;
  }

  /** Most recent first. */
  list(): ErrorReport[] {
    return [...this.reports.values()].reverse().map((report) => ({ ...report }));
  }

  clear(): void {
    this.reports.clear();
    this.changed();
  }

  private trim(): void {
    // Map keeps insertion order and re-inserts move to the end: the first key is the stalest.
    while (this.reports.size > this.capacity) {
      const stalest = this.reports.keys().next().value;
      if (stalest === undefined) break;
      this.reports.delete(stalest);
    }
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A failing listener (a save) must not break error capture.
      }
    }
  }
}

export interface RecoveryResult {
  recovered: boolean;
  message?: string;
}

/** The seed's RecoveryStrategy. */
export interface RecoveryStrategy {
  name: string;
  canRecover(error: unknown, classification: ErrorClassification): boolean;
  recover(error: unknown, context: ErrorContext): Promise<RecoveryResult>;
  rollback?(context: ErrorContext): Promise<void>;
}

export interface HandledError {
  report: ErrorReport;
  alerted: boolean;
  recovery?: { strategy: string; recovered: boolean; message?: string };
}

export interface ProductionErrorHandlerOptions {
  logger: Logger;
  tracker: LocalErrorTracker;
  /** Told about serious errors (a notice in the UI, an opt-in remote report). */
  alert?: (report: ErrorReport) => void | Promise<void>;
  /** Lowest severity that alerts. Default `critical`, as in the seed. */
  alertAt?: ErrorSeverity;
  /** The same problem alerts at most once per interval. Default one minute. */
  alertIntervalMs?: number;
  now?: () => Date;
}

/**
 * The seed's ProductionErrorHandler: classify, log, track locally, alert when serious, then try
 * recovery strategies in order until one recovers (rolling back those that fail). handleError
 * never throws: an error handler that fails must not take the app down with it.
 */
export class ProductionErrorHandler {
  private readonly strategies: RecoveryStrategy[] = [];
  private readonly lastAlert = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly options: ProductionErrorHandlerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  registerRecoveryStrategy(strategy: RecoveryStrategy): void {
    this.strategies.push(strategy);
  }

  async handleError(error: unknown, context: ErrorContext = {}): Promise<HandledError> {
    const report = this.options.tracker.capture(error, context);
    const { classification } = report;
    this.logSafely(classification.severity, 'Error handled', {
      error: describeThrown(error),
      classification,
      ...context,
    });
    const alerted = await this.alertIfSerious(report);
    const recovery = await this.attemptRecovery(error, classification, context);
    return recovery ? { report, alerted, recovery } : { report, alerted };
  }

  private async alertIfSerious(report: ErrorReport): Promise<boolean> {
    const { alert, alertAt = 'critical', alertIntervalMs = 60_000 } = this.options;
    if (!alert || !isAtLeast(report.classification.severity, alertAt)) return false;
    const now = this.now().getTime();
    const last = this.lastAlert.get(report.fingerprint);
    if (last !== undefined && now - last < alertIntervalMs) return false;
    this.lastAlert.set(report.fingerprint, now);
    try {
      await alert(report);
      return true;
    } catch (alertError) {
      this.logSafely('medium', 'The error alert failed', { error: describeThrown(alertError) });
      return false;
    }
  }

  private async attemptRecovery(
    error: unknown,
    classification: ErrorClassification,
    context: ErrorContext,
  ): Promise<HandledError['recovery']> {
    let last: HandledError['recovery'];
    for (const strategy of this.strategies) {
      if (!this.applies(strategy, error, classification)) continue;
      try {
        const result = await strategy.recover(error, context);
        last = { strategy: strategy.name, recovered: result.recovered };
        if (result.message !== undefined) last.message = redactString(result.message);
        if (result.recovered) return last;
      } catch (recoveryError) {
        last = { strategy: strategy.name, recovered: false };
        this.logSafely('medium', 'A recovery strategy failed', {
          strategy: strategy.name,
          error: describeThrown(recoveryError),
        });
      }
      try {
        await strategy.rollback?.(context);
      } catch (rollbackError) {
        this.logSafely('high', 'A recovery rollback failed', {
          strategy: strategy.name,
          error: describeThrown(rollbackError),
        });
      }
    }
    return last;
  }

  private applies(
    strategy: RecoveryStrategy,
    error: unknown,
    classification: ErrorClassification,
  ): boolean {
    try {
      return strategy.canRecover(error, classification);
    } catch {
      return false;
    }
  }

  private logSafely(
    severity: ErrorSeverity,
    message: string,
    context: Record<string, unknown>,
  ): void {
    try {
      const level = severity === 'critical' ? 'fatal' : severity === 'high' ? 'error' : 'warn';
      this.options.logger.log(level, message, context);
    } catch {
      // Logging is best effort here by design.
    }
  }
}
