import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isPermissionGranted } from '@flowdesk/shared/security';
import type { NavigationScope, PermissionGrantLike } from '@flowdesk/shared/security';
import { createNavigationGuard } from '../../src/main/security/navigation-guard';
import type { NavigationAuditEvent } from '../../src/main/security/navigation-guard';
import { servicePopupWindowOptions } from '../../src/main/security/web-preferences';
import type {
  Rectangle,
  ServiceViewHandle,
  ServiceViewSpec,
  ViewEvent,
  ViewHost,
} from '../../src/main/views/view-host';

/**
 * A ViewHost over real Chromium (Debian's, driven by playwright-core) for integration tests:
 * each session partition is one browser context, exactly as each partition is one Electron
 * session; the REAL navigation guard decides every main-frame navigation and popup; permission
 * grants come from the REAL permission decisions. What Electron itself adds on top (its
 * handlers, WebContentsView) is covered by the adapter, which only a real Electron run exercises.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // CI runs as root, where Chromium's own sandbox cannot start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

export interface ChromiumHostOptions {
  scopeFor: (serviceId: string) => NavigationScope;
  grantsFor: (serviceId: string) => readonly PermissionGrantLike[];
}

/** Permissions the tests observe, as Playwright names them, with the Electron name we decide on. */
const PERMISSIONS: readonly { playwright: string; electron: string }[] = [
  { playwright: 'notifications', electron: 'notifications' },
  { playwright: 'geolocation', electron: 'geolocation' },
  { playwright: 'camera', electron: 'media' },
  { playwright: 'microphone', electron: 'media' },
];

class ChromiumServiceView implements ServiceViewHandle {
  readonly id: number;
  visible: Rectangle | undefined;
  destroyed = false;
  private url: string;
  private readonly listeners: ((event: ViewEvent) => void)[] = [];

  constructor(
    id: number,
    readonly spec: ServiceViewSpec,
    readonly page: Promise<Page>,
  ) {
    this.id = id;
    this.url = spec.url;
    void page.then((opened) => {
      opened.on('framenavigated', (frame) => {
        if (frame !== opened.mainFrame()) return;
        this.url = frame.url();
        this.emit({ type: 'navigated', url: this.url });
      });
      opened.on('load', () => {
        void opened.title().then(
          (title) => this.emit({ type: 'title', title }),
          () => undefined,
        );
      });
      opened.on('crash', () => this.emit({ type: 'crashed', reason: 'crashed' }));
    });
  }

  async load(url: string): Promise<void> {
    const opened = await this.page;
    await opened.goto(url).catch(() => undefined);
  }
  currentUrl(): string {
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
    void this.page.then((opened) => opened.close()).catch(() => undefined);
  }
  isAudible(): boolean {
    return false;
  }
  isCapturingMedia(): boolean {
    return false;
  }
  reload(): void {
    void this.page.then((opened) => opened.reload()).catch(() => undefined);
  }
  goBack(): void {
    void this.page.then((opened) => opened.goBack()).catch(() => undefined);
  }
  goForward(): void {
    void this.page.then((opened) => opened.goForward()).catch(() => undefined);
  }
  canGoBack(): boolean {
    return false;
  }
  canGoForward(): boolean {
    return false;
  }
  // Zoom, sound, find and print are Electron webContents calls with no page-level equivalent
  // here; the view tests do not use them, so the calls are only recorded.
  readonly calls: string[] = [];
  setZoomFactor(factor: number): void {
    this.calls.push(`zoom ${factor}`);
  }
  setAudioMuted(muted: boolean): void {
    this.calls.push(`muted ${muted}`);
  }
  findInPage(text: string): void {
    this.calls.push(`find ${text}`);
  }
  stopFindInPage(): void {
    this.calls.push('stop find');
  }
  print(): void {
    this.calls.push('print');
  }
  onEvent(listener: (event: ViewEvent) => void): void {
    this.listeners.push(listener);
  }
  private emit(event: ViewEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export class ChromiumViewHost implements ViewHost {
  readonly contexts = new Map<string, BrowserContext>();
  readonly views: ChromiumServiceView[] = [];
  readonly openedExternally: string[] = [];
  readonly audit: NavigationAuditEvent[] = [];
  private nextId = 1;

  constructor(
    private readonly browser: Browser,
    private readonly options: ChromiumHostOptions,
  ) {}

  createServiceView(spec: ServiceViewSpec): ChromiumServiceView {
    const view = new ChromiumServiceView(this.nextId++, spec, this.openPage(spec));
    this.views.push(view);
    return view;
  }

  /**
   * The JavaScript heap of each live view's page in MB, through the DevTools protocol: the
   * stand-in for app.getAppMetrics() per renderer, which only Electron gives.
   */
  async measureMemory(): Promise<Map<number, number>> {
    const measured = new Map<number, number>();
    for (const view of this.views.filter((candidate) => !candidate.destroyed)) {
      const page = await view.page;
      const devtools = await page.context().newCDPSession(page);
      const { usedSize } = await devtools.send('Runtime.getHeapUsage');
      await devtools.detach();
      measured.set(view.id, Math.round(usedSize / (1024 * 1024)));
    }
    return measured;
  }

  latest(serviceId: string): ChromiumServiceView | undefined {
    return [...this.views].reverse().find((view) => view.spec.serviceId === serviceId);
  }

  /** Applies the current permission decisions of a service to its context (what Electron's check handler answers). */
  async syncPermissions(serviceId: string, origin: string): Promise<void> {
    const view = this.latest(serviceId);
    const context = view && this.contexts.get(view.spec.partition);
    if (!context) return;
    const scope = this.options.scopeFor(serviceId);
    const grants = this.options.grantsFor(serviceId);
    const granted = PERMISSIONS.filter(({ electron, playwright }) =>
      isPermissionGranted(
        {
          permission: electron,
          requestingOrigin: origin,
          mediaTypes:
            playwright === 'camera'
              ? ['video']
              : playwright === 'microphone'
                ? ['audio']
                : undefined,
        },
        scope,
        grants,
      ),
    ).map(({ playwright }) => playwright);
    await context.clearPermissions();
    if (granted.length > 0) await context.grantPermissions(granted, { origin });
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.contexts.values()].map((context) => context.close().catch(() => undefined)),
    );
  }

  private async contextFor(partition: string): Promise<BrowserContext> {
    let context = this.contexts.get(partition);
    if (!context) {
      context = await this.browser.newContext();
      this.contexts.set(partition, context);
    }
    return context;
  }

  private async openPage(spec: ServiceViewSpec): Promise<Page> {
    const context = await this.contextFor(spec.partition);
    const page = await context.newPage();
    this.applyGuard(page, spec);
    return page;
  }

  private applyGuard(page: Page, spec: ServiceViewSpec): void {
    const guard = createNavigationGuard({
      scope: this.options.scopeFor(spec.serviceId),
      openExternal: (url) => this.openedExternally.push(url),
      popupWindowOptions: () =>
        servicePopupWindowOptions({ partition: spec.partition, spellcheck: false }),
      audit: (event) => this.audit.push(event),
    });
    // will-navigate / will-redirect: every main-frame navigation request goes through the guard.
    void page
      .route('**/*', async (route) => {
        const request = route.request();
        const isMainFrameNavigation =
          request.isNavigationRequest() && request.frame() === page.mainFrame();
        const cancelled = isMainFrameNavigation
          ? guard.shouldCancelNavigation(request.url())
          : request.isNavigationRequest() && guard.shouldCancelFrameNavigation(request.url());
        // 204 No Content keeps the current page, as Electron's preventDefault() does; an abort
        // would replace it with an error page.
        if (cancelled) await route.fulfill({ status: 204 }).catch(() => undefined);
        else await route.continue().catch(() => undefined);
      })
      .catch(() => {
        // A denied popup can be closed before its route is installed; nothing is left to guard.
      });
    // setWindowOpenHandler: a popup the guard denies is closed before it can be used.
    page.on('popup', (popup) => {
      // Playwright reports a popup once it has its initial URL: decide on that URL at once.
      const response = guard.windowOpenHandler({ url: popup.url(), disposition: 'new-window' });
      if (response.action === 'deny') void popup.close().catch(() => undefined);
      else this.applyGuard(popup, spec);
    });
  }
}
