import { WebContentsView, session as electronSession, shell } from 'electron';
import type { BaseWindow, Session, WebContents } from 'electron';
import { overridesPage } from '@flowdesk/shared/ipc';
import type { NavigationScope } from '@flowdesk/shared/security';
import type { NavigationAuditEvent } from '../security/navigation-guard';
import { createNavigationGuard } from '../security/navigation-guard';
import { servicePopupWindowOptions, serviceViewOptions } from '../security/web-preferences';
import type {
  Rectangle,
  ServiceViewHandle,
  ServiceViewSpec,
  ViewEvent,
  ViewHost,
} from '../views/view-host';

/**
 * ViewHost over Electron's WebContentsView (ARCHITECTURE.md decision 1). Each service view gets
 * the factory's web preferences, its session hardened once per partition, and the navigation
 * guard on its webContents and on every popup it opens. Only Electron calls live here; every
 * decision is made by tested modules.
 */

export interface ElectronViewHostDependencies {
  window: BaseWindow;
  /**
   * Installs permission handlers, user agent, request blocking and the proxy on a session, once.
   * Resolves when the session is ready for the page's first request (its proxy is in place).
   */
  hardenSession: (session: Session, partition: string) => Promise<void>;
  scopeFor: (serviceId: string) => NavigationScope;
  spellcheck: () => boolean;
  audit: (serviceId: string, workspaceId: string, event: NavigationAuditEvent) => void;
  /** The organization's URL policies for a service's page (issue 10). */
  policyAllows?: (url: string, workspaceId: string) => boolean;
}

class ElectronServiceView implements ServiceViewHandle {
  readonly id: number;
  private readonly listeners: ((event: ViewEvent) => void)[] = [];
  private attached = false;
  private capturing = false;
  private zoomFactor = 1;

  constructor(
    private readonly view: WebContentsView,
    private readonly window: BaseWindow,
    /** The session's proxy is set: no request may leave before, or it would skip the proxy. */
    private readonly sessionReady: Promise<void>,
  ) {
    this.id = view.webContents.id;
    const contents = view.webContents;
    contents.on('page-title-updated', (_event, title) => this.emit({ type: 'title', title }));
    contents.on('page-favicon-updated', (_event, favicons) =>
      this.emit({ type: 'favicon', urls: favicons }),
    );
    contents.on('did-navigate', (_event, url) => {
      // Chromium keeps zoom per origin: a page on another origin starts at 100 % again.
      if (this.zoomFactor !== 1) contents.setZoomFactor(this.zoomFactor);
      this.emit({ type: 'navigated', url });
    });
    contents.on('found-in-page', (_event, result) =>
      this.emit({
        type: 'found',
        activeMatch: result.activeMatchOrdinal,
        matches: result.matches,
        final: result.finalUpdate,
      }),
    );
    // App shortcuts work while the page has focus; the page never sees them.
    contents.on('before-input-event', (event, input) => {
      if (input.type !== 'keyDown') return;
      const key = {
        key: input.key,
        code: input.code,
        ctrlKey: input.control,
        metaKey: input.meta,
        shiftKey: input.shift,
        altKey: input.alt,
      };
      if (!overridesPage(key)) return;
      event.preventDefault();
      this.emit({ type: 'shortcut', key });
    });
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) this.emit({ type: 'navigated', url });
    });
    contents.on('did-start-loading', () => this.emit({ type: 'loading', loading: true }));
    contents.on('did-stop-loading', () => this.emit({ type: 'loading', loading: false }));
    contents.on('audio-state-changed', (event) =>
      this.emit({ type: 'audible', audible: event.audible }),
    );
    contents.on('render-process-gone', (_event, details) => {
      if (details.reason !== 'clean-exit') this.emit({ type: 'crashed', reason: details.reason });
    });
    contents.on('unresponsive', () => this.emit({ type: 'unresponsive' }));
    contents.on('responsive', () => this.emit({ type: 'responsive' }));
  }

  /** Set by the media permission path: a page that got the camera or microphone is kept awake. */
  markCapturing(capturing: boolean): void {
    this.capturing = capturing;
  }

  async load(url: string): Promise<void> {
    await this.sessionReady;
    if (this.view.webContents.isDestroyed()) return;
    try {
      await this.view.webContents.loadURL(url);
    } catch {
      // A failed load shows Chromium's error page in the view; the manager learns it from events.
    }
  }

  currentUrl(): string {
    return this.view.webContents.getURL();
  }

  show(bounds: Rectangle): void {
    if (!this.attached) {
      this.window.contentView.addChildView(this.view);
      this.attached = true;
    }
    this.view.setBounds(bounds);
    this.view.setVisible(true);
  }

  hide(): void {
    this.view.setVisible(false);
  }

  destroy(): void {
    if (this.attached) this.window.contentView.removeChildView(this.view);
    this.attached = false;
    // Removing a view does not free its renderer: the webContents must be closed.
    if (!this.view.webContents.isDestroyed()) this.view.webContents.close();
  }

  isAudible(): boolean {
    return !this.view.webContents.isDestroyed() && this.view.webContents.isCurrentlyAudible();
  }

  isCapturingMedia(): boolean {
    return this.capturing;
  }

  reload(ignoreCache: boolean): void {
    if (ignoreCache) this.view.webContents.reloadIgnoringCache();
    else this.view.webContents.reload();
  }

  goBack(): void {
    if (this.view.webContents.navigationHistory.canGoBack())
      this.view.webContents.navigationHistory.goBack();
  }

  goForward(): void {
    if (this.view.webContents.navigationHistory.canGoForward())
      this.view.webContents.navigationHistory.goForward();
  }

  canGoBack(): boolean {
    return (
      !this.view.webContents.isDestroyed() && this.view.webContents.navigationHistory.canGoBack()
    );
  }

  canGoForward(): boolean {
    return (
      !this.view.webContents.isDestroyed() && this.view.webContents.navigationHistory.canGoForward()
    );
  }

  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
    if (!this.view.webContents.isDestroyed()) this.view.webContents.setZoomFactor(factor);
  }

  setAudioMuted(muted: boolean): void {
    if (!this.view.webContents.isDestroyed()) this.view.webContents.setAudioMuted(muted);
  }

  findInPage(text: string, options: { forward: boolean; findNext: boolean }): void {
    if (!this.view.webContents.isDestroyed()) this.view.webContents.findInPage(text, options);
  }

  stopFindInPage(): void {
    if (!this.view.webContents.isDestroyed())
      this.view.webContents.stopFindInPage('clearSelection');
  }

  print(): void {
    // The system print dialog; its outcome is the user's business, not an error to report.
    if (!this.view.webContents.isDestroyed()) this.view.webContents.print({}, () => undefined);
  }

  onEvent(listener: (event: ViewEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(event: ViewEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export class ElectronViewHost implements ViewHost {
  private readonly views = new Map<number, ElectronServiceView>();

  constructor(private readonly deps: ElectronViewHostDependencies) {}

  createServiceView(spec: ServiceViewSpec): ServiceViewHandle {
    const partitionSession = electronSession.fromPartition(spec.partition);
    // A proxy that failed to apply is reported by hardenSession, and the session's requests
    // are refused; the page then shows Chromium's error instead of going around the proxy.
    const sessionReady = this.deps
      .hardenSession(partitionSession, spec.partition)
      .catch(() => undefined);
    const options = { partition: spec.partition, spellcheck: this.deps.spellcheck() };
    const view = new WebContentsView(serviceViewOptions(options));
    if (spec.userAgent) view.webContents.setUserAgent(spec.userAgent);
    this.guard(view.webContents, spec, options);
    const handle = new ElectronServiceView(view, this.deps.window, sessionReady);
    this.views.set(handle.id, handle);
    view.webContents.once('destroyed', () => this.views.delete(handle.id));
    return handle;
  }

  markCapturing(webContentsId: number, capturing: boolean): void {
    this.views.get(webContentsId)?.markCapturing(capturing);
  }

  private guard(
    contents: WebContents,
    spec: ServiceViewSpec,
    options: { partition: string; spellcheck: boolean },
  ): void {
    const guard = createNavigationGuard({
      scope: this.deps.scopeFor(spec.serviceId),
      openExternal: (url) => void shell.openExternal(url),
      popupWindowOptions: () => servicePopupWindowOptions(options),
      audit: (event) => this.deps.audit(spec.serviceId, spec.workspaceId, event),
      ...(this.deps.policyAllows
        ? { policyAllows: (url: string) => this.deps.policyAllows?.(url, spec.workspaceId) ?? true }
        : {}),
    });
    contents.on('will-navigate', (event) => {
      if (guard.shouldCancelNavigation(event.url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (event.isMainFrame && guard.shouldCancelNavigation(event.url)) event.preventDefault();
      else if (!event.isMainFrame && guard.shouldCancelFrameNavigation(event.url))
        event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && guard.shouldCancelFrameNavigation(event.url))
        event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler((details) => guard.windowOpenHandler(details));
    // A popup the guard allowed (a sign-in window) is held to the same rules.
    contents.on('did-create-window', (window) => this.guard(window.webContents, spec, options));
  }
}
