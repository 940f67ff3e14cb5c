import { TaskCancelledError, TimeoutStrategy, timeout } from 'cockatiel';
import { FlowDeskError } from '../core';
import { cancelledError } from './abort';

/**
 * Runs `operation` with a time limit. When the limit passes the operation's signal is aborted
 * and the promise rejects with OPERATION_TIMEOUT at once, even if the operation ignores the
 * signal (cockatiel's aggressive timeout). An abort of `signal` rejects with OPERATION_CANCELLED.
 */
export async function withTimeout<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  ms: number,
  options: { operation?: string; signal?: AbortSignal } = {},
): Promise<T> {
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new FlowDeskError(
      'RESILIENCE_INVALID_OPTIONS',
      'A timeout must be a positive number of milliseconds.',
    );
  }
  const policy = timeout(ms, TimeoutStrategy.Aggressive);
  try {
    return await policy.execute(({ signal }) => operation(signal), options.signal);
  } catch (error) {
    if (error instanceof TaskCancelledError) {
      if (options.signal?.aborted) throw cancelledError(options.signal);
      const what = options.operation ?? 'The operation';
      throw new FlowDeskError(
        'OPERATION_TIMEOUT',
        `${what} took longer than ${formatDuration(ms)} and was stopped.`,
        {
          details: { timeoutMs: ms },
        },
      );
    }
    throw error;
  }
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
