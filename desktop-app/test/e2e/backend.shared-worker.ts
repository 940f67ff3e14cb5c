/// <reference lib="webworker" />
import { IPC_EVENT_NAMES } from '@flowdesk/shared/ipc';
import { createInPageBackend } from '../support/in-page-backend';
import { seededStore } from './seed';

/**
 * The stand-in for the main process, in a shared worker: as in Electron, its work (loading the
 * store, checking requests and answers) runs beside the UI, not on the UI's thread; messages are
 * copied (structured clone) as IPC copies them; and it outlives a page, as the main process is
 * running with the store loaded before a window opens.
 */
export type ToBackend =
  | { type: 'init'; seed: string | null }
  | { type: 'invoke'; id: number; channel: unknown; payload: unknown };
export type FromBackend =
  | { type: 'answer'; id: number; envelope: unknown }
  | { type: 'event'; name: string; payload: unknown };

const scope = self as unknown as SharedWorkerGlobalScope;
let backend: ReturnType<typeof createInPageBackend> | undefined;
const ports = new Set<MessagePort>();

function start(seed: string | null): ReturnType<typeof createInPageBackend> {
  const initial = seededStore(seed);
  const created = createInPageBackend(initial ? { initial } : {});
  for (const name of IPC_EVENT_NAMES) {
    created.bridge.on(name, (payload) => {
      for (const port of ports) {
        port.postMessage({ type: 'event', name, payload } satisfies FromBackend);
      }
    });
  }
  return created;
}

scope.onconnect = (connection: MessageEvent) => {
  const port = connection.ports[0];
  if (!port) return;
  ports.add(port);
  port.onmessage = (event: MessageEvent<ToBackend>) => {
    const message = event.data;
    // The first page's seed decides the store; later pages find it loaded.
    backend ??= start(message.type === 'init' ? message.seed : null);
    if (message.type !== 'invoke') return;
    void backend
      .dispatch(message.channel, message.payload)
      .then((envelope) =>
        port.postMessage({ type: 'answer', id: message.id, envelope } satisfies FromBackend),
      );
  };
  port.start();
};
