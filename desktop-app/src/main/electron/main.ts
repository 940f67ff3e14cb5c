import {
  BaseWindow,
  WebContentsView,
  dialog,
  app,
  clipboard,
  crashReporter,
  desktopCapturer,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  systemPreferences,
  webContents,
} from 'electron';
import type { Session } from 'electron';
import { existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '@flowdesk/shared/ipc';
import type { IpcEvent, IpcEventName } from '@flowdesk/shared/ipc';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import { FEATURES } from '@flowdesk/shared/licensing';
import { decideExternalOpen } from '@flowdesk/shared/security';
import { mayNotify, newId, sessionPartitionFor } from '@flowdesk/shared/workspace';
import { readTextFile, writeFileAtomic } from '../data/atomic-file';
import { AuditTrail } from '../data/audit-trail';
import { applyPendingSessions } from '../data/backup/pending-sessions';
import { WorkspaceBackups } from '../data/backup/workspace-backups';
import { WorkspaceDataManager } from '../data/workspace-data-manager';
import { auditEventsForStoreNotices } from '../data/store-audit';
import { WorkspaceManager } from '../data/workspace-manager';
import { WorkspaceStoreRepository } from '../data/workspace-store';
import { createIpcDispatcher } from '../ipc/dispatcher';
import { createIpcHandlers } from '../ipc/handlers';
import {
  APP_HOST,
  APP_SCHEME,
  appResponseHeaders,
  resolveAppAsset,
} from '../security/app-protocol';
import { AppLock } from '../security/app-lock';
import { loadAppLockRecord, saveAppLockRecord } from '../security/app-lock-store';
import { installPermissionHandlers } from '../security/permission-handlers';
import { PermissionPrompts } from '../security/permission-prompts';
import { ProxySignIn } from '../security/proxy-sign-in';
import { SecretStore, deviceKeysIn } from '../security/secret-store';
import { ScreenSharePicker } from '../security/screen-share';
import { SessionProxies } from '../security/session-proxies';
import { createRequestBlocker } from '../security/request-blocker';
import { scopeForService } from '../security/service-scope';
import { cleanUserAgent, userAgentFor } from '../security/user-agent';
import { appUiViewOptions } from '../security/web-preferences';
import { DownloadManager } from '../views/downloads';
import { ViewManager, managedServicesOf } from '../views/view-manager';
import { trayModel } from '../views/tray-model';
import { ElectronViewHost } from './electron-view-host';
import { electronSessionArchive, partitionFolder } from './session-archive';
import { createAppDiagnostics } from '../monitoring/app-diagnostics';
import { countCrashDumps, startAppMonitoring } from '../monitoring/app-monitoring';
import { writeDiagnosticsArchive } from '../monitoring/diagnostics-archive';
import { tailLines } from '../monitoring/diagnostics-files';
import { probeWritable, registerAppHealthChecks } from '../monitoring/health-checks';
import { reloadAppUiStrategy, reopenStoreStrategy } from '../monitoring/recovery-strategies';
import { errorReportEndpoint } from '../monitoring/remote-reports';
import { housekeepingRound } from '../monitoring/housekeeping';
import { createUiLogWriter } from '../monitoring/ui-log';
import { ElectronPerformanceManager, RequestCounter } from '../performance/performance-manager';
import { ProcessUsageSampler } from '../performance/process-usage';
import { ServiceMetrics } from '../performance/service-metrics';
import { StartupRecorder } from '../performance/startup-phases';
import { memoryCeilingNotice } from '../views/memory-ceiling';
import { startLicensing } from './licensing';
import type { PolicyTrust } from './licensing';
import { electronUpdaterPort } from './updater';
import { UpdateController } from '../updates/update-controller';
import { PolicyStore } from '../policy/policy-store';
import { verifyPolicyBundle } from '@flowdesk/shared/policy';
import { updateHealth } from '../updates/update-health';
import { TrayController } from './tray';

/**
 * The composition root of the desktop main process: the only place that starts Electron and
 * wires the tested modules to it. Each step names the checklist item or decision it serves.
 */

// Decision 2 / checklist 4: every renderer sandboxed, before anything is created.
app.enableSandbox();
// Issue 8: crashes of any process leave a minidump in the crashDumps folder, on this computer
// only (uploads off). Started this early so every process is covered.
crashReporter.start({ uploadToServer: false });

/** Where opted-in error reports go, set at build time (FLOWDESK_ERROR_REPORT_URL); empty: none. */
declare const __FLOWDESK_ERROR_REPORT_URL__: string;
// Checklist 18: the UI's own privileged scheme, registered before "ready".
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    // codeCache: Chromium keeps the UI's compiled scripts between starts (only for http(s)
    // unless asked); it needs `standard`.
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

// Checklist 11-14 backstop for any webContents, including ones created before a view guard.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// The store is read before "ready": turning off GPU acceleration only works that early.
const dataDirectory = join(app.getPath('userData'), 'data');
const repository = new WorkspaceStoreRepository(dataDirectory);
const loaded = repository.load();
if (!loaded.store.settings.hardwareAcceleration) app.disableHardwareAcceleration();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app
    .whenReady()
    // Data restored from a backup goes in place before any session opens its databases.
    .then(() => applyPendingSessions(join(dataDirectory, 'pending-sessions'), partitionFolder))
    .catch((error: unknown) => console.error('Restored browser data not applied', error))
    .then(start);
}

function start(): void {
  // Monitoring (issue 8, monitoring/app-monitoring.ts): redacted JSON-lines logs rotated by size
  // and age (on the console too while developing), error groups with breadcrumbs kept across
  // restarts, a metrics ring buffer, and error reports sent only if the user opts in.
  let shareErrorReports = loaded.store.settings.errorReports.share;
  const reportEndpoint = errorReportEndpoint(
    typeof __FLOWDESK_ERROR_REPORT_URL__ === 'string' ? __FLOWDESK_ERROR_REPORT_URL__ : '',
  );
  const appMonitoring = startAppMonitoring({
    dataDirectory,
    logsDirectory: app.getPath('logs'),
    console: !app.isPackaged,
    // One sample a minute, with the rest of the housekeeping below.
    config: { metrics: { enabled: true, interval: 60, localRetention: 7 } },
    ...(reportEndpoint
      ? {
          errorReports: {
            endpoint: reportEndpoint,
            sharingEnabled: () => shareErrorReports,
            app: { version: app.getVersion(), platform: process.platform },
          },
        }
      : {}),
  });
  const { monitoring } = appMonitoring;
  const log = monitoring.createLogger('main');
  if (appMonitoring.loadedErrors.unreadable || appMonitoring.loadedErrors.dropped > 0) {
    log.warn('Part of the error history could not be read', { ...appMonitoring.loadedErrors });
  }
  // A monitor, not a handler: the error is recorded, and the process still ends as it would.
  process.on('uncaughtExceptionMonitor', (error) => {
    log.fatal('Uncaught exception in the main process', { error });
    monitoring.errors.capture(error, { component: 'main', uncaught: true });
    appMonitoring.flush();
  });
  const captureError = (error: unknown, context: Record<string, unknown>) =>
    void monitoring.captureException(error, context);
  // A stray rejected promise is recorded as a problem instead of ending the app: nothing waits on
  // it, so the app is in no worse state than before it.
  process.on('unhandledRejection', (reason) => {
    log.error('Unhandled promise rejection in the main process', { error: reason });
    captureError(reason, { component: 'main', unhandledRejection: true });
  });
  // Requests per service page, for its performance figures (counted in onBeforeRequest below).
  const requestCounter = new RequestCounter();

  const audit = new AuditTrail({
    directory: dataDirectory,
    userAgent: `Flow Desk/${app.getVersion()} (${process.platform})`,
    retentionDays: 90,
  });
  const recordAudit = (event: Parameters<AuditTrail['logWorkspaceEvent']>[0]) =>
    void audit
      .logWorkspaceEvent(event)
      .catch((error: unknown) => log.error('Audit entry not written', { error }));
  // The organization's policies (issue 10): the last valid signed bundle, checked against the
  // license's keys and organization once the license is known (electron/licensing.ts).
  let policyTrust: PolicyTrust | undefined;
  let warnUser: (message: string) => void = () => undefined;
  let blockUser: (message: string) => void = () => undefined;
  const policiesPath = join(dataDirectory, 'policies.json');
  const policyStore = new PolicyStore({
    file: {
      read: () => {
        const file = readTextFile(policiesPath);
        return file.kind === 'text' ? file.text : undefined;
      },
      write: (text) => writeFileAtomic(policiesPath, text),
    },
    verify: (token, currentIssuedAt) =>
      policyTrust
        ? verifyPolicyBundle(token, {
            ...policyTrust,
            ...(currentIssuedAt === undefined ? {} : { currentIssuedAt }),
          })
        : Promise.resolve(
            err(
              new FlowDeskError('POLICY_NO_LICENSE', 'Policies apply once the license is known.'),
            ),
          ),
    record: (decision, action, workspaceId) => {
      const target = workspaceId ?? workspaces.store.activeWorkspaceId;
      for (const finding of decision.findings) {
        if (target) {
          recordAudit({
            type: 'policy_applied',
            severity: finding.enforcement === 'strict' ? 'medium' : 'low',
            workspaceId: target,
            action: action.action,
            result: finding.enforcement === 'strict' ? 'blocked' : 'success',
            metadata: {
              policyId: finding.policyId,
              policyVersion: finding.policyVersion,
              rule: finding.rule,
              enforcement: finding.enforcement,
            },
          });
        }
      }
      if (decision.outcome === 'warn' && decision.message) warnUser(decision.message);
    },
    appVersion: app.getVersion(),
    // A changed bundle: check this build against its minimum version, and let a shorter
    // license-check interval take effect.
    onChange: () => {
      const outdated = policyStore.checkVersion();
      if (outdated && !outdated.allowed && outdated.message) blockUser(outdated.message);
      license.policiesChanged();
    },
  });

  // A conversion after an update, or a recovery, goes in each workspace's trail.
  auditEventsForStoreNotices(loaded.notices, loaded.store).forEach(recordAudit);

  const clearPartitions = async (partitions: string[]) => {
    for (const partition of partitions) {
      const target = session.fromPartition(partition);
      await target.clearStorageData();
      await target.clearCache();
    }
  };
  const workspaces = new WorkspaceManager(loaded.store, {
    repository,
    audit: recordAudit,
    clearPartitions,
    onSaveFailed: (error) => captureError(error, { component: 'store' }),
    policy: policyStore,
  });
  // A failed save is retried with the last good store once the folder can be written again.
  monitoring.registerRecoveryStrategy(
    reopenStoreStrategy({
      probeWritable: () => probeWritable(dataDirectory),
      saveCurrent: () => repository.save(workspaces.store),
    }),
  );

  // Start-up phases of this launch (Settings → Diagnostics), from the process start.
  const startupPath = join(dataDirectory, 'startup.json');
  const startup = new StartupRecorder({
    processStart: performance.timeOrigin,
    file: {
      read: () => {
        const file = readTextFile(startupPath);
        return file.kind === 'text' ? file.text : undefined;
      },
      write: (text) => writeFileAtomic(startupPath, text),
    },
  });

  const saved = workspaces.store.window;
  const window = new BaseWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    ...(saved?.x === undefined || saved.y === undefined ? {} : { x: saved.x, y: saved.y }),
    minWidth: 720,
    minHeight: 480,
    title: 'Flow Desk',
    backgroundColor: '#0f172a',
    // Shown below, unless the user asked to start in the background.
    show: false,
  });
  const { startMinimized, showInTray } = workspaces.store.settings;
  if (saved?.maximized) window.maximize();
  window.once('show', () => startup.mark('windowShown'));
  if (!startMinimized) window.show();
  // Starting in the background without a tray icon would leave no way back but the taskbar.
  else if (!showInTray) window.minimize();
  const showWindow = () => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const ui = new WebContentsView(
    appUiViewOptions({ preloadPath: join(__dirname, '../preload/index.cjs') }),
  );
  window.contentView.addChildView(ui);
  const layoutUi = () => {
    const [width = 0, height = 0] = window.getContentSize();
    ui.setBounds({ x: 0, y: 0, width, height });
  };
  layoutUi();
  // The UI's own process failing is recorded and the UI reloaded (service views are restarted by
  // the view manager); a clean exit is the app quitting.
  monitoring.registerRecoveryStrategy(
    reloadAppUiStrategy(() => {
      if (!ui.webContents.isDestroyed()) ui.webContents.reload();
    }),
  );
  ui.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || quitting) return;
    captureError(
      new FlowDeskError('APP_UI_CRASHED', `The app UI process ended (${details.reason}).`),
      { component: 'ui', reason: details.reason, exitCode: details.exitCode },
    );
  });
  ui.webContents.on('unresponsive', () =>
    captureError(new FlowDeskError('APP_UI_UNRESPONSIVE', 'The app UI is not responding.'), {
      component: 'ui',
    }),
  );
  app.on('child-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    captureError(
      new FlowDeskError(
        'CHILD_PROCESS_CRASHED',
        `A ${details.type} process ended (${details.reason}).`,
      ),
      {
        component: 'processes',
        type: details.type,
        reason: details.reason,
        exitCode: details.exitCode,
        ...(details.name ? { name: details.name } : {}),
      },
    );
  });

  const send = <E extends IpcEventName>(name: E, payload: IpcEvent<E>) => {
    if (!ui.webContents.isDestroyed()) ui.webContents.send(IPC_EVENT_CHANNEL, name, payload);
  };
  // A warn policy lets the action through and says so.
  warnUser = (message) =>
    send('notice', { id: 'policy-warning', level: 'warning', code: 'POLICY_WARNING', message });
  // A strict minimum version: services stay closed until the update; the notice says why.
  blockUser = (message) =>
    send('notice', { id: 'policy-version', level: 'error', code: 'POLICY_BLOCKED', message });

  // The UI: app://flowdesk/ from the built renderer, with a strict CSP (checklist 7, 18).
  const rendererRoot = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererRoot, request.url);
    if (asset.status !== 200) return new Response(null, { status: asset.status });
    try {
      return new Response(await readFile(asset.path), {
        headers: appResponseHeaders(asset.contentType),
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
  // The UI session grants nothing to web content either.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  // The local block list: one host or URL prefix per line in <userData>/data/blocklist.txt.
  const blocklist = readTextFile(join(dataDirectory, 'blocklist.txt'));
  const blockRequest = createRequestBlocker(
    blocklist.kind === 'text'
      ? blocklist.text.split('\n').filter((line) => !line.trim().startsWith('#'))
      : [],
  );

  let nextPromptId = 0;
  const prompts = new PermissionPrompts({
    send: (event) => send('permission:requested', event),
    remember: (serviceId, grant) => {
      const result = workspaces.rememberPermission(serviceId, grant);
      if (!result.ok) log.warn('Permission answer not saved', { error: result.error });
    },
    newId: () => `prompt-${++nextPromptId}`,
  });

  // Proxy passwords: encrypted by the system keyring (safeStorage), in their own file. On Linux
  // without a keyring Electron falls back to a fixed key ("basic_text"): then nothing is stored.
  const secretsPath = join(dataDirectory, 'secrets.json');
  const secrets = new SecretStore(
    {
      read: () => {
        const file = readTextFile(secretsPath);
        if (file.kind === 'unreadable') throw new Error('secrets.json cannot be read');
        return file.kind === 'text' ? file.text : undefined;
      },
      write: (text) =>
        text === undefined
          ? rmSync(secretsPath, { force: true })
          : writeFileAtomic(secretsPath, text),
    },
    {
      available: async () =>
        (await safeStorage.isAsyncEncryptionAvailable()) &&
        (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encrypt: (text) => safeStorage.encryptStringAsync(text),
      decrypt: async (data) => {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
        return { text: result, shouldReEncrypt };
      },
    },
  );

  // The license (issue 7): what this build trusts, this device, and the fallback locks it sets.
  // Set once the view manager exists; a license change before that has nothing to re-apply.
  let applyLicenseLocks: () => void = () => undefined;
  const license = startLicensing({
    dataDirectory,
    secrets,
    policyTrust: (trust) => {
      policyTrust = trust;
      void policyStore.load().then(({ problem }) => {
        if (problem) log.warn('The kept policies were not used', { code: problem.code });
      });
    },
    policyReport: {
      pending: () => policyStore.pendingReport(),
      delivered: (report) => policyStore.reportDelivered(report),
    },
    maxCheckIntervalSeconds: () => {
      const hours = policyStore.required().licenseCheckMaxHours;
      return hours === undefined ? undefined : hours * 3600;
    },
    policyBundle: (token, trust) => {
      policyTrust = trust;
      void policyStore.apply(token).then((applied) => {
        if (!applied.ok)
          log.warn('Policies from the website refused', { code: applied.error.code });
      });
    },
    store: () => workspaces.store,
    openExternal: (url) => {
      const decision = decideExternalOpen(url);
      if (!decision.allowed) {
        return err(
          new FlowDeskError(
            'EXTERNAL_URL_REFUSED',
            'The sign-in page address was not a web address.',
          ),
        );
      }
      void shell.openExternal(decision.url);
      return ok(null);
    },
    audit: (change) => {
      const severity = change.to === 'revoked' || change.to === 'expired' ? 'medium' : 'low';
      for (const workspace of workspaces.store.workspaces) {
        recordAudit({
          type: 'license_changed',
          severity,
          workspaceId: workspace.id,
          action: `license ${change.from} → ${change.to}`,
          result: 'success',
          metadata: { plan: change.plan, reason: change.reason },
        });
      }
    },
    changed: (status) => {
      send('license:changed', status);
      applyLicenseLocks();
    },
    warn: (message, details) => log.warn(message, details),
  });

  const proxies = new SessionProxies({
    apply: async (partition, config) => {
      const target = session.fromPartition(partition);
      await target.setProxy(config);
      // Pooled connections would otherwise keep using the previous route.
      await target.closeAllConnections();
    },
    onFailed: (partition, serviceId, error) => {
      log.error('Proxy not applied; the service stays offline', { partition, error });
      const name = workspaces.findService(serviceId)?.service.name ?? 'A service';
      send('notice', {
        id: `proxy-failed-${serviceId}`,
        level: 'error',
        code: 'PROXY_NOT_APPLIED',
        message: `${name} stays offline: its proxy settings could not be applied. Check them in the service's settings.`,
      });
    },
  });
  proxies.update(workspaces.store);
  const proxySignIn = new ProxySignIn({
    proxyOf: (serviceId) => workspaces.findService(serviceId)?.service.proxy,
    serviceIds: () =>
      workspaces.store.workspaces.flatMap((workspace) => workspace.services.map((s) => s.id)),
    secrets,
    onRefused: (serviceId) => {
      const name = workspaces.findService(serviceId)?.service.name ?? 'A service';
      send('notice', {
        id: `proxy-refused-${serviceId}`,
        level: 'error',
        code: 'PROXY_SIGN_IN_REFUSED',
        message: `The proxy refused the user name and password for ${name}. Correct them in its settings, then reload it.`,
      });
    },
  });
  // A proxy asking for a sign-in gets the service's stored credentials; anything else (a web
  // site's own sign-in box) is cancelled, which is Electron's default.
  app.on('login', (event, contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    event.preventDefault();
    const managed =
      contents === null ? undefined : viewLookup.manager?.serviceForWebContents(contents.id);
    void proxySignIn
      .credentialsFor(managed?.service.id, authInfo)
      .then((credentials) =>
        credentials ? callback(credentials.username, credentials.password) : callback(),
      )
      .catch(() => callback());
  });

  const downloads = new DownloadManager({
    downloadsDirectory: () => app.getPath('downloads'),
    askWhereToSave: () => workspaces.store.settings.downloads.askWhereToSave,
    onChange: (entry) => send('download:changed', entry),
    openPath: (path) => shell.openPath(path),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    fileExists: existsSync,
  });

  let nextScreenShareId = 0;
  const screenShare = new ScreenSharePicker({
    send: (event) => send('screen-share:requested', event),
    ended: (event) => send('screen-share:ended', event),
    // Electron captures system sound ("loopback") on Windows only.
    audioSupported: process.platform === 'win32',
    newId: () => `share-${++nextScreenShareId}`,
  });

  // Session handlers are installed before the view manager exists; they look it up when called.
  const viewLookup: { manager?: ViewManager } = {};
  const hardened = new Set<string>();
  const serviceSessions = new Set<Session>();
  // Spell-check languages the user chose, among those Chromium has dictionaries for (others
  // throw); on macOS the system spell checker decides and this list is ignored by Electron.
  const applySpellcheck = (target: Session) => {
    const available = new Set(target.availableSpellCheckerLanguages);
    const wanted = workspaces.store.settings.spellcheck.languages.filter((code) =>
      available.has(code),
    );
    if (wanted.length > 0) target.setSpellCheckerLanguages(wanted);
  };
  const hardenSession = (target: Session, partition: string): Promise<void> => {
    if (hardened.has(partition)) return proxies.attach(partition);
    hardened.add(partition);
    serviceSessions.add(target);
    applySpellcheck(target);
    installPermissionHandlers(target, {
      serviceForWebContents: (id) => {
        const managed =
          id === undefined ? undefined : viewLookup.manager?.serviceForWebContents(id);
        if (!managed) return undefined;
        const found = workspaces.findService(managed.service.id);
        const current = found?.service ?? managed.service;
        return {
          workspaceId: managed.workspaceId,
          serviceId: current.id,
          scope: scopeForService(current),
          grants: current.permissions,
          // Muted, notifications off, or do-not-disturb now: the page may not show banners.
          notificationsAllowed: found ? mayNotify(found.workspace, current, new Date()) : false,
        };
      },
      prompt: (request) => prompts.ask(request),
      record: (decision) => {
        // A page given the camera or microphone may be in a call: never hibernate it automatically.
        if (decision.permission === 'media' && decision.granted) {
          host.markCapturing(decision.webContentsId, true);
        }
        if (decision.workspaceId) {
          recordAudit({
            type: 'permission_decided',
            severity: decision.granted ? 'low' : 'medium',
            workspaceId: decision.workspaceId,
            ...(decision.serviceId ? { serviceId: decision.serviceId } : {}),
            action: decision.permission,
            result: decision.granted ? 'success' : 'blocked',
            metadata: { origin: decision.origin, reason: decision.reason },
          });
        }
      },
    });
    // blockMaliciousContent: block list, private-network probing, local files (request-blocker.ts).
    target.webRequest.onBeforeRequest((details, callback) => {
      requestCounter.count(details.webContentsId);
      // Fail closed: while the session's proxy is being set, or could not be, nothing leaves.
      if (proxies.blocks(partition)) {
        callback({ cancel: true });
        return;
      }
      const managed =
        details.webContentsId === undefined
          ? undefined
          : viewLookup.manager?.serviceForWebContents(details.webContentsId);
      const serviceUrls = managed
        ? [managed.service.url]
        : workspaces.store.workspaces.flatMap((workspace) =>
            workspace.services
              .filter(
                (service) =>
                  sessionPartitionFor({
                    workspaceId: workspace.id,
                    serviceId: service.id,
                    isolation: service.isolation,
                    persistSession: service.persistSession,
                  }) === partition,
              )
              .map((service) => service.url),
          );
      const reason = blockRequest({ url: details.url, serviceUrls });
      if (reason) log.info('Request blocked', { reason, url: details.url });
      callback({ cancel: reason !== undefined });
    });
    // Downloads from a service page go through the manager (safe unique name, progress in the
    // UI); a download from anything that is not a service view is refused.
    target.on('will-download', (event, item, contents) => {
      const managed = viewLookup.manager?.serviceForWebContents(contents.id);
      if (!managed) {
        event.preventDefault();
        return;
      }
      downloads.track(item, managed.service.id);
    });
    // Screen sharing: the user picks a screen or window in the app UI (the picker is the consent).
    target.setDisplayMediaRequestHandler((request, callback) => {
      const reply = (streams: Parameters<typeof callback>[0]) => {
        try {
          callback(streams);
        } catch {
          // The frame went away while the user was choosing.
        }
      };
      const contents = request.frame ? webContents.fromFrame(request.frame) : undefined;
      const managed = contents ? viewLookup.manager?.serviceForWebContents(contents.id) : undefined;
      const found = managed ? workspaces.findService(managed.service.id) : undefined;
      const refusedBefore = found?.service.permissions.some(
        (grant) => grant.permission === 'display-capture' && grant.decision === 'denied',
      );
      if (!contents || !found || refusedBefore || !request.videoRequested || lock.status().locked) {
        reply(null);
        return;
      }
      if (
        process.platform === 'darwin' &&
        systemPreferences.getMediaAccessStatus('screen') !== 'granted'
      ) {
        send('notice', {
          id: 'screen-recording-permission',
          level: 'warning',
          code: 'SCREEN_RECORDING_NOT_ALLOWED',
          message:
            'macOS has not allowed Flow Desk to record the screen. Allow it in System Settings → Privacy & Security → Screen Recording, then share again.',
        });
      }
      const { workspace, service } = found;
      void desktopCapturer
        .getSources({
          types: ['screen', 'window'],
          thumbnailSize: { width: 320, height: 180 },
          fetchWindowIcons: true,
        })
        .then((sources) =>
          screenShare.ask({
            workspaceId: workspace.id,
            serviceId: service.id,
            origin: request.securityOrigin,
            audioRequested: request.audioRequested,
            sources: sources.slice(0, 200).map((source) => ({
              id: source.id,
              name: source.name.slice(0, 500) || 'Untitled window',
              kind: source.id.startsWith('screen:') ? 'screen' : 'window',
              ...(source.thumbnail.isEmpty()
                ? {}
                : {
                    thumbnail: `data:image/jpeg;base64,${source.thumbnail.toJPEG(70).toString('base64')}`,
                  }),
              ...(source.appIcon && !source.appIcon.isEmpty()
                ? { appIcon: source.appIcon.resize({ width: 32 }).toDataURL() }
                : {}),
            })),
          }),
        )
        .then((choice) => {
          recordAudit({
            type: 'permission_decided',
            severity: choice ? 'medium' : 'low',
            workspaceId: workspace.id,
            serviceId: service.id,
            action: 'display-capture',
            result: choice ? 'success' : 'blocked',
            metadata: { origin: request.securityOrigin, source: choice?.name ?? null },
          });
          if (!choice) {
            reply(null);
            return;
          }
          // A page sharing its screen is in a call: never put it to sleep automatically.
          host.markCapturing(contents.id, true);
          reply({
            video: { id: choice.sourceId, name: choice.name },
            ...(choice.audio ? { audio: 'loopback' as const } : {}),
          });
        })
        .catch((error: unknown) => {
          log.warn('Screen sharing failed', { error });
          reply(null);
        });
    });
    // Decision 5: a clean Chrome user agent for every service session.
    target.setUserAgent(cleanUserAgent(target.getUserAgent()));
    return proxies.attach(partition);
  };

  const host = new ElectronViewHost({
    window,
    hardenSession,
    scopeFor: (serviceId) => {
      const found = workspaces.findService(serviceId);
      return found
        ? scopeForService(found.service)
        : { serviceDomains: [], serviceOrigins: [], signInOrigins: [] };
    },
    spellcheck: () => workspaces.store.settings.spellcheck.enabled,
    policyAllows: (url, workspaceId) =>
      policyStore.decide({ action: 'navigate', url }, workspaceId).allowed,
    audit: (serviceId, workspaceId, event) =>
      recordAudit({
        type:
          event.kind === 'opened_externally'
            ? 'navigation_blocked'
            : event.kind === 'popup_blocked'
              ? 'popup_blocked'
              : 'navigation_blocked',
        severity: event.kind === 'opened_externally' ? 'low' : 'medium',
        workspaceId,
        serviceId,
        action: event.kind,
        result: event.kind === 'opened_externally' ? 'success' : 'blocked',
        metadata: { url: event.url, reason: event.reason, mainFrame: event.isMainFrame },
      }),
  });

  let quitting = false;
  const tray = new TrayController(window, {
    show: showWindow,
    openWorkspace: (workspaceId) => {
      showWindow();
      workspaces.activateWorkspace({ workspaceId });
    },
    lock: () => lock.lock(),
    quit: () => app.quit(),
  });
  // Unread total on the tray, the dock and the taskbar; nothing named while locked.
  const updateTray = () => {
    const unread = viewLookup.manager?.unread();
    const status = lockRef.current?.status();
    const locked = status?.locked ?? false;
    const total = unread?.total ?? { count: 0, attention: false };
    tray.update(
      trayModel({
        store: workspaces.store,
        total,
        byWorkspace: unread?.byWorkspace ?? new Map(),
        locked,
        lockEnabled: status?.enabled ?? false,
      }),
      locked ? 0 : total.count,
    );
  };
  // Set once the lock exists (below); the tray reads it when it redraws.
  const lockRef: { current?: AppLock } = {};

  const memory = new Map<number, number>();
  const serviceMetrics = new ServiceMetrics();
  const mainProcessUsage = new ProcessUsageSampler();
  const viewManager = new ViewManager({
    host,
    userAgentFor: (service) =>
      userAgentFor(service.userAgent, cleanUserAgent(session.defaultSession.getUserAgent())),
    memoryMbOf: (id) => memory.get(id),
    onState: (state) => {
      if (state.state === 'live') startup.mark('firstServicePainted');
      send('view:state', state);
      updateTray();
    },
    onCrashed: (serviceId, reason, willRestart) =>
      captureError(
        new FlowDeskError('SERVICE_VIEW_CRASHED', `A service page stopped (${reason}).`),
        {
          component: 'views',
          serviceType: workspaces.findService(serviceId)?.service.type ?? 'unknown',
          reason,
          willRestart,
        },
      ),
    // Ferdium #606: a service over its own memory ceiling is dealt with, and the user is told.
    onMemoryCeiling: (event) => {
      log.warn('Service over its memory ceiling', { ...event });
      const name = workspaces.findService(event.serviceId)?.service.name ?? 'A service';
      send('notice', memoryCeilingNotice(name, event));
    },
    onFound: (serviceId, found) => send('find:result', { serviceId, ...found }),
    onShortcut: (key) => send('shortcut', key),
  });
  viewLookup.manager = viewManager;
  // Services that fallback mode locks are not given to the view manager: they never load.
  const syncViews = () =>
    viewManager.setServices(
      managedServicesOf(workspaces.store).filter(
        ({ service }) => !license.isServiceLocked(service.id),
      ),
    );
  syncViews();
  applyLicenseLocks = syncViews;
  // Settings the operating system applies: open at login (macOS and Windows) and spelling.
  let appliedSettings = '';
  const applyAppSettings = () => {
    const { launchAtLogin, spellcheck, showInTray: trayWanted } = workspaces.store.settings;
    tray.setEnabled(trayWanted);
    updateTray();
    const key = JSON.stringify({ launchAtLogin, spellcheck });
    if (key === appliedSettings) return;
    appliedSettings = key;
    if (process.platform !== 'linux') {
      app.setLoginItemSettings({ openAtLogin: launchAtLogin });
    }
    serviceSessions.forEach(applySpellcheck);
  };
  applyAppSettings();
  workspaces.onChange((store) => {
    shareErrorReports = store.settings.errorReports.share;
    applyAppSettings();
    syncViews();
    // A service whose proxy changed reloads once the new route is in place.
    for (const { serviceId, ready } of proxies.update(store)) {
      void ready.then(
        () => viewManager.reload(serviceId),
        () => undefined,
      );
    }
    send('state:changed', store);
    // Fallback locks follow the workspaces (a workspace added over the plan's limit is locked).
    if (license.available) send('license:changed', license.status());
  });

  // App lock: the record in its own file; a damaged one resets the lock, and the user is told.
  const lockPath = join(dataDirectory, 'app-lock.json');
  const storedLock = loadAppLockRecord(lockPath);
  const lock = new AppLock({
    record: storedLock.kind === 'set' ? storedLock.record : undefined,
    save: (record) => saveAppLockRecord(lockPath, record),
    onChange: (status) => {
      // Locked: no service page stays on screen, whatever the UI does.
      if (status.locked) viewManager.setContentBounds({ x: 0, y: 0, width: 0, height: 0 });
      send('lock:changed', status);
      updateTray();
    },
  });
  lockRef.current = lock;
  updateTray();
  if (secrets.damaged) {
    log.warn('Stored proxy passwords could not be read');
    ui.webContents.once('did-finish-load', () =>
      send('notice', {
        id: 'secrets-reset',
        level: 'warning',
        code: 'SECRETS_RESET',
        message:
          'Saved proxy passwords could not be read. Enter them again in the settings of the services that use a proxy.',
      }),
    );
  }
  if (storedLock.kind === 'damaged') {
    saveAppLockRecord(lockPath, undefined);
    log.warn('App lock file was damaged and has been reset');
    ui.webContents.once('did-finish-load', () =>
      send('notice', {
        id: 'app-lock-reset',
        level: 'warning',
        code: 'APP_LOCK_RESET',
        message:
          'The app lock settings were damaged and have been turned off. Set your password again in Settings → Privacy.',
      }),
    );
  }
  // Auto-lock counts the whole computer's idle time, so typing in a service page is activity too.
  const activity = setInterval(() => {
    if (powerMonitor.getSystemIdleTime() < 30) lock.recordActivity();
  }, 30_000);
  powerMonitor.on('lock-screen', () => lock.lock());
  powerMonitor.on('suspend', () => lock.lock());

  /** Puts to sleep every service page using one of these partitions (before its files are read or cleared). */
  const hibernatePartitions = (partitions: string[]) => {
    const wanted = new Set(partitions);
    for (const workspace of workspaces.store.workspaces) {
      for (const service of workspace.services) {
        const partition = sessionPartitionFor({
          workspaceId: workspace.id,
          serviceId: service.id,
          isolation: service.isolation,
          persistSession: service.persistSession,
        });
        if (wanted.has(partition)) viewManager.hibernate(service.id, 'user');
      }
    }
  };

  // Backups (data/backup): sessions through Electron's API, device keys in the secret store.
  const backups = new WorkspaceBackups({
    directory: join(dataDirectory, 'backups'),
    appVersion: app.getVersion(),
    store: () => workspaces.store,
    restoreWorkspaces: (restored, options) => {
      const result = workspaces.restoreWorkspaces(restored, options);
      if (!result.ok) throw result.error;
    },
    sessions: electronSessionArchive({
      pendingRoot: join(dataDirectory, 'pending-sessions'),
      hibernatePartitions,
    }),
    deviceKeys: deviceKeysIn(secrets, () => newId()),
    policy: policyStore,
    onProgress: (operationId, phase, fraction) =>
      send('backup:progress', { operationId, phase, fraction: Math.min(1, Math.max(0, fraction)) }),
  });

  // Export/import, integrity, cleanup and the backup schedule (data/workspace-data-manager).
  const fileDialog = async (
    kind: 'save' | 'open',
    options: { title: string; defaultPath?: string; name: string; extensions: string[] },
  ) => {
    const filters = [{ name: options.name, extensions: options.extensions }];
    if (kind === 'save') {
      const chosen = await dialog.showSaveDialog(window, {
        title: options.title,
        ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
        filters,
      });
      return chosen.canceled ? undefined : chosen.filePath;
    }
    const chosen = await dialog.showOpenDialog(window, {
      title: options.title,
      properties: ['openFile'],
      filters,
    });
    return chosen.canceled ? undefined : chosen.filePaths[0];
  };
  const data = new WorkspaceDataManager({
    workspaces,
    backups,
    audit,
    paths: {
      dataDirectory,
      backupsDirectory: join(dataDirectory, 'backups'),
      partitionsDirectory: join(app.getPath('userData'), 'Partitions'),
      logsDirectory: app.getPath('logs'),
    },
    appVersion: app.getVersion(),
    mayBackUpSessions: () => license.requireFeature(FEATURES.backupSessions, 'Backups').ok,
    policy: policyStore,
    clearPartitions: async (partitions) => {
      hibernatePartitions(partitions);
      await clearPartitions(partitions);
    },
    dialogs: {
      chooseExportPath: (suggested) =>
        fileDialog('save', {
          title: 'Export workspaces',
          defaultPath: join(app.getPath('documents'), suggested),
          name: 'Flow Desk workspaces',
          extensions: ['json'],
        }),
      chooseImportFile: () =>
        fileDialog('open', {
          title: 'Import workspaces',
          name: 'Flow Desk workspaces',
          extensions: ['json'],
        }),
      chooseBackupFile: () =>
        fileDialog('open', {
          title: 'Add a backup file',
          name: 'Flow Desk backup',
          extensions: ['fdbackup'],
        }),
      chooseBackupCopyPath: (suggested) =>
        fileDialog('save', {
          title: 'Save a copy of the backup',
          defaultPath: join(app.getPath('documents'), suggested),
          name: 'Flow Desk backup',
          extensions: ['fdbackup'],
        }),
    },
  });
  // After an update converted the workspaces file: a backup of it as it was, then the schedule.
  void data
    .backupBeforeMigration(loaded.notices)
    .catch((error: unknown) => log.error('Backup before the migration failed', { error }));
  const runBackupSchedule = () =>
    void data
      .runScheduledBackup()
      .catch((error: unknown) => log.warn('Scheduled backup failed', { error }));
  // A few minutes after start (not competing with the first pages), then hourly checks.
  const firstScheduledBackup = setTimeout(runBackupSchedule, 3 * 60_000);
  const backupSchedule = setInterval(runBackupSchedule, 60 * 60_000);

  // Performance figures per view (the seed's ElectronPerformanceManager) and health checks.
  const performanceManager = new ElectronPerformanceManager(
    viewManager,
    serviceMetrics,
    requestCounter,
    mainProcessUsage,
  );
  const serviceUsage = () =>
    serviceMetrics.table().map((row) => {
      const measured = performanceManager.measureBrowserViewPerformance(row.serviceId);
      return {
        ...row,
        ...(measured?.loadTimeMs === undefined ? {} : { loadTimeMs: measured.loadTimeMs }),
        ...(measured ? { requestCount: measured.requestCount } : {}),
      };
    });
  registerAppHealthChecks(monitoring.health, {
    dataDirectory,
    workspaceIds: () => workspaces.store.workspaces.map((workspace) => workspace.id),
    verifyAudit: (workspaceId) => audit.verify(workspaceId),
    license: () => (license.available ? license.status() : undefined),
    viewStates: () => viewManager.states(),
    serviceName: (serviceId) => workspaces.findService(serviceId)?.service.name ?? serviceId,
    // The updater's own state (created below; the checks run only when asked, after start).
    updateChannel: () => updateHealth(updates.status()),
    writeFailures: () => ({
      logs: appMonitoring.logFile.failures,
      errors: appMonitoring.errorHistory.writeFailures,
    }),
  });
  const diagnostics = createAppDiagnostics({
    monitoring,
    sources: {
      system: () => ({
        app: { version: app.getVersion(), packaged: app.isPackaged },
        system: { platform: process.platform, arch: process.arch, locale: app.getLocale() },
        versions: {
          electron: process.versions.electron,
          chrome: process.versions.chrome,
          node: process.versions.node,
        },
        // Counts and settings only: never names, addresses or page content.
        workspaces: workspaces.store.workspaces.map((workspace) => ({
          services: workspace.services.length,
          serviceTypes: workspace.services.map((service) => service.type),
          hibernation: workspace.settings.hibernation,
        })),
        liveViews: viewManager.liveCount(),
        mainProcess: mainProcessUsage.sample(),
        crashDumpsKept: countCrashDumps(app.getPath('crashDumps')),
        degradation: appMonitoring.degradation.getDegradationLevel(),
      }),
      startup: () => startup.launches(),
      // By type, not name: a support archive needs no one's workspace names.
      serviceUsage: () =>
        serviceUsage().map(({ serviceId, ...row }) => ({
          serviceType: workspaces.findService(serviceId)?.service.type ?? 'unknown',
          ...row,
        })),
      metrics: () => appMonitoring.metricsHistory.samples().slice(-1440),
      logs: () => {
        appMonitoring.logFile.flush();
        const file = readTextFile(join(app.getPath('logs'), 'main.jsonl'));
        return file.kind === 'text' ? tailLines(file.text, 2 * 1024 * 1024) : '';
      },
    },
    chooseDestination: async (suggestedName) => {
      const chosen = await dialog.showSaveDialog({
        title: 'Export diagnostics',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Diagnostics archive', extensions: ['tar.gz', 'gz'] }],
      });
      return chosen.canceled ? undefined : chosen.filePath;
    },
    save: writeDiagnosticsArchive,
  });

  // Automatic updates from GitHub Releases, in packaged builds only (issue 9).
  const updates = new UpdateController({
    updater: app.isPackaged ? electronUpdaterPort(monitoring.createLogger('updates')) : undefined,
    settings: () => workspaces.store.settings.updates,
    currentVersion: app.getVersion(),
    onChange: (status) => send('updates:changed', status),
  });
  updates.applySettings();
  workspaces.onChange(() => updates.applySettings());

  const dispatch = createIpcDispatcher({
    handlers: createIpcHandlers({
      workspaces,
      views: viewManager,
      license,
      audit,
      prompts,
      lock,
      downloads,
      secrets,
      screenShare,
      backups,
      data,
      chooseBackupPath: async () => {
        const chosen = await dialog.showSaveDialog({
          title: 'Save a Flow Desk backup',
          defaultPath: join(
            app.getPath('documents'),
            `Flow Desk ${new Date().toISOString().slice(0, 10)}.fdbackup`,
          ),
          filters: [{ name: 'Flow Desk backup', extensions: ['fdbackup'] }],
        });
        return chosen.canceled ? undefined : chosen.filePath;
      },
      restartApp: () => {
        app.relaunch();
        app.quit();
      },
      appInfo: () => ({
        name: 'Flow Desk',
        version: app.getVersion(),
        platform:
          process.platform === 'darwin' || process.platform === 'win32'
            ? process.platform
            : 'linux',
        electronVersion: process.versions.electron ?? '',
        chromeVersion: process.versions.chrome ?? '',
        locale: app.getLocale() || 'en-US',
        errorReportHost: reportEndpoint?.host ?? null,
      }),
      openExternal: (url) => void shell.openExternal(url),
      writeClipboard: (text) => clipboard.writeText(text),
      clearServiceData: async (serviceId) => {
        const found = workspaces.findService(serviceId);
        if (!found) return;
        const { service, workspace } = found;
        await clearPartitions([
          sessionPartitionFor({
            workspaceId: workspace.id,
            serviceId,
            isolation: service.isolation,
            persistSession: service.persistSession,
          }),
        ]);
      },
      writeUiLog: createUiLogWriter(monitoring.createLogger('ui'), {
        onError: (message, context) => {
          const error = new Error(message);
          error.name = 'UiError';
          monitoring.errors.capture(error, { component: 'ui', ...context });
        },
      }),
      serviceMetrics: serviceUsage,
      startup,
      diagnostics,
      updates,
      policy: policyStore,
    }),
    onRejected: (message) => {
      log.warn('IPC message refused', { channel: message.channel, code: message.code });
      const activeWorkspace = workspaces.store.activeWorkspaceId;
      if (message.code === 'IPC_FORBIDDEN_SENDER' && activeWorkspace) {
        recordAudit({
          type: 'ipc_rejected',
          severity: 'high',
          workspaceId: activeWorkspace,
          action: message.channel,
          result: 'blocked',
          metadata: { code: message.code },
        });
      }
    },
    onHandlerError: (channel, error) => captureError(error, { component: 'ipc', channel }),
  });
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    dispatch(channel, payload, {
      // Checklist 17: only the app UI's own webContents, main frame, on app://flowdesk.
      frameUrl: event.sender.id === ui.webContents.id ? event.senderFrame?.url : undefined,
      isMainFrame: event.senderFrame !== null && event.senderFrame.parent === null,
      webContentsId: event.sender.id,
    }),
  );

  ui.webContents.on('did-finish-load', () => {
    for (const notice of loaded.notices) {
      send('notice', {
        id: `store-${notice.code.toLowerCase().replace(/_/g, '-')}`,
        level: notice.level,
        code: notice.code,
        message: notice.message,
      });
    }
  });
  void ui.webContents.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);

  // Window state is remembered (debounced: resizing fires many events).
  let saveTimer: NodeJS.Timeout | undefined;
  const rememberWindow = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const bounds = window.getNormalBounds();
      workspaces.updateWindowState({
        x: bounds.x,
        y: bounds.y,
        width: bounds.width,
        height: bounds.height,
        maximized: window.isMaximized(),
        fullScreen: window.isFullScreen(),
      });
    }, 500);
  };
  window.on('resize', () => {
    layoutUi();
    rememberWindow();
  });
  window.on('move', rememberWindow);

  // Housekeeping each minute: memory figures, idle hibernation, memory budget.
  const housekeeping = setInterval(() => {
    const processes = app.getAppMetrics().map((metric) => ({
      pid: metric.pid,
      memoryKb: metric.memory.workingSetSize,
      cpuPercent: metric.cpu.percentCPUUsage,
    }));
    housekeepingRound(
      {
        views: viewManager,
        memory,
        serviceMetrics,
        performance: performanceManager,
        requests: requestCounter,
        monitoring,
        sampleMetrics: (at) => appMonitoring.sampleMetrics(at),
      },
      processes,
      (viewId) => {
        const contents = webContents.fromId(viewId);
        return contents && !contents.isDestroyed() ? contents.getOSProcessId() : undefined;
      },
      Date.now(),
    );
  }, 60_000);
  // The metrics history is written every quarter hour (and at quit): a crash loses little.
  const saveMonitoring = setInterval(() => appMonitoring.flush(), 15 * 60_000);

  // Audit retention: at start and once a day, entries older than the retention period go.
  const applyRetention = () => {
    for (const workspace of workspaces.store.workspaces) {
      void audit
        .applyRetention(workspace.id)
        .catch((error: unknown) => log.warn('Audit retention failed', { error }));
    }
  };
  applyRetention();
  const retention = setInterval(applyRetention, 24 * 60 * 60 * 1000);

  app.on('second-instance', showWindow);
  // macOS: a click on the dock icon brings the hidden window back.
  app.on('activate', showWindow);
  // Closing the window keeps Flow Desk running in the tray (and on macOS, in the dock) so
  // notifications and badges keep coming; Quit in the tray menu or the app menu ends it.
  window.on('close', (event) => {
    if (quitting || !(tray.enabled || process.platform === 'darwin')) return;
    event.preventDefault();
    window.hide();
  });
  // clearOnExit: browser data is cleared before the app really quits (clearing is asynchronous).
  let cleared = false;
  app.on('before-quit', (event) => {
    quitting = true;
    tray.destroy();
    clearInterval(housekeeping);
    clearInterval(saveMonitoring);
    updates.dispose();
    appMonitoring.flush();
    clearInterval(retention);
    clearInterval(activity);
    clearTimeout(firstScheduledBackup);
    clearInterval(backupSchedule);
    lock.dispose();
    prompts.denyAll();
    screenShare.refuseAll();
    if (cleared) return;
    const toClear = workspaces.store.workspaces.flatMap((workspace) =>
      workspace.services
        .filter((service) => service.clearOnExit && service.persistSession)
        .map((service) =>
          sessionPartitionFor({
            workspaceId: workspace.id,
            serviceId: service.id,
            isolation: service.isolation,
            persistSession: true,
          }),
        ),
    );
    if (toClear.length === 0) return;
    event.preventDefault();
    void clearPartitions([...new Set(toClear)])
      .catch((error: unknown) => log.error('Clearing data on exit failed', { error }))
      .finally(() => {
        cleared = true;
        app.quit();
      });
  });
  window.on('closed', () => {
    viewManager.destroyAll();
    app.quit();
  });
  const activeService = workspaces.store.workspaces.find(
    (workspace) => workspace.id === workspaces.store.activeWorkspaceId,
  )?.activeServiceId;
  if (activeService) viewManager.activate(activeService);
  log.info('Flow Desk started', {
    workspaces: workspaces.store.workspaces.length,
    notices: loaded.notices.length,
  });
}
