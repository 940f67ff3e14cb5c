import type { KeyLike } from '@flowdesk/shared/ipc';

/**
 * What the view manager needs from the thing that actually shows web pages. The Electron
 * adapter (src/main/electron) implements it with WebContentsView; the browser integration tests
 * implement it with Chromium pages through playwright-core. The manager never sees either.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type ViewEvent =
  | { type: 'title'; title: string }
  | { type: 'favicon'; urls: string[] }
  | { type: 'navigated'; url: string }
  | { type: 'loading'; loading: boolean }
  | { type: 'audible'; audible: boolean }
  | { type: 'crashed'; reason: string }
  | { type: 'unresponsive' }
  | { type: 'responsive' }
  | { type: 'found'; activeMatch: number; matches: number; final: boolean }
  /** An app shortcut pressed in the page; the host has already kept it from the page. */
  | { type: 'shortcut'; key: KeyLike };

export interface ServiceViewSpec {
  workspaceId: string;
  serviceId: string;
  /** From sessionPartitionFor: the only way a partition is chosen. */
  partition: string;
  url: string;
  userAgent?: string;
}

export interface ServiceViewHandle {
  /** The webContents id, used to find the service a permission request comes from. */
  readonly id: number;
  /** Starts loading; resolves when the first load finished or failed (never rejects). */
  load(url: string): Promise<void>;
  currentUrl(): string;
  show(bounds: Rectangle): void;
  hide(): void;
  /** Frees the page and its renderer process. The handle is dead afterwards. */
  destroy(): void;
  isAudible(): boolean;
  /** Camera, microphone or screen capture in use: such a view is never hibernated. */
  isCapturingMedia(): boolean;
  reload(ignoreCache: boolean): void;
  goBack(): void;
  goForward(): void;
  canGoBack(): boolean;
  canGoForward(): boolean;
  /** Zoom (1 = 100 %), kept across the page's navigations. */
  setZoomFactor(factor: number): void;
  setAudioMuted(muted: boolean): void;
  /** Starts or continues a search; results arrive as `found` events. */
  findInPage(text: string, options: { forward: boolean; findNext: boolean }): void;
  stopFindInPage(): void;
  /** Opens the system print dialog for the page. */
  print(): void;
  onEvent(listener: (event: ViewEvent) => void): void;
}

export interface ViewHost {
  createServiceView(spec: ServiceViewSpec): ServiceViewHandle;
}
