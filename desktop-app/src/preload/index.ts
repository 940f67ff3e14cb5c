import { contextBridge, ipcRenderer } from 'electron';
import { createFlowDeskBridge } from '@flowdesk/shared/ipc';

/**
 * The preload of the app's own UI (never of a service view). It exposes one object,
 * window.flowdesk, with typed invoke and event subscription; ipcRenderer itself is never
 * exposed (checklist item 20). Built as one CommonJS file, as sandboxed preloads require.
 */
contextBridge.exposeInMainWorld(
  'flowdesk',
  createFlowDeskBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
  }),
);
