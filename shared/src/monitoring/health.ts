import { FlowDeskError } from '../core';
import { withTimeout } from '../resilience/timeout';
import { redactString, redactValue } from './redact';

export type HealthState = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthCheckOutcome {
  status: HealthState;
  message?: string;
  details?: Record<string, unknown>;
}

export type HealthCheck = (signal: AbortSignal) => Promise<HealthCheckOutcome>;

export interface HealthCheckResult extends HealthCheckOutcome {
  durationMs: number;
  critical: boolean;
}

/** The seed's HealthStatus. `uptime` is in seconds. */
export interface HealthStatus {
  status: HealthState;
  checks: Record<string, HealthCheckResult>;
  timestamp: Date;
  uptime: number;
}

export interface HealthCheckOptions {
  /** Default 5000 ms; a check that takes longer counts as unhealthy. */
  timeoutMs?: number;
  /** A critical check that fails makes the whole app unhealthy; others only degrade it. Default true. */
  critical?: boolean;
}

interface Registered {
  check: HealthCheck;
  timeoutMs: number;
  critical: boolean;
}

/**
 * Named health checks run together, each with its own time limit, aggregated into the seed's
 * HealthStatus: `unhealthy` if a critical check is unhealthy; `degraded` if any check is
 * degraded or a non-critical one is unhealthy; otherwise `healthy`.
 */
export class HealthCheckRegistry {
  private readonly checks = new Map<string, Registered>();
  private readonly now: () => Date;
  private readonly startedAt: Date;

  constructor(options: { now?: () => Date; startedAt?: Date } = {}) {
    this.now = options.now ?? (() => new Date());
    this.startedAt = options.startedAt ?? this.now();
  }

  register(name: string, check: HealthCheck, options: HealthCheckOptions = {}): void {
    if (this.checks.has(name)) {
      throw new FlowDeskError(
        'HEALTH_CHECK_DUPLICATE',
        `A health check named ${name} already exists.`,
      );
    }
    this.checks.set(name, {
      check,
      timeoutMs: options.timeoutMs ?? 5000,
      critical: options.critical ?? true,
    });
  }

  unregister(name: string): boolean {
    return this.checks.delete(name);
  }

  get names(): string[] {
    return [...this.checks.keys()];
  }

  async run(): Promise<HealthStatus> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(
        async ([name, registered]) => [name, await this.runOne(registered)] as const,
      ),
    );
    const checks = Object.fromEntries(entries);
    const results = Object.values(checks);
    const status: HealthState = results.some(
      (result) => result.critical && result.status === 'unhealthy',
    )
      ? 'unhealthy'
      : results.some((result) => result.status !== 'healthy')
        ? 'degraded'
        : 'healthy';
    const timestamp = this.now();
    return {
      status,
      checks,
      timestamp,
      uptime: Math.max(0, Math.round((timestamp.getTime() - this.startedAt.getTime()) / 1000)),
    };
  }

  private async runOne({ check, timeoutMs, critical }: Registered): Promise<HealthCheckResult> {
    const started = Date.now();
    const elapsed = () => Math.max(0, Date.now() - started);
    try {
      const outcome = await withTimeout(check, timeoutMs, { operation: 'The check' });
      const result: HealthCheckResult = { status: outcome.status, durationMs: elapsed(), critical };
      if (outcome.message !== undefined) result.message = redactString(outcome.message);
      if (outcome.details !== undefined)
        result.details = redactValue(outcome.details) as Record<string, unknown>;
      if (!['healthy', 'degraded', 'unhealthy'].includes(result.status)) {
        return {
          status: 'unhealthy',
          message: 'The check returned an unknown status.',
          durationMs: elapsed(),
          critical,
        };
      }
      return result;
    } catch (error) {
      const message =
        error instanceof FlowDeskError && error.code === 'OPERATION_TIMEOUT'
          ? `Timed out after ${timeoutMs} ms.`
          : redactString(error instanceof Error ? error.message : String(error));
      return { status: 'unhealthy', message, durationMs: elapsed(), critical };
    }
  }
}
