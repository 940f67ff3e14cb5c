import { FlowDeskError } from '../core';
import { isIpcChannel } from './contract';
import type { IpcChannel, IpcEvent, IpcEventName, IpcRequestInput, IpcResponse } from './contract';
import { ipcFailure } from './envelope';
import type { IpcEnvelope } from './envelope';
import { parseIpcEvent, parseIpcResponse } from './validate';

/**
 * The API the desktop preload exposes to the app UI as `window.flowdesk`: typed invoke and event
 * subscription over two Electron IPC channels, with every answer and event checked against the
 * contract before the UI sees it. Errors come back as data ({ok: false, error}), because thrown
 * errors lose their code crossing the context bridge.
 */

/** The one channel requests travel on, and the one events travel on (Electron channel names). */
export const IPC_INVOKE_CHANNEL = 'flowdesk:invoke';
export const IPC_EVENT_CHANNEL = 'flowdesk:event';

export interface FlowDeskBridge {
  invoke<C extends IpcChannel>(
    channel: C,
    request: IpcRequestInput<C>,
  ): Promise<IpcEnvelope<IpcResponse<C>>>;
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEvent<E>) => void): () => void;
}

/** What the bridge needs from ipcRenderer. */
export interface IpcTransport {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
}

export function createFlowDeskBridge(transport: IpcTransport): FlowDeskBridge {
  const listeners = new Map<IpcEventName, Set<(payload: never) => void>>();
  let subscribed = false;

  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    transport.on(IPC_EVENT_CHANNEL, (_event, name, payload) => {
      const parsed = parseIpcEvent(name, payload);
      if (!parsed.ok) return;
      for (const listener of listeners.get(parsed.value.name) ?? []) {
        try {
          (listener as (payload: unknown) => void)(parsed.value.payload);
        } catch {
          // One broken UI listener must not stop the others.
        }
      }
    });
  };

  return {
    async invoke(channel, request) {
      if (!isIpcChannel(channel)) {
        return ipcFailure(
          new FlowDeskError('IPC_UNKNOWN_CHANNEL', 'The app received a request it does not know.'),
        );
      }
      let envelope: unknown;
      try {
        envelope = await transport.invoke(IPC_INVOKE_CHANNEL, channel, request);
      } catch (error) {
        return ipcFailure(
          new FlowDeskError('IPC_TRANSPORT_FAILED', 'Flow Desk did not answer. Try again.', {
            cause: error,
          }),
        );
      }
      const parsed = parseIpcResponse(channel, envelope);
      return parsed.ok
        ? { ok: true, value: parsed.value }
        : { ok: false, error: parsed.error.toJSON() };
    },
    on(event, listener) {
      subscribe();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}
