import { FlowDeskError, isFlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { ipcFailure, ipcSuccess, parseIpcRequest } from '@flowdesk/shared/ipc';
import type { IpcChannel, IpcEnvelope, IpcRequest, IpcResponse } from '@flowdesk/shared/ipc';

/**
 * The main-process end of the typed IPC contract (checklist item 17): a message is handled only
 * when it comes from the app UI's main frame on app://flowdesk, names a known channel and carries
 * a valid request. Anything else gets a typed refusal and is recorded — a service page that
 * somehow reaches IPC is an attack, not a bug.
 */

export const APP_ORIGIN = 'app://flowdesk';

export interface IpcSender {
  /** URL of the frame that sent the message (event.senderFrame.url). */
  frameUrl: string | undefined;
  /** The sending frame is the top frame of its page. */
  isMainFrame: boolean;
  webContentsId: number;
}

export function isTrustedSender(sender: IpcSender, appOrigin: string = APP_ORIGIN): boolean {
  if (!sender.isMainFrame || sender.frameUrl === undefined) return false;
  try {
    const url = new URL(sender.frameUrl);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}

type HandlerResult<C extends IpcChannel> = IpcResponse<C> | Result<IpcResponse<C>>;

export type IpcHandlers = {
  [C in IpcChannel]: (
    request: IpcRequest<C>,
    sender: IpcSender,
  ) => HandlerResult<C> | Promise<HandlerResult<C>>;
};

export interface RejectedMessage {
  channel: string;
  code: string;
  sender: IpcSender;
}

export interface IpcDispatcherOptions {
  handlers: IpcHandlers;
  onRejected?: (message: RejectedMessage) => void;
  onHandlerError?: (channel: IpcChannel, error: unknown) => void;
  appOrigin?: string;
}

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof value.ok === 'boolean' &&
    ('value' in value || 'error' in value)
  );
}

export function createIpcDispatcher(options: IpcDispatcherOptions) {
  return async function dispatch(
    channel: unknown,
    payload: unknown,
    sender: IpcSender,
  ): Promise<IpcEnvelope<unknown>> {
    const channelName = typeof channel === 'string' ? channel.slice(0, 100) : typeof channel;
    if (!isTrustedSender(sender, options.appOrigin)) {
      options.onRejected?.({ channel: channelName, code: 'IPC_FORBIDDEN_SENDER', sender });
      return ipcFailure(
        new FlowDeskError('IPC_FORBIDDEN_SENDER', 'This window may not use Flow Desk’s controls.'),
      );
    }
    const parsed = parseIpcRequest(channel, payload);
    if (!parsed.ok) {
      options.onRejected?.({ channel: channelName, code: parsed.error.code, sender });
      return ipcFailure(parsed.error);
    }
    const handler = options.handlers[parsed.value.channel] as (
      request: unknown,
      sender: IpcSender,
    ) => unknown;
    try {
      const outcome = await handler(parsed.value.request, sender);
      if (isResult(outcome))
        return outcome.ok ? ipcSuccess(outcome.value) : ipcFailure(outcome.error);
      return ipcSuccess(outcome);
    } catch (error) {
      if (!isFlowDeskError(error)) options.onHandlerError?.(parsed.value.channel, error);
      return ipcFailure(error);
    }
  };
}
