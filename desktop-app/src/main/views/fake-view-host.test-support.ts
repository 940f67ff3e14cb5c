import type {
  Rectangle,
  ServiceViewHandle,
  ServiceViewSpec,
  ViewEvent,
  ViewHost,
} from './view-host';

/**
 * An in-memory ViewHost for tests and the UI's test stand-in: records what the manager asks of
 * it. With `autoLoad`, every page "loads" at once.
 */
export class FakeView implements ServiceViewHandle {
  url: string;
  visible: Rectangle | undefined;
  destroyed = false;
  audible = false;
  capturing = false;
  reloads: boolean[] = [];
  history = { back: 0, forward: 0 };
  zoomFactor = 1;
  audioMuted = false;
  searches: { text: string; forward: boolean; findNext: boolean }[] = [];
  findStopped = 0;
  prints = 0;
  private listener: ((event: ViewEvent) => void) | undefined;
  private resolveLoad: (() => void) | undefined;

  constructor(
    readonly id: number,
    readonly spec: ServiceViewSpec,
    private readonly autoLoad = false,
  ) {
    this.url = spec.url;
  }

  load(url: string): Promise<void> {
    this.url = url;
    if (this.autoLoad) return Promise.resolve();
    return new Promise((resolve) => (this.resolveLoad = resolve));
  }
  finishLoad(): void {
    this.resolveLoad?.();
  }
  currentUrl(): string {
    if (this.destroyed) throw new Error('Object has been destroyed');
    return this.url;
  }
  show(bounds: Rectangle): void {
    this.visible = bounds;
  }
  hide(): void {
    this.visible = undefined;
  }
  destroy(): void {
    this.destroyed = true;
    this.visible = undefined;
  }
  isAudible(): boolean {
    return this.audible;
  }
  isCapturingMedia(): boolean {
    return this.capturing;
  }
  reload(ignoreCache: boolean): void {
    this.reloads.push(ignoreCache);
  }
  goBack(): void {
    this.history.back += 1;
  }
  goForward(): void {
    this.history.forward += 1;
  }
  canGoBack(): boolean {
    return this.history.forward > 0;
  }
  canGoForward(): boolean {
    return false;
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  setAudioMuted(muted: boolean): void {
    this.audioMuted = muted;
  }
  /** Pretends each search matches three times, so the UI can show "1 of 3". */
  findInPage(text: string, options: { forward: boolean; findNext: boolean }): void {
    this.searches.push({ text, ...options });
    const step = this.searches.filter((search) => search.text === text).length;
    queueMicrotask(() =>
      this.emit({ type: 'found', activeMatch: ((step - 1) % 3) + 1, matches: 3, final: true }),
    );
  }
  stopFindInPage(): void {
    this.findStopped += 1;
  }
  print(): void {
    this.prints += 1;
  }
  onEvent(listener: (event: ViewEvent) => void): void {
    this.listener = listener;
  }
  emit(event: ViewEvent): void {
    this.listener?.(event);
  }
}

export class FakeViewHost implements ViewHost {
  readonly views: FakeView[] = [];
  private nextId = 1;

  constructor(private readonly autoLoad = false) {}

  createServiceView(spec: ServiceViewSpec): FakeView {
    const view = new FakeView(this.nextId++, spec, this.autoLoad);
    this.views.push(view);
    return view;
  }

  live(): FakeView[] {
    return this.views.filter((view) => !view.destroyed);
  }

  latest(serviceId: string): FakeView | undefined {
    return [...this.views].reverse().find((view) => view.spec.serviceId === serviceId);
  }
}
