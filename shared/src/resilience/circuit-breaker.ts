import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  IsolatedCircuitError,
  circuitBreaker,
  handleWhen,
} from 'cockatiel';
import type { CircuitBreakerPolicy } from 'cockatiel';
import { FlowDeskError } from '../core';

export type CircuitBreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

export interface CircuitBreakerOptions {
  /** What is protected, for messages and logs: "license server", "Slack view". */
  name: string;
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. Default 30 s. */
  resetTimeoutMs?: number;
  /** Which errors count as failures; e.g. a validation error is the caller's fault. Default: all. */
  isFailure?: (error: unknown) => boolean;
}

const STATE_NAMES: Record<CircuitState, CircuitBreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

function positiveInteger(value: number | undefined, fallback: number, what: string): number {
  const result = value ?? fallback;
  if (!Number.isInteger(result) || result < 1) {
    throw new FlowDeskError(
      'RESILIENCE_INVALID_OPTIONS',
      `${what} must be a positive whole number.`,
    );
  }
  return result;
}

/**
 * The seed's CircuitBreaker: closed → (N consecutive failures) → open → (after the reset
 * timeout) half-open → one trial call closes it again or re-opens it. While open, calls fail
 * at once with CIRCUIT_OPEN instead of waiting on something that is down. The state machine is
 * cockatiel's; this class gives it our names, errors and a reset.
 */
export class CircuitBreaker {
  readonly name: string;
  private readonly failureThreshold: number;
  private readonly resetTimeoutMs: number;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly listeners = new Set<(state: CircuitBreakerState) => void>();
  private policy: CircuitBreakerPolicy;
  private openedAt: number | undefined;

  constructor(options: CircuitBreakerOptions) {
    this.name = options.name;
    this.failureThreshold = positiveInteger(options.failureThreshold, 5, 'failureThreshold');
    this.resetTimeoutMs = positiveInteger(options.resetTimeoutMs, 30_000, 'resetTimeoutMs');
    this.isFailure = options.isFailure ?? (() => true);
    this.policy = this.createPolicy();
  }

  get state(): CircuitBreakerState {
    return STATE_NAMES[this.policy.state];
  }

  /** Runs the operation through the breaker; `signal` aborts it (passed on to the operation). */
  async execute<T>(
    operation: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    try {
      return await this.policy.execute(({ signal: inner }) => operation(inner), signal);
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw this.openError(error instanceof IsolatedCircuitError);
      }
      throw error;
    }
  }

  /** Calls `listener` on every state change; returns the unsubscribe function. */
  onStateChange(listener: (state: CircuitBreakerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Holds the circuit open (e.g. while offline) until the returned release is called. */
  isolate(): () => void {
    const handle = this.policy.isolate();
    return () => handle.dispose();
  }

  /** Forgets failures and closes the circuit (after the user fixed a setting, say). */
  reset(): void {
    const wasClosed = this.state === 'closed';
    this.openedAt = undefined;
    this.policy = this.createPolicy();
    if (!wasClosed) this.emit('closed');
  }

  private createPolicy(): CircuitBreakerPolicy {
    const policy = circuitBreaker(
      handleWhen((error) => this.isFailure(error)),
      {
        halfOpenAfter: this.resetTimeoutMs,
        breaker: new ConsecutiveBreaker(this.failureThreshold),
      },
    );
    policy.onBreak(() => {
      this.openedAt = Date.now();
    });
    policy.onStateChange((state) => {
      if (policy === this.policy) this.emit(STATE_NAMES[state]);
    });
    return policy;
  }

  private emit(state: CircuitBreakerState): void {
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A listener's bug must not change the outcome of the protected call.
      }
    }
  }

  private openError(isolated: boolean): FlowDeskError {
    const retryAt = isolated ? undefined : (this.openedAt ?? Date.now()) + this.resetTimeoutMs;
    const seconds =
      retryAt === undefined ? undefined : Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
    const when = seconds === undefined ? 'once it is available again' : `in ${seconds} s`;
    return new FlowDeskError(
      'CIRCUIT_OPEN',
      `${this.name} failed several times in a row; Flow Desk will try again ${when}.`,
      {
        details: {
          name: this.name,
          retryAt: retryAt === undefined ? null : new Date(retryAt).toISOString(),
        },
      },
    );
  }
}
