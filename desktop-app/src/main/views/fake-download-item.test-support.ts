import type { DownloadItem, SaveDialogOptions } from 'electron';
import type { DownloadItemLike } from './downloads';

type ItemState = ReturnType<DownloadItem['getState']>;
type UpdatedListener = (event: unknown, state: 'progressing' | 'interrupted') => void;
type DoneListener = (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void;

/**
 * A DownloadItem as Electron hands it to 'will-download', driven by the test. No Node modules:
 * the in-page UI backend uses it in a browser page to simulate a service's download.
 */
export class FakeDownloadItem implements DownloadItemLike {
  /** True only while the simulated 'will-download' handler runs. */
  inWillDownload = false;
  savePathSetInHandler: boolean | undefined;
  saveDialogOptions: SaveDialogOptions | undefined;
  savePath = '';
  state: ItemState = 'progressing';
  paused = false;
  resumable = true;
  totalBytes = 1000;
  receivedBytes = 0;
  readonly calls: ('cancel' | 'pause' | 'resume')[] = [];
  private readonly updatedListeners: UpdatedListener[] = [];
  private doneListener: DoneListener | undefined;

  constructor(
    private readonly filename = 'report.pdf',
    private readonly url = 'https://files.example.com/report.pdf',
    private readonly mimeType = 'application/pdf',
  ) {}

  on(_event: 'updated', listener: UpdatedListener): this {
    this.updatedListeners.push(listener);
    return this;
  }
  once(_event: 'done', listener: DoneListener): this {
    this.doneListener = listener;
    return this;
  }

  getFilename(): string {
    return this.filename;
  }
  getURL(): string {
    return this.url;
  }
  getMimeType(): string {
    return this.mimeType;
  }
  getTotalBytes(): number {
    return this.totalBytes;
  }
  getReceivedBytes(): number {
    return this.receivedBytes;
  }
  getState(): ItemState {
    return this.state;
  }
  isPaused(): boolean {
    return this.paused;
  }
  getSavePath(): string {
    return this.savePath;
  }
  setSavePath(path: string): void {
    this.savePathSetInHandler = this.inWillDownload;
    this.savePath = path;
  }
  setSaveDialogOptions(options: SaveDialogOptions): void {
    this.saveDialogOptions = options;
  }
  canResume(): boolean {
    return this.resumable;
  }
  cancel(): void {
    this.calls.push('cancel');
    // Electron ends a cancelled download with 'done' ('cancelled').
    if (this.state === 'progressing') this.finish('cancelled');
  }
  pause(): void {
    this.calls.push('pause');
    this.paused = true;
  }
  resume(): void {
    this.calls.push('resume');
    this.paused = false;
  }

  progress(receivedBytes: number, state: 'progressing' | 'interrupted' = 'progressing'): void {
    this.receivedBytes = receivedBytes;
    for (const listener of this.updatedListeners) listener({}, state);
  }

  finish(state: 'completed' | 'cancelled' | 'interrupted'): void {
    if (this.state !== 'progressing') return;
    this.state = state;
    if (state === 'completed') this.receivedBytes = this.totalBytes;
    const listener = this.doneListener;
    this.doneListener = undefined;
    listener?.({}, state);
  }
}
