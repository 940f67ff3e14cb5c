import { CircuitBreaker } from './circuit-breaker';
import type { CircuitBreakerOptions } from './circuit-breaker';
import { retry } from './retry';
import type { RetryOptions } from './retry';
import { withTimeout } from './timeout';

export interface ResiliencePolicyOptions {
  /** For messages: "license check". */
  operation: string;
  /** Limit for ONE attempt. */
  timeoutMs?: number;
  retry?: Omit<RetryOptions, 'signal'>;
  circuitBreaker?: Omit<CircuitBreakerOptions, 'name'>;
}

export interface ResiliencePolicy {
  execute<T>(operation: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly breaker: CircuitBreaker | undefined;
}

/**
 * Timeout inside retry inside circuit breaker: each attempt has its own time limit; retries
 * absorb brief failures; the breaker sees one outcome per call (after the retries), so it
 * opens for an outage, not for a single blip, and an open circuit skips the retries entirely.
 */
export function createResiliencePolicy(options: ResiliencePolicyOptions): ResiliencePolicy {
  const breaker = options.circuitBreaker
    ? new CircuitBreaker({ ...options.circuitBreaker, name: options.operation })
    : undefined;

  const attempt = <T>(operation: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) =>
    options.timeoutMs === undefined
      ? operation(signal)
      : withTimeout(operation, options.timeoutMs, { operation: options.operation, signal });

  const withRetries = <T>(operation: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) =>
    options.retry
      ? retry((_attempt, retrySignal) => attempt(operation, retrySignal), {
          ...options.retry,
          signal,
        })
      : attempt(operation, signal);

  return {
    breaker,
    execute(operation, signal = new AbortController().signal) {
      return breaker
        ? breaker.execute((breakerSignal) => withRetries(operation, breakerSignal), signal)
        : withRetries(operation, signal);
    },
  };
}
