import type { FlowDeskBridge } from '@flowdesk/shared/ipc';

/**
 * Sends the UI's uncaught errors and unhandled rejections to the main process's log (issue 8),
 * which redacts and keeps them on this computer. Returns a function that stops it.
 */
export function reportUiErrors(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
  bridge: Pick<FlowDeskBridge, 'invoke'> = window.flowdesk,
): () => void {
  const send = (message: string, context: Record<string, string>) => {
    void bridge
      .invoke('log:write', { level: 'error', message: message.slice(0, 1000), context })
      .catch(() => undefined);
  };
  const describe = (thrown: unknown) =>
    thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  const stackOf = (thrown: unknown): Record<string, string> =>
    thrown instanceof Error && thrown.stack ? { stack: thrown.stack.slice(0, 2000) } : {};

  const onError = (event: ErrorEvent) => {
    const context = stackOf(event.error);
    if (event.filename) context.source = `${event.filename}:${event.lineno}:${event.colno}`;
    send(`Uncaught ${event.error === undefined ? event.message : describe(event.error)}`, context);
  };
  const onRejection = (event: PromiseRejectionEvent) =>
    send(`Unhandled rejection: ${describe(event.reason)}`, stackOf(event.reason));

  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
