import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IPC_EVENT_CHANNEL, createFlowDeskBridge } from '@flowdesk/shared/ipc';
import { App } from '../../src/renderer/App';
import { prefetchFirstScreen } from '../../src/renderer/state/use-flowdesk';
import type { FromBackend, ToBackend } from './backend.shared-worker';

/**
 * The app UI as the benchmarks measure it: the renderer alone on the page's thread, its
 * `window.flowdesk` talking to the stand-in main process in a shared worker
 * (backend.shared-worker.ts) that a first page has already started.
 */
const backend = new SharedWorker(new URL('./backend.shared-worker.ts', import.meta.url), {
  type: 'module',
  name: 'flowdesk-main-process',
});
const port = backend.port;
const send = (message: ToBackend) => port.postMessage(message);
// Assigning port.onmessage (below, in this same task) starts the port.
send({ type: 'init', seed: new URLSearchParams(window.location.search).get('seed') });

let nextId = 0;
const pending = new Map<number, (envelope: unknown) => void>();
const eventListeners: ((event: unknown, ...args: unknown[]) => void)[] = [];
port.onmessage = (event: MessageEvent<FromBackend>) => {
  const message = event.data;
  if (message.type === 'answer') {
    pending.get(message.id)?.(message.envelope);
    pending.delete(message.id);
  } else {
    for (const listener of eventListeners) listener({}, message.name, message.payload);
  }
};

const bridge = createFlowDeskBridge({
  invoke: (_channel, channel, payload) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      send({ type: 'invoke', id, channel, payload });
    }),
  on: (channel, listener) => {
    if (channel === IPC_EVENT_CHANNEL) eventListeners.push(listener);
  },
});
Object.defineProperty(window, 'flowdesk', { value: bridge });
// As the app's renderer entry (src/renderer/main.tsx) does.
prefetchFirstScreen();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
