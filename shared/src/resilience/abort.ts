import { FlowDeskError } from '../core';

export function cancelledError(signal: AbortSignal): FlowDeskError {
  return new FlowDeskError('OPERATION_CANCELLED', 'The operation was cancelled.', {
    cause: signal.reason,
  });
}

/** Waits `ms`, or rejects with OPERATION_CANCELLED as soon as the signal aborts. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelledError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
