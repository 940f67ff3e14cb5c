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

/**
 * A signal that aborts after `ms`, or as soon as `parent` does, with `dispose` to stop the timer.
 * Built from AbortController and setTimeout alone because React Native's AbortSignal has neither
 * `AbortSignal.timeout` nor `AbortSignal.any`, and shared code runs there too.
 */
export function deadlineSignal(
  ms: number,
  parent?: AbortSignal,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  const timer = setTimeout(() => {
    controller.abort(
      new FlowDeskError('OPERATION_TIMEOUT', 'The operation took too long and was stopped.', {
        details: { timeoutMs: ms },
      }),
    );
  }, ms);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}
