import { LicenseService } from '../../src/main/licensing/license-service';
import type { LicenseServiceOptions } from '../../src/main/licensing/license-service';
import type { LicenseSnapshot } from '@flowdesk/shared/licensing';
import { ok } from '@flowdesk/shared/core';
import { createMonitoringManager, monitoringConfigSchema } from '@flowdesk/shared/monitoring';
import type { MonitoringManager } from '@flowdesk/shared/monitoring';
import { IPC_EVENT_CHANNEL, createFlowDeskBridge } from '@flowdesk/shared/ipc';
import type {
  FlowDeskBridge,
  IpcEvent,
  IpcEventName,
  ScreenShareSource,
} from '@flowdesk/shared/ipc';
import { defaultWorkspaceStore, isId } from '@flowdesk/shared/workspace';
import type { WorkspaceAuditEntry, WorkspaceStore } from '@flowdesk/shared/workspace';
import { GENESIS_HEAD, buildAuditEntry, verifyAuditChain } from '../../src/main/data/audit-chain';
import type { AuditEventInput, ChainHead, Sha256 } from '../../src/main/data/audit-chain';
import { WorkspaceManager } from '../../src/main/data/workspace-manager';
import { createAppDiagnostics } from '../../src/main/monitoring/app-diagnostics';
import { UpdateController } from '../../src/main/updates/update-controller';
import type { PolicyStore } from '../../src/main/policy/policy-store';
import type { UpdaterPort } from '../../src/main/updates/update-controller';
import type { DiagnosticsFile } from '../../src/main/monitoring/diagnostics-files';
import { createIpcDispatcher } from '../../src/main/ipc/dispatcher';
import type { IpcSender } from '../../src/main/ipc/dispatcher';
import { createIpcHandlers } from '../../src/main/ipc/handlers';
import type { AuditLog, IpcHandlerDependencies } from '../../src/main/ipc/handlers';
import { AppLock } from '../../src/main/security/app-lock';
import type { AppLockStatus } from '../../src/main/security/app-lock';
import { memorySecretStore } from '../../src/main/security/memory-secrets.test-support';
import { PermissionPrompts } from '../../src/main/security/permission-prompts';
import { ScreenSharePicker } from '../../src/main/security/screen-share';
import { DownloadManager } from '../../src/main/views/downloads';
import { FakeDownloadItem } from '../../src/main/views/fake-download-item.test-support';
import { FakeViewHost } from '../../src/main/views/fake-view-host.test-support';
import { ViewManager, managedServicesOf } from '../../src/main/views/view-manager';

/**
 * The in-page implementation of window.flowdesk for UI tests (issue 4): the REAL workspace
 * manager, view manager, permission prompts, IPC handlers and dispatcher, with memory in place of
 * files and simulated pages in place of Electron views. It runs in a browser page (WebCrypto
 * hashes the audit chain) and under Node; the contract suite runs against it and against the
 * main process's disk-backed setup, so the two cannot drift.
 */

const sha256: Sha256 = async (text) => {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};

/** The audit trail kept in memory, with the same chain and checks as the file trail. */
export class MemoryAuditLog implements AuditLog {
  private readonly lines = new Map<string, string[]>();
  private readonly heads = new Map<string, ChainHead>();
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  logWorkspaceEvent(input: AuditEventInput): Promise<WorkspaceAuditEntry> {
    const run = async () => {
      const head = this.heads.get(input.workspaceId) ?? GENESIS_HEAD;
      const entry = await buildAuditEntry(
        input,
        head,
        {
          id: `audit-${++this.nextId}`,
          timestamp: this.now().toISOString(),
          userAgent: 'Flow Desk (in-page)',
        },
        sha256,
      );
      this.lines.set(input.workspaceId, [
        ...(this.lines.get(input.workspaceId) ?? []),
        JSON.stringify(entry),
      ]);
      this.heads.set(input.workspaceId, { sequence: entry.sequence + 1, hash: entry.hash });
      return entry;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async getWorkspaceAuditTrail(
    workspaceId: string,
    options: { limit?: number; beforeSequence?: number } = {},
  ): Promise<WorkspaceAuditEntry[]> {
    await this.queue;
    const entries = (this.lines.get(workspaceId) ?? []).map(
      (line) => JSON.parse(line) as WorkspaceAuditEntry,
    );
    return entries
      .filter(
        (entry) => options.beforeSequence === undefined || entry.sequence < options.beforeSequence,
      )
      .reverse()
      .slice(0, options.limit ?? 200);
  }

  async verify(workspaceId: string) {
    await this.queue;
    return verifyAuditChain(this.lines.get(workspaceId) ?? [], GENESIS_HEAD, sha256);
  }

  /** For tests: replaces a stored line, as tampering with a file would. */
  tamper(workspaceId: string, index: number, edit: (line: string) => string): void {
    const lines = this.lines.get(workspaceId);
    const line = lines?.[index];
    if (lines && line !== undefined) lines[index] = edit(line);
  }
}

// A 16x9 indigo PNG: enough to show that thumbnails arrive and are drawn.
const PNG_BLUE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAJCAIAAAC0SDtlAAAAFElEQVR4nGPwd3tKEmIY1TAoNAAA29PUof3YJyUAAAAASUVORK5CYII=';
const SAMPLE_SCREEN_SOURCES = [
  { id: 'screen:1:0', name: 'Built-in display', kind: 'screen', thumbnail: PNG_BLUE },
  { id: 'screen:2:0', name: 'External display', kind: 'screen', thumbnail: PNG_BLUE },
  { id: 'window:4242:0', name: 'Quarterly review — Slides', kind: 'window', thumbnail: PNG_BLUE },
] as const satisfies ScreenShareSource[];

export const IN_PAGE_SENDER: IpcSender = {
  frameUrl: 'app://flowdesk/index.html',
  isMainFrame: true,
  webContentsId: 1,
};

export interface InPageBackendOptions {
  initial?: WorkspaceStore;
  now?: () => Date;
  /**
   * Backups need files: under Node, tests pass the real module, built over the stand-in's own
   * workspace manager; a browser page has none.
   */
  backupsFor?: (workspaces: WorkspaceManager) => IpcHandlerDependencies['backups'];
  /** Export/import, integrity and cleanup need files too (test/support/temporary-backups.ts). */
  dataFor?: (
    workspaces: WorkspaceManager,
    audit: IpcHandlerDependencies['audit'],
  ) => IpcHandlerDependencies['data'];
  /** Start-up phases, as the main process records them; without it, none. */
  startup?: IpcHandlerDependencies['startup'];
  /** Memory and CPU per service, as the main process samples them; without it, none. */
  serviceMetrics?: IpcHandlerDependencies['serviceMetrics'];
  /** A license manager (tests give one with a stand-in website); without it licensing is off. */
  licenseManagerFor?: (
    onChange: (snapshot: LicenseSnapshot) => void,
  ) => NonNullable<LicenseServiceOptions['manager']>;
  /** Where shared error reports would go in this build; without it, nowhere. */
  errorReportHost?: string;
  /** Where "Export diagnostics…" saves; without it the save dialog is cancelled. */
  diagnosticsDestination?: () => string | undefined;
  /** A monitoring manager the test has already recorded problems in; without it, a fresh one. */
  monitoring?: MonitoringManager;
  /** An updater (a fake electron-updater); without it, a development build that never updates. */
  updater?: UpdaterPort;
  /** The organization's policies; without them, none apply. */
  policy?: Pick<PolicyStore, 'decide' | 'required'>;
}

export function createInPageBackend(options: InPageBackendOptions = {}) {
  const now = options.now ?? (() => new Date());
  let nextId = 0;
  const newId = () => `id-${(++nextId).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const listeners: ((event: unknown, ...args: unknown[]) => void)[] = [];
  const emit = <E extends IpcEventName>(name: E, payload: IpcEvent<E>) => {
    for (const listener of listeners) listener({}, name, payload);
  };
  const audit = new MemoryAuditLog(now);
  const workspaces = new WorkspaceManager(options.initial ?? defaultWorkspaceStore(), {
    repository: { save: () => ok(undefined) },
    now,
    newId,
    audit: (event) => void audit.logWorkspaceEvent(event).catch(() => undefined),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  const views = new ViewManager({
    host: new FakeViewHost(true),
    onState: (state) => emit('view:state', state),
    onFound: (serviceId, found) => emit('find:result', { serviceId, ...found }),
    onShortcut: (key) => emit('shortcut', key),
  });
  views.setServices(managedServicesOf(workspaces.store));
  workspaces.onChange((store) => {
    updates.applySettings();
    views.setServices(managedServicesOf(store));
    emit('state:changed', store);
  });
  // Monitoring as the main process runs it (shared/monitoring), with in-memory sinks only.
  const monitoring =
    options.monitoring ?? createMonitoringManager(monitoringConfigSchema.parse({}), { now });
  monitoring.registerHealthCheck(
    'crashed-views',
    () => {
      const crashed = views.states().filter((state) => state.state === 'crashed');
      return Promise.resolve(
        crashed.length === 0
          ? { status: 'healthy', message: 'No service page has crashed.' }
          : { status: 'degraded', message: `Crashed: ${crashed.length}.` },
      );
    },
    { critical: false },
  );
  const savedDiagnostics: { destination: string; files: DiagnosticsFile[] }[] = [];
  const diagnostics = createAppDiagnostics({
    monitoring,
    sources: {
      system: () => ({
        app: 'Flow Desk (in-page test backend)',
        workspaces: workspaces.store.workspaces.length,
      }),
      startup: () => options.startup?.launches() ?? [],
      serviceUsage: () => options.serviceMetrics?.() ?? [],
      metrics: () => [],
      logs: () =>
        monitoring.recentLogs
          .records()
          .map((record) => JSON.stringify(record))
          .join('\n'),
    },
    chooseDestination: () => Promise.resolve(options.diagnosticsDestination?.()),
    save: (files, destination) => {
      savedDiagnostics.push({ destination, files: [...files] });
      return Promise.resolve();
    },
    now,
  });
  const updates = new UpdateController({
    updater: options.updater,
    settings: () => workspaces.store.settings.updates,
    currentVersion: '0.1.0',
    onChange: (status) => emit('updates:changed', status),
    now: () => now().getTime(),
  });
  updates.applySettings();
  const permissionRequests: string[] = [];
  const prompts = new PermissionPrompts({
    send: (event) => {
      permissionRequests.push(event.requestId);
      emit('permission:requested', event);
    },
    remember: (serviceId, grant) => void workspaces.rememberPermission(serviceId, grant),
    newId: () => newId().replace(/[^a-z0-9-]/g, ''),
    now,
  });
  // Small scrypt parameters: the same lock logic, without seconds of hashing per test.
  const lock = new AppLock({
    record: undefined,
    save: () => undefined,
    onChange: (status) => {
      lockChanges.push(status);
      if (status.locked) views.setContentBounds({ x: 0, y: 0, width: 0, height: 0 });
      emit('lock:changed', status);
    },
    hashOptions: { N: 2 ** 14 },
  });
  const lockChanges: AppLockStatus[] = [];
  const opened: string[] = [];
  const clipboard: string[] = [];
  // Files on the simulated disk, and what the system was asked to open or show.
  const files = new Set<string>();
  const openedFiles: string[] = [];
  const shownInFolder: string[] = [];
  const downloads = new DownloadManager({
    downloadsDirectory: () => '/home/you/Downloads',
    askWhereToSave: () => workspaces.store.settings.downloads.askWhereToSave,
    onChange: (entry) => emit('download:changed', entry),
    openPath: (path) => {
      openedFiles.push(path);
      return Promise.resolve('');
    },
    showItemInFolder: (path) => void shownInFolder.push(path),
    fileExists: (path) => files.has(path),
    now: () => now().getTime(),
    newId: () => newId().replace(/[^a-z0-9-]/g, ''),
  });
  const secrets = memorySecretStore();
  const restarts: string[] = [];
  const screenShare = new ScreenSharePicker({
    send: (event) => emit('screen-share:requested', event),
    ended: (event) => emit('screen-share:ended', event),
    audioSupported: true,
    newId: () => newId().replace(/[^a-z0-9-]/g, ''),
  });
  // Without a manager (no pinned license keys, as in a development build) nothing is limited.
  const license: LicenseService = new LicenseService({
    store: () => workspaces.store,
    deviceName: 'This computer',
  });
  const licenseManager = options.licenseManagerFor?.((snapshot) =>
    emit('license:changed', license.status(snapshot)),
  );
  if (licenseManager) license.attach(licenseManager);
  const dispatch = createIpcDispatcher({
    handlers: createIpcHandlers({
      workspaces,
      views,
      license,
      ...(options.serviceMetrics ? { serviceMetrics: options.serviceMetrics } : {}),
      ...(options.startup ? { startup: options.startup } : {}),
      audit,
      prompts,
      lock,
      downloads,
      secrets: secrets.store,
      screenShare,
      ...(options.backupsFor ? { backups: options.backupsFor(workspaces) } : {}),
      ...(options.dataFor ? { data: options.dataFor(workspaces, audit) } : {}),
      restartApp: () => void restarts.push(now().toISOString()),
      appInfo: () => ({
        name: 'Flow Desk',
        version: '0.1.0',
        platform: 'linux',
        electronVersion: 'in-page',
        chromeVersion: 'in-page',
        locale: 'en-US',
        errorReportHost: options.errorReportHost ?? null,
      }),
      openExternal: (url) => opened.push(url),
      writeClipboard: (text) => void clipboard.push(text),
      clearServiceData: () => Promise.resolve(),
      diagnostics,
      updates,
      ...(options.policy ? { policy: options.policy } : {}),
    }),
  });
  const bridge: FlowDeskBridge = createFlowDeskBridge({
    invoke: (_channel, channel, payload) => dispatch(channel, payload, IN_PAGE_SENDER),
    on: (channel, listener) => {
      if (channel === IPC_EVENT_CHANNEL) listeners.push(listener);
    },
  });
  return {
    bridge,
    dispatch: (channel: unknown, payload: unknown) => dispatch(channel, payload, IN_PAGE_SENDER),
    workspaces,
    views,
    audit,
    updates,
    /** The monitoring manager: tests capture errors through it. */
    monitoring,
    /** Each diagnostics archive "saved", with its files. */
    savedDiagnostics,
    opened,
    clipboard,
    lock,
    permissionRequests,
    openedFiles,
    shownInFolder,
    /** When the app was asked to restart. */
    restarts,
    /** The proxy passwords' store, its file and whether a keyring is "available". */
    secrets,
    /**
     * A service page starting a download, as the session's 'will-download' would pass it on.
     * `complete()` writes the file and ends the download; the item drives the rest.
     */
    startDownload: (serviceId: string, fileName: string, totalBytes = 1000) => {
      const item = new FakeDownloadItem(fileName, `https://files.example.com/${fileName}`);
      item.totalBytes = totalBytes;
      const entry = downloads.track(item, serviceId);
      return {
        item,
        entry,
        complete: () => {
          files.add(item.getSavePath());
          item.finish('completed');
        },
      };
    },
    /**
     * A service page calling getDisplayMedia, as the session's display-media handler passes it
     * on: two screens and a window, with small pictures.
     */
    requestScreenShare: (serviceId: string, audioRequested = false) => {
      const found = workspaces.findService(serviceId);
      if (!found) return Promise.resolve(undefined);
      return screenShare.ask({
        workspaceId: found.workspace.id,
        serviceId,
        origin: new URL(found.service.url).origin,
        audioRequested,
        sources: SAMPLE_SCREEN_SOURCES,
      });
    },
    /** A service page asking for a permission, as the session handler would pass it on. */
    askPermission: (serviceId: string, permission: string, origin: string) => {
      const found = workspaces.findService(serviceId);
      if (!found || !isId(serviceId)) return Promise.resolve(false);
      return prompts.ask({ workspaceId: found.workspace.id, serviceId, permission, origin });
    },
  };
}
