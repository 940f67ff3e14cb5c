import { FlowDeskError } from '@flowdesk/shared/core';
import type { KeyLike, ViewState } from '@flowdesk/shared/ipc';
import { CircuitBreaker, computeBackoffDelay } from '@flowdesk/shared/resilience';
import {
  combineBadges,
  sessionPartitionFor,
  sumBadges,
  unreadFromFavicon,
  unreadFromTitle,
} from '@flowdesk/shared/workspace';
import type {
  UnreadBadge,
  WorkspaceService,
  WorkspaceSettings,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';
import type { Rectangle, ServiceViewHandle, ViewEvent, ViewHost } from './view-host';

/**
 * The view manager (ARCHITECTURE.md decision 4): a service loads when first opened; switching to
 * a live view only shows it; per workspace, a live-view limit (least recently used first), an
 * idle timeout and a memory budget hibernate views by destroying their page and remembering the
 * URL — never the active view, one that plays audio or captures media, or one kept alive. Crashed
 * renderers are restarted with backoff until a circuit breaker says the page keeps crashing.
 */

export interface ManagedService {
  workspaceId: string;
  service: WorkspaceService;
  hibernation: WorkspaceSettings['hibernation'];
}

/** Every service of a store with its workspace and that workspace's hibernation settings. */
export function managedServicesOf(store: WorkspaceStore): ManagedService[] {
  return store.workspaces.flatMap((workspace) =>
    workspace.services.map((service) => ({
      workspaceId: workspace.id,
      service,
      hibernation: workspace.settings.hibernation,
    })),
  );
}

export interface FoundInPage {
  activeMatch: number;
  matches: number;
  final: boolean;
}

export interface LiveView {
  serviceId: string;
  workspaceId: string;
  viewId: number;
  lastActiveAt: number;
  loadMs?: number;
}

export type HibernateReason = 'user' | 'limit' | 'idle' | 'memory' | 'ceiling';

/**
 * What the per-service memory ceiling did: a page in the background is hibernated; one on screen,
 * kept alive or playing audio is reloaded; one in a call (camera, microphone, screen) is left
 * alone and the user is only told.
 */
export type CeilingAction = 'hibernated' | 'reloaded' | 'left-running';

export interface MemoryCeilingEvent {
  serviceId: string;
  usedMb: number;
  ceilingMb: number;
  action: CeilingAction;
}

export interface ViewManagerOptions {
  host: ViewHost;
  now?: () => number;
  /** The user agent a service view presents (the clean Chrome one, or the service's override). */
  userAgentFor?: (service: WorkspaceService) => string | undefined;
  /** Memory of a view's renderer in MB, from app.getAppMetrics(); undefined when unknown. */
  memoryMbOf?: (viewId: number) => number | undefined;
  onState?: (state: ViewState) => void;
  onHibernated?: (serviceId: string, reason: HibernateReason) => void;
  onCrashed?: (serviceId: string, reason: string, willRestart: boolean) => void;
  /** A service went over its own memory ceiling (told to the user). */
  onMemoryCeiling?: (event: MemoryCeilingEvent) => void;
  /** Find-in-page results, passed on to the UI's find bar. */
  onFound?: (serviceId: string, found: FoundInPage) => void;
  /** An app shortcut pressed while a service page had focus. */
  onShortcut?: (key: KeyLike) => void;
  /** Timers for crash restarts; injected so tests control time. */
  schedule?: (task: () => void, delayMs: number) => void;
  random?: () => number;
}

type Phase = ViewState['state'];

interface Entry {
  managed: ManagedService;
  phase: Phase;
  handle: ServiceViewHandle | undefined;
  lastUrl: string;
  lastActiveAt: number;
  startedAt: number;
  title: string | undefined;
  badge: UnreadBadge;
  titleBadge: UnreadBadge;
  faviconBadge: UnreadBadge | undefined;
  crashes: number;
  /** Milliseconds from creating the page to its first load finishing, this start. */
  loadMs: number | undefined;
  breaker: CircuitBreaker;
  error: ViewState['error'];
}

/** A live view must stay up this long after a restart before its crash count is forgiven. */
const STABLE_AFTER_MS = 2 * 60 * 1000;

export class ViewManager {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly schedule: (task: () => void, delayMs: number) => void;
  private activeServiceId: string | undefined;
  private bounds: Rectangle = { x: 0, y: 0, width: 0, height: 0 };

  constructor(private readonly options: ViewManagerOptions) {
    this.now = options.now ?? (() => Date.now());
    this.schedule = options.schedule ?? ((task, delayMs) => void setTimeout(task, delayMs));
  }

  /** Brings the manager in line with the store: new services are known, removed ones destroyed. */
  setServices(services: readonly ManagedService[]): void {
    const wanted = new Set(services.map((managed) => managed.service.id));
    for (const [serviceId, entry] of this.entries) {
      if (!wanted.has(serviceId)) {
        entry.handle?.destroy();
        this.entries.delete(serviceId);
        if (this.activeServiceId === serviceId) this.activeServiceId = undefined;
      }
    }
    for (const managed of services) {
      const existing = this.entries.get(managed.service.id);
      if (existing) {
        const moved = existing.managed.workspaceId !== managed.workspaceId;
        const sessionChanged =
          existing.managed.service.isolation !== managed.service.isolation ||
          existing.managed.service.persistSession !== managed.service.persistSession;
        const before = existing.managed.service;
        existing.managed = managed;
        if (existing.handle) {
          if (before.zoomFactor !== managed.service.zoomFactor)
            existing.handle.setZoomFactor(managed.service.zoomFactor);
          if (before.audioMuted !== managed.service.audioMuted)
            existing.handle.setAudioMuted(managed.service.audioMuted);
        }
        // A different session means a different partition: the page must be recreated.
        if ((moved || sessionChanged) && existing.handle)
          this.hibernate(managed.service.id, 'user');
        continue;
      }
      this.entries.set(managed.service.id, {
        managed,
        phase: 'not-loaded',
        handle: undefined,
        lastUrl: managed.service.url,
        lastActiveAt: 0,
        startedAt: 0,
        title: undefined,
        badge: { count: 0, attention: false },
        titleBadge: { count: 0, attention: false },
        faviconBadge: undefined,
        crashes: 0,
        loadMs: undefined,
        breaker: new CircuitBreaker({
          name: managed.service.name,
          failureThreshold: 3,
          resetTimeoutMs: 10 * 60 * 1000,
        }),
        error: undefined,
      });
    }
  }

  /** Where the UI leaves room for the service page. */
  setContentBounds(bounds: Rectangle): void {
    this.bounds = { ...bounds };
    const active =
      this.activeServiceId === undefined ? undefined : this.entries.get(this.activeServiceId);
    active?.handle?.show(this.bounds);
  }

  /** Shows a service: instantly if its view is live, otherwise it is created and loads. */
  activate(serviceId: string): void {
    const entry = this.require(serviceId);
    const previous =
      this.activeServiceId === undefined ? undefined : this.entries.get(this.activeServiceId);
    if (previous && previous !== entry) {
      previous.handle?.hide();
      previous.lastActiveAt = this.now();
    }
    this.activeServiceId = serviceId;
    entry.lastActiveAt = this.now();
    if (!entry.handle) {
      if (entry.phase === 'crashed' && entry.breaker.state === 'open') {
        this.emit(entry);
        return;
      }
      this.start(entry);
    }
    entry.handle?.show(this.bounds);
    this.enforceLimits(entry.managed.workspaceId);
  }

  get activeService(): string | undefined {
    return this.activeServiceId;
  }

  /** Frees a view's page, remembering where it was. False when it is not live or must stay. */
  hibernate(serviceId: string, reason: HibernateReason = 'user'): boolean {
    const entry = this.require(serviceId);
    if (!entry.handle) return false;
    if (reason !== 'user' && !this.canAutoHibernate(entry)) return false;
    entry.lastUrl = this.safeUrl(entry.handle) ?? entry.lastUrl;
    entry.handle.destroy();
    entry.handle = undefined;
    entry.phase = 'hibernated';
    if (this.activeServiceId === serviceId && reason === 'user') this.activeServiceId = undefined;
    this.options.onHibernated?.(serviceId, reason);
    this.emit(entry);
    return true;
  }

  /** A reload by the user also forgives past crashes. */
  reload(serviceId: string, ignoreCache = false): void {
    const entry = this.require(serviceId);
    entry.breaker.reset();
    entry.crashes = 0;
    entry.error = undefined;
    if (entry.handle) entry.handle.reload(ignoreCache);
    else {
      const handle = this.start(entry);
      if (this.activeServiceId === serviceId) handle.show(this.bounds);
    }
  }

  goBack(serviceId: string): void {
    this.require(serviceId).handle?.goBack();
  }

  goForward(serviceId: string): void {
    this.require(serviceId).handle?.goForward();
  }

  /** Where the service is now: the live page's address, or where it will reopen. */
  currentUrl(serviceId: string): string {
    const entry = this.require(serviceId);
    return (entry.handle ? this.safeUrl(entry.handle) : undefined) ?? entry.lastUrl;
  }

  /** Searches the live page; false when the service is not open (nothing to search). */
  find(serviceId: string, text: string, options: { forward: boolean; findNext: boolean }): boolean {
    const handle = this.require(serviceId).handle;
    handle?.findInPage(text, options);
    return handle !== undefined;
  }

  stopFind(serviceId: string): void {
    this.require(serviceId).handle?.stopFindInPage();
  }

  /** Prints the live page; false when the service is not open. */
  print(serviceId: string): boolean {
    const handle = this.require(serviceId).handle;
    handle?.print();
    return handle !== undefined;
  }

  /**
   * Periodic housekeeping (the adapter calls it every minute): per-service memory ceilings, idle
   * timeout, then each workspace's memory budget.
   */
  tick(): void {
    const now = this.now();
    for (const entry of [...this.entries.values()]) this.enforceMemoryCeiling(entry);
    for (const entry of this.entries.values()) {
      if (entry.handle && entry.crashes > 0 && now - entry.startedAt >= STABLE_AFTER_MS) {
        entry.crashes = 0;
        void entry.breaker.execute(() => Promise.resolve()).catch(() => undefined);
      }
      const { hibernation } = entry.managed;
      const idleMinutes = entry.managed.service.hibernation.idleMinutes ?? hibernation.idleMinutes;
      if (hibernation.enabled && entry.handle && now - entry.lastActiveAt >= idleMinutes * 60_000) {
        this.hibernate(entry.managed.service.id, 'idle');
      }
    }
    for (const workspaceId of new Set(
      [...this.entries.values()].map((entry) => entry.managed.workspaceId),
    )) {
      this.enforceMemoryBudget(workspaceId);
    }
  }

  /** The service a webContents shows, for permission handlers and IPC checks. */
  serviceForWebContents(webContentsId: number): ManagedService | undefined {
    for (const entry of this.entries.values()) {
      if (entry.handle?.id === webContentsId) return entry.managed;
    }
    return undefined;
  }

  states(): ViewState[] {
    return [...this.entries.values()].map((entry) => this.stateOf(entry));
  }

  /** The services whose pages are loaded now, with their view ids (for per-service metrics). */
  liveViews(): LiveView[] {
    return [...this.entries.values()].flatMap((entry) =>
      entry.handle
        ? [
            {
              serviceId: entry.managed.service.id,
              workspaceId: entry.managed.workspaceId,
              viewId: entry.handle.id,
              lastActiveAt: entry.lastActiveAt,
              ...(entry.loadMs === undefined ? {} : { loadMs: entry.loadMs }),
            },
          ]
        : [],
    );
  }

  /**
   * Hibernates every live view not used for `idleMs`, whatever the workspace's own timeout —
   * never the active one, one playing audio, in a call or kept alive. Returns their ids.
   */
  hibernateInactive(idleMs: number): string[] {
    const now = this.now();
    return [...this.entries.values()]
      .filter((entry) => this.canAutoHibernate(entry) && now - entry.lastActiveAt >= idleMs)
      .map((entry) => entry.managed.service.id)
      .filter((serviceId) => this.hibernate(serviceId, 'idle'));
  }

  liveCount(workspaceId?: string): number {
    return [...this.entries.values()].filter(
      (entry) =>
        entry.handle && (workspaceId === undefined || entry.managed.workspaceId === workspaceId),
    ).length;
  }

  /** Unread totals per workspace, for the sidebar, and overall, for the tray and dock. */
  unread(): { byWorkspace: Map<string, UnreadBadge>; total: UnreadBadge } {
    const groups = new Map<string, UnreadBadge[]>();
    for (const entry of this.entries.values()) {
      if (!entry.managed.service.notifications.showBadge) continue;
      const list = groups.get(entry.managed.workspaceId) ?? [];
      list.push(entry.badge);
      groups.set(entry.managed.workspaceId, list);
    }
    const byWorkspace = new Map([...groups].map(([id, badges]) => [id, sumBadges(badges)]));
    return { byWorkspace, total: sumBadges(byWorkspace.values()) };
  }

  destroyAll(): void {
    for (const entry of this.entries.values()) {
      entry.handle?.destroy();
      entry.handle = undefined;
    }
    this.entries.clear();
    this.activeServiceId = undefined;
  }

  private start(entry: Entry): ServiceViewHandle {
    const { service, workspaceId } = entry.managed;
    const handle = this.options.host.createServiceView({
      workspaceId,
      serviceId: service.id,
      partition: sessionPartitionFor({
        workspaceId,
        serviceId: service.id,
        isolation: service.isolation,
        persistSession: service.persistSession,
      }),
      url: entry.lastUrl,
      ...(this.options.userAgentFor ? { userAgent: this.options.userAgentFor(service) } : {}),
    });
    entry.handle = handle;
    entry.phase = 'loading';
    entry.startedAt = this.now();
    entry.loadMs = undefined;
    if (service.zoomFactor !== 1) handle.setZoomFactor(service.zoomFactor);
    if (service.audioMuted) handle.setAudioMuted(true);
    handle.onEvent((event) => {
      if (entry.handle === handle) this.onViewEvent(entry, event);
    });
    this.emit(entry);
    void handle.load(entry.lastUrl).then(() => {
      if (entry.handle === handle && entry.phase === 'loading') {
        entry.phase = 'live';
        entry.loadMs ??= this.now() - entry.startedAt;
        this.emit(entry);
      }
    });
    return handle;
  }

  private onViewEvent(entry: Entry, event: ViewEvent): void {
    switch (event.type) {
      case 'title':
        entry.title = event.title;
        entry.titleBadge = unreadFromTitle(event.title);
        entry.badge = combineBadges(entry.titleBadge, entry.faviconBadge);
        break;
      case 'favicon':
        entry.faviconBadge = unreadFromFavicon(event.urls);
        entry.badge = combineBadges(entry.titleBadge, entry.faviconBadge);
        break;
      case 'navigated':
        entry.lastUrl = event.url;
        break;
      case 'loading':
        if (!event.loading && entry.phase === 'loading') {
          entry.phase = 'live';
          entry.loadMs ??= this.now() - entry.startedAt;
        }
        break;
      case 'audible':
        break;
      case 'unresponsive':
        entry.phase = 'unresponsive';
        break;
      case 'responsive':
        if (entry.phase === 'unresponsive') entry.phase = 'live';
        break;
      case 'crashed':
        void this.onCrash(entry, event.reason);
        return;
      case 'found':
        this.options.onFound?.(entry.managed.service.id, {
          activeMatch: event.activeMatch,
          matches: event.matches,
          final: event.final,
        });
        return;
      case 'shortcut':
        this.options.onShortcut?.(event.key);
        return;
    }
    this.emit(entry);
  }

  private async onCrash(entry: Entry, reason: string): Promise<void> {
    const serviceId = entry.managed.service.id;
    if (entry.handle) entry.lastUrl = this.safeUrl(entry.handle) ?? entry.lastUrl;
    entry.handle?.destroy();
    entry.handle = undefined;
    entry.phase = 'crashed';
    entry.crashes += 1;
    entry.error = {
      code: 'RENDERER_CRASHED',
      message: `${entry.managed.service.name} stopped unexpectedly.`,
    };
    this.emit(entry);
    // Each crash is a failure for the breaker; three in a row without a stable period open it.
    await entry.breaker
      .execute(() => Promise.reject(new FlowDeskError('RENDERER_CRASHED', reason)))
      .catch(() => undefined);
    if (this.entries.get(serviceId) !== entry || entry.handle) return;
    const willRestart = entry.breaker.state !== 'open';
    entry.error = willRestart
      ? {
          code: 'RENDERER_CRASHED',
          message: `${entry.managed.service.name} stopped unexpectedly; reloading it.`,
        }
      : {
          code: 'RENDERER_CRASHED',
          message: `${entry.managed.service.name} keeps crashing. Reload it when you want to try again.`,
        };
    this.options.onCrashed?.(serviceId, reason, willRestart);
    this.emit(entry);
    if (!willRestart) return;
    const delay = computeBackoffDelay(
      entry.crashes,
      { initialDelayMs: 1000, maxDelayMs: 30_000, jitter: 'equal' },
      this.options.random,
    );
    this.schedule(() => {
      if (this.entries.get(serviceId) !== entry || entry.handle || entry.phase !== 'crashed')
        return;
      entry.error = undefined;
      const handle = this.start(entry);
      if (this.activeServiceId === serviceId) handle.show(this.bounds);
    }, delay);
  }

  private canAutoHibernate(entry: Entry): boolean {
    const handle = entry.handle;
    if (!handle) return false;
    if (this.activeServiceId === entry.managed.service.id) return false;
    if (entry.managed.service.hibernation.keepAlive) return false;
    return !handle.isAudible() && !handle.isCapturingMedia();
  }

  /** Least recently used first. */
  private candidates(workspaceId: string): Entry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.managed.workspaceId === workspaceId && this.canAutoHibernate(entry))
      .sort((a, b) => a.lastActiveAt - b.lastActiveAt);
  }

  private enforceLimits(workspaceId: string): void {
    const workspace = [...this.entries.values()].find(
      (entry) => entry.managed.workspaceId === workspaceId,
    );
    if (!workspace?.managed.hibernation.enabled) return;
    const limit = workspace.managed.hibernation.maxLiveViews;
    for (const entry of this.candidates(workspaceId)) {
      if (this.liveCount(workspaceId) <= limit) break;
      this.hibernate(entry.managed.service.id, 'limit');
    }
  }

  private enforceMemoryCeiling(entry: Entry): void {
    const ceilingMb = entry.managed.service.hibernation.memoryCeilingMb;
    const handle = entry.handle;
    if (ceilingMb === undefined || !handle || !this.options.memoryMbOf) return;
    const usedMb = this.options.memoryMbOf(handle.id);
    if (usedMb === undefined || usedMb <= ceilingMb) return;
    const serviceId = entry.managed.service.id;
    let action: CeilingAction;
    if (handle.isCapturingMedia()) action = 'left-running';
    else if (this.canAutoHibernate(entry)) {
      this.hibernate(serviceId, 'ceiling');
      action = 'hibernated';
    } else {
      // A fresh page in a fresh renderer: a plain reload can keep the bloated process.
      entry.lastUrl = this.safeUrl(handle) ?? entry.lastUrl;
      handle.destroy();
      entry.handle = undefined;
      const restarted = this.start(entry);
      if (this.activeServiceId === serviceId) restarted.show(this.bounds);
      action = 'reloaded';
    }
    this.options.onMemoryCeiling?.({ serviceId, usedMb, ceilingMb, action });
  }

  private enforceMemoryBudget(workspaceId: string): void {
    const memoryOf = this.options.memoryMbOf;
    const workspace = [...this.entries.values()].find(
      (entry) => entry.managed.workspaceId === workspaceId,
    );
    if (!memoryOf || !workspace?.managed.hibernation.enabled) return;
    const budget = workspace.managed.hibernation.memoryBudgetMb;
    const used = () =>
      [...this.entries.values()]
        .filter((entry) => entry.managed.workspaceId === workspaceId && entry.handle)
        .reduce((sum, entry) => sum + (memoryOf(entry.handle?.id ?? -1) ?? 0), 0);
    for (const entry of this.candidates(workspaceId)) {
      if (used() <= budget) break;
      this.hibernate(entry.managed.service.id, 'memory');
    }
  }

  private stateOf(entry: Entry): ViewState {
    const handle = entry.handle;
    const memory =
      handle && this.options.memoryMbOf ? this.options.memoryMbOf(handle.id) : undefined;
    return {
      serviceId: entry.managed.service.id,
      state: entry.phase,
      ...(entry.title === undefined ? {} : { title: entry.title.slice(0, 500) }),
      url: (handle ? (this.safeUrl(handle) ?? entry.lastUrl) : entry.lastUrl).slice(0, 2048),
      canGoBack: handle?.canGoBack() ?? false,
      canGoForward: handle?.canGoForward() ?? false,
      unread: entry.badge.count,
      needsAttention: entry.badge.attention,
      audible: handle?.isAudible() ?? false,
      ...(memory === undefined ? {} : { memoryMb: memory }),
      ...(entry.error ? { error: entry.error } : {}),
    };
  }

  private emit(entry: Entry): void {
    this.options.onState?.(this.stateOf(entry));
  }

  private safeUrl(handle: ServiceViewHandle): string | undefined {
    try {
      const url = handle.currentUrl();
      return url.startsWith('http') ? url : undefined;
    } catch {
      return undefined;
    }
  }

  private require(serviceId: string): Entry {
    const entry = this.entries.get(serviceId);
    if (!entry) {
      throw new FlowDeskError(
        'VIEW_UNKNOWN_SERVICE',
        'This service is not in any workspace any more.',
        {
          details: { serviceId },
        },
      );
    }
    return entry;
  }
}
