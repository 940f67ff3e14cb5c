import { isFlowDeskError } from '../core';
import type { Logger } from './logger';
import { redactError, redactString, redactValue } from './redact';
import type { RedactedError } from './redact';

export type ErrorCategory =
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'validation'
  | 'security'
  | 'storage'
  | 'license'
  | 'crash'
  | 'unknown';
export type ErrorSeverity = 'low' | 'medium' | 'high' | 'critical';
const SEVERITY_ORDER: readonly ErrorSeverity[] = ['low', 'medium', 'high', 'critical'];

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

export interface ErrorReport {
  id: string;
  /** Same fingerprint = same problem: code plus the message with numbers masked. */
  fingerprint: string;
  classification: ErrorClassification;
  error: RedactedError;
  context: Record<string, unknown>;
  firstSeen: string;
  lastSeen: string;
  count: number;
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
  private sequence = 0;

  constructor(
    private readonly capacity = 200,
    private readonly now: () => Date = () => new Date(),
  ) {}

  capture(error: unknown, context: ErrorContext = {}): ErrorReport {
    const classification = classifyError(error);
    const redacted = redactError(describeThrown(error));
    const fingerprint = `${classification.code}:${redacted.message.replace(/\d+/g, '#')}`.slice(
      0,
      300,
    );
    const time = this.now().toISOString();
    const existing = this.reports.get(fingerprint);
    if (existing) {
      existing.count += 1;
      existing.lastSeen = time;
      existing.error = redacted;
      existing.context = redactValue(context) as Record<string, unknown>;
      this.reports.delete(fingerprint);
      this.reports.set(fingerprint, existing);
      return existing;
    }
    this.sequence += 1;
    const report: ErrorReport = {
      id: `err-${this.sequence}`,
      fingerprint,
      classification,
      error: redacted,
      context: redactValue(context) as Record<string, unknown>,
      firstSeen: time,
      lastSeen: time,
      count: 1,
    };
    this.reports.set(fingerprint, report);
    // Map keeps insertion order and re-inserts move to the end: the first key is the stalest.
    while (this.reports.size > this.capacity) {
      const stalest = this.reports.keys().next().value;
      if (stalest === undefined) break;
      this.reports.delete(stalest);
    }
    return report;
  }

  /** Most recent first. */
  list(): ErrorReport[] {
    return [...this.reports.values()].reverse().map((report) => ({ ...report }));
  }

  clear(): void {
    this.reports.clear();
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
