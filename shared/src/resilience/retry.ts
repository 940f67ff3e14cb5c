import { FlowDeskError } from '../core';
import { abortableDelay, cancelledError } from './abort';

export interface BackoffOptions {
  /** Delay before the first retry. Default 200 ms. */
  initialDelayMs?: number;
  /** No delay is longer than this. Default 30 s. */
  maxDelayMs?: number;
  /** Growth per attempt. Default 2. */
  multiplier?: number;
  /**
   * `full` (default): a random delay between 0 and the exponential value, which spreads out
   * clients that failed together; `equal`: half fixed, half random; `none`: exactly exponential.
   */
  jitter?: 'none' | 'full' | 'equal';
}

/**
 * The delay before retry number `attempt` (1 for the first retry). Pure: `random` is injected.
 * Always a finite number between 0 and maxDelayMs.
 */
export function computeBackoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = Math.max(0, options.initialDelayMs ?? 200);
  const max = Math.max(0, options.maxDelayMs ?? 30_000);
  const multiplier = Math.max(1, options.multiplier ?? 2);
  const step = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  // Past ~1000 doublings the power is Infinity; the cap applies either way.
  const exponential = Math.min(max, initial * multiplier ** (step - 1));
  const capped = Number.isFinite(exponential) ? exponential : max;
  const unit = Math.min(1, Math.max(0, random()));
  switch (options.jitter ?? 'full') {
    case 'none':
      return capped;
    case 'equal':
      // Clamped: with tiny values, rounding of the halves can exceed the cap.
      return Math.min(capped, capped / 2 + (capped / 2) * unit);
    case 'full':
      return capped * unit;
  }
}

export interface RetryOptions extends BackoffOptions {
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** Whether an error is worth another attempt. Default: every error except a cancellation. */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  signal?: AbortSignal;
  /** Told before each wait, e.g. to show "retrying in 2 s". */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
  random?: () => number;
}

/**
 * Runs `operation` until it succeeds or attempts run out, waiting with exponential backoff and
 * jitter in between. Written here rather than with cockatiel 3's retry because that one keeps
 * sleeping after the signal aborts; an app that is quitting must not wait out a backoff.
 * Rejects with RETRY_EXHAUSTED (the last error as `cause`) or OPERATION_CANCELLED.
 */
export async function retry<T>(
  operation: (attempt: number, signal: AbortSignal) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new FlowDeskError(
      'RESILIENCE_INVALID_OPTIONS',
      'maxAttempts must be a positive whole number.',
    );
  }
  const signal = options.signal ?? new AbortController().signal;
  const shouldRetry = options.shouldRetry ?? (() => true);
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (signal.aborted) throw cancelledError(signal);
    try {
      return await operation(attempt, signal);
    } catch (error) {
      lastError = error;
      if (signal.aborted) throw cancelledError(signal);
      if (attempt === maxAttempts || !shouldRetry(error, attempt)) break;
      const delayMs = computeBackoffDelay(attempt, options, options.random);
      options.onRetry?.({ attempt, delayMs, error });
      await abortableDelay(delayMs, signal);
    }
  }
  throw new FlowDeskError(
    'RETRY_EXHAUSTED',
    'The operation kept failing after several attempts. Check your connection and try again.',
    { cause: lastError, details: { maxAttempts } },
  );
}
