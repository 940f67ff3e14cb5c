import type { FlowDeskBridge } from '@flowdesk/shared/ipc';

declare global {
  interface Window {
    /** The preload's bridge to the main process: the UI's only way out. */
    readonly flowdesk: FlowDeskBridge;
  }
}
