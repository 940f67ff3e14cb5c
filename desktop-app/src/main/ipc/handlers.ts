import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { IPC_CHANNEL_NAMES } from '@flowdesk/shared/ipc';
import type { IpcChannel, IpcRequest, IpcResponse } from '@flowdesk/shared/ipc';
import { decideExternalOpen, validateProxyInput } from '@flowdesk/shared/security';
import { nextZoomFactor } from '@flowdesk/shared/workspace';
import type { AuditTrail } from '../data/audit-trail';

/** What the handlers need of an audit trail: the file trail, or an in-memory one in UI tests. */
export type AuditLog = Pick<AuditTrail, 'logWorkspaceEvent' | 'getWorkspaceAuditTrail' | 'verify'>;
import type { WorkspaceManager } from '../data/workspace-manager';
import type { AppLock } from '../security/app-lock';
import type { PermissionPrompts } from '../security/permission-prompts';
import type { ScreenSharePicker } from '../security/screen-share';
import { proxySecretKey } from '../security/secret-store';
import type { SecretStore } from '../security/secret-store';
import type { WorkspaceBackups } from '../data/backup/workspace-backups';
import type { WorkspaceDataManager } from '../data/workspace-data-manager';
import type { DownloadManager } from '../views/downloads';
import type { LicenseService } from '../licensing/license-service';
import type { AppDiagnostics } from '../monitoring/app-diagnostics';
import { policyBlocked } from '../policy/policy-store';
import type { PolicyStore } from '../policy/policy-store';
import type { UpdateController } from '../updates/update-controller';
import type { StartupRecorder } from '../performance/startup-phases';
import { FEATURES } from '@flowdesk/shared/licensing';
import type { ViewManager } from '../views/view-manager';
import type { IpcHandlers } from './dispatcher';

/**
 * The IPC handlers: thin adapters from the typed contract to the main-process modules. Every
 * request has already been checked (sender, channel, schema) by the dispatcher.
 */

export interface IpcHandlerDependencies {
  workspaces: WorkspaceManager;
  views: ViewManager;
  audit: AuditLog;
  prompts: PermissionPrompts;
  lock: AppLock;
  downloads: DownloadManager;
  screenShare: ScreenSharePicker;
  /** The license: status, sign-in, fallback locks and paid features (licensing/). */
  license: LicenseService;
  /** Backups (data/backup); absent where files cannot be written (the UI tests' page). */
  backups?: Pick<WorkspaceBackups, 'create' | 'list' | 'restore' | 'verify' | 'remove'>;
  /** Export/import, integrity, cleanup (data/); absent in the UI tests' page, like backups. */
  data?: Pick<
    WorkspaceDataManager,
    | 'exportConfig'
    | 'previewImport'
    | 'applyImport'
    | 'checkIntegrity'
    | 'repair'
    | 'cleanup'
    | 'clearBrowserSessionData'
    | 'addBackupFile'
    | 'saveBackupCopy'
  >;
  /** Asks where to save a backup (a system dialog); undefined when the user cancels. */
  chooseBackupPath?: () => Promise<string | undefined>;
  /** Quits and starts the app again. */
  restartApp: () => void;
  /** Proxy passwords, encrypted by the system keyring. */
  secrets: SecretStore;
  appInfo: () => IpcResponse<'app:info'>;
  openExternal: (url: string) => void;
  /** Electron's clipboard module is asynchronous (modelled on navigator.clipboard). */
  writeClipboard: (text: string) => Promise<void> | void;
  /** Clears cookies, storage and cache of one service's session. */
  clearServiceData: (serviceId: string) => Promise<void>;
  /** The organization's policies (policy/policy-store.ts); without it, none apply. */
  policy?: Pick<PolicyStore, 'decide'>;
  /** Automatic updates (updates/update-controller.ts). */
  updates: Pick<UpdateController, 'status' | 'checkNow' | 'install'>;
  /** Recent problems, health checks and the diagnostics export (monitoring/app-diagnostics.ts). */
  diagnostics: AppDiagnostics;
  /** Start-up phases (performance/startup-phases.ts); absent, none are recorded. */
  startup?: Pick<StartupRecorder, 'mark' | 'launches'>;
  /** Memory and CPU per loaded service (performance/service-metrics.ts); absent, none. */
  serviceMetrics?: () => IpcResponse<'diagnostics:services'>;
  /** Writes the UI's log records (monitoring/ui-log.ts); absent, they are dropped. */
  writeUiLog?: (record: IpcRequest<'log:write'>) => void;
}

/** Backups (issue 5) and licensing (issue 7) have their own modules; until they are in, say so. */
function notYetAvailable(feature: string): Result<never> {
  return err(
    new FlowDeskError(
      'FEATURE_NOT_AVAILABLE',
      `${feature} is not part of this version of Flow Desk yet.`,
    ),
  );
}

/** What the lock screen itself needs; everything else waits until the app is unlocked. */
const ALLOWED_WHILE_LOCKED: ReadonlySet<IpcChannel> = new Set<IpcChannel>([
  'app:info',
  // The lock screen's own errors are worth a log line; nothing can be read back through it.
  'log:write',
  // The lock screen is the UI's first screen when the app starts locked.
  'app:ui-ready',
  'settings:get',
  'lock:status',
  'lock:unlock',
]);

export function createIpcHandlers(deps: IpcHandlerDependencies): IpcHandlers {
  const handlers = createUnlockedHandlers(deps);
  const lockedOut = () =>
    err(new FlowDeskError('APP_LOCKED', 'Flow Desk is locked. Enter your password to unlock it.'));
  for (const channel of IPC_CHANNEL_NAMES) {
    if (ALLOWED_WHILE_LOCKED.has(channel)) continue;
    const handler = handlers[channel] as (...args: never[]) => unknown;
    (handlers as Record<IpcChannel, unknown>)[channel] = (...args: never[]) =>
      deps.lock.status().locked ? lockedOut() : handler(...args);
  }
  return handlers;
}

function createUnlockedHandlers(deps: IpcHandlerDependencies): IpcHandlers {
  const { workspaces, views } = deps;
  const requireService = (serviceId: string): Result<null> =>
    workspaces.findService(serviceId)
      ? ok(null)
      : err(new FlowDeskError('SERVICE_NOT_FOUND', 'This service does not exist any more.'));

  const openExternal = (url: string): Result<null> => {
    const decision = decideExternalOpen(url);
    if (!decision.allowed) {
      return err(
        new FlowDeskError(
          'EXTERNAL_URL_REFUSED',
          'Only web and e-mail links can be opened outside Flow Desk.',
        ),
      );
    }
    deps.openExternal(decision.url);
    return ok(null);
  };
  // A removed service's proxy password goes with it.
  const forgetRemovedSecrets = () =>
    deps.secrets.retainOnly(
      'proxy',
      new Set(
        workspaces.store.workspaces.flatMap((workspace) =>
          workspace.services.map((service) => proxySecretKey(service.id)),
        ),
      ),
    );
  const notOpen = () =>
    err(
      new FlowDeskError(
        'VIEW_NOT_OPEN',
        'This service is asleep or not opened yet. Open it first, then try again.',
      ),
    );

  return {
    'app:info': () => deps.appInfo(),
    'app:open-external': ({ url }) => openExternal(url),
    'clipboard:write-text': async ({ text }) => {
      try {
        await deps.writeClipboard(text);
        return ok(null);
      } catch (error) {
        return err(
          new FlowDeskError(
            'CLIPBOARD_WRITE_FAILED',
            'The text could not be put on the clipboard. Try again, or select and copy it by hand.',
            { cause: error },
          ),
        );
      }
    },
    'state:get': () => workspaces.store,

    'workspaces:create': (request) => workspaces.createWorkspace(request),
    'workspaces:update': (request) => workspaces.updateWorkspace(request),
    'workspaces:remove': async (request) => {
      const services = workspaces.findWorkspace(request.workspaceId)?.services ?? [];
      for (const service of services) deps.screenShare.refuseAll(service.id);
      const removed = await workspaces.removeWorkspace(request);
      if (removed.ok) forgetRemovedSecrets();
      return removed;
    },
    'workspaces:reorder': (request) => workspaces.reorderWorkspaces(request),
    'workspaces:activate': (request) => workspaces.activateWorkspace(request),

    'services:add': (request) => workspaces.addService(request),
    'services:update': (request) => workspaces.updateService(request),
    'services:remove': async (request) => {
      deps.prompts.denyAll(request.serviceId);
      deps.screenShare.refuseAll(request.serviceId);
      const removed = await workspaces.removeService(request);
      if (removed.ok) forgetRemovedSecrets();
      return removed;
    },
    'services:reorder': (request) => workspaces.reorderServices(request),
    'services:set-proxy': async ({ serviceId, proxy, password }) => {
      const found = workspaces.findService(serviceId);
      if (!found) {
        return err(new FlowDeskError('SERVICE_NOT_FOUND', 'This service does not exist any more.'));
      }
      const checked = validateProxyInput(proxy);
      if (!checked.valid) {
        return err(
          new FlowDeskError(
            'PROXY_INPUT_INVALID',
            checked.errors[0]?.message ?? 'Check the proxy.',
            {
              details: { fields: checked.errors },
            },
          ),
        );
      }
      if (checked.value.mode !== 'system') {
        const allowed = deps.license.requireFeature(FEATURES.proxies, 'A proxy per service');
        if (!allowed.ok) return allowed;
      }
      const key = proxySecretKey(serviceId);
      const value = checked.value;
      if (value.mode !== 'custom' || value.username === undefined || password === null) {
        // No sign-in any more: the stored password is forgotten with the setting.
        const saved = workspaces.setServiceProxy(
          serviceId,
          value.mode === 'custom' ? { ...value, passwordStored: false } : value,
        );
        if (saved.ok) deps.secrets.delete(key);
        return saved;
      }
      if (password !== undefined) {
        // Refused for a shared service before the password is kept anywhere.
        if (found.service.isolation !== 'isolated') {
          return workspaces.setServiceProxy(serviceId, { ...value, passwordStored: false });
        }
        const stored = await deps.secrets.set(key, password);
        if (!stored.ok) return stored;
      }
      return workspaces.setServiceProxy(serviceId, {
        ...value,
        passwordStored: deps.secrets.has(key),
      });
    },
    'services:move': (request) => workspaces.moveService(request),

    'views:activate': ({ serviceId }) => {
      if (deps.license.isServiceLocked(serviceId)) {
        return err(
          new FlowDeskError(
            'SERVICE_LOCKED_BY_PLAN',
            'This service is over your plan’s limits. It is kept as it was and opens again when your license is active; see Settings → License.',
          ),
        );
      }
      const found = workspaces.findService(serviceId);
      const decision =
        found &&
        deps.policy?.decide(
          { action: 'open-service', service: { type: found.service.type, url: found.service.url } },
          found.workspace.id,
        );
      if (decision && !decision.allowed) return err(policyBlocked(decision));
      const activated = workspaces.activateService(serviceId);
      if (!activated.ok) return activated;
      views.activate(serviceId);
      return null;
    },
    'views:reload': ({ serviceId, ignoreCache }) => {
      const known = requireService(serviceId);
      if (known.ok) views.reload(serviceId, ignoreCache ?? false);
      return known;
    },
    'views:hibernate': ({ serviceId }) => {
      const known = requireService(serviceId);
      if (known.ok) views.hibernate(serviceId, 'user');
      return known;
    },
    'views:go-back': ({ serviceId }) => {
      const known = requireService(serviceId);
      if (known.ok) views.goBack(serviceId);
      return known;
    },
    'views:go-forward': ({ serviceId }) => {
      const known = requireService(serviceId);
      if (known.ok) views.goForward(serviceId);
      return known;
    },
    'views:clear-data': async ({ serviceId }) => {
      const known = requireService(serviceId);
      if (!known.ok) return known;
      views.hibernate(serviceId, 'user');
      await deps.clearServiceData(serviceId);
      const found = workspaces.findService(serviceId);
      if (found) {
        await deps.audit
          .logWorkspaceEvent({
            type: 'data_cleared',
            severity: 'low',
            workspaceId: found.workspace.id,
            serviceId,
            action: 'clear service data',
            result: 'success',
          })
          .catch(() => undefined);
      }
      return null;
    },
    'views:set-content-bounds': (bounds) => {
      views.setContentBounds(bounds);
      return null;
    },
    'views:list-states': () => views.states(),
    'views:open-in-browser': ({ serviceId }) => {
      const known = requireService(serviceId);
      return known.ok ? openExternal(views.currentUrl(serviceId)) : known;
    },
    'views:print': ({ serviceId }) => {
      const known = requireService(serviceId);
      if (!known.ok) return known;
      return views.print(serviceId) ? known : notOpen();
    },
    'views:zoom': ({ serviceId, direction }) => {
      const found = workspaces.findService(serviceId);
      if (!found) {
        return err(new FlowDeskError('SERVICE_NOT_FOUND', 'This service does not exist any more.'));
      }
      const zoomFactor = nextZoomFactor(found.service.zoomFactor, direction);
      const saved = workspaces.updateService({ serviceId, patch: { zoomFactor } });
      return saved.ok ? { zoomFactor } : saved;
    },
    'views:find': ({ serviceId, text, forward, findNext }) => {
      const known = requireService(serviceId);
      if (!known.ok) return known;
      return views.find(serviceId, text, { forward, findNext }) ? known : notOpen();
    },
    'views:stop-find': ({ serviceId }) => {
      const known = requireService(serviceId);
      if (known.ok) views.stopFind(serviceId);
      return known;
    },

    'downloads:list': () => deps.downloads.list(),
    'downloads:cancel': ({ downloadId }) => deps.downloads.cancel(downloadId),
    'downloads:pause': ({ downloadId }) => deps.downloads.pause(downloadId),
    'downloads:resume': ({ downloadId }) => deps.downloads.resume(downloadId),
    'downloads:open': ({ downloadId }) => deps.downloads.open(downloadId),
    'downloads:show-in-folder': ({ downloadId }) => deps.downloads.showInFolder(downloadId),
    'downloads:clear': () => {
      deps.downloads.clearFinished();
      return null;
    },

    'screen-share:choose': (request) => deps.screenShare.choose(request),

    'settings:get': () => workspaces.store.settings,
    'settings:update': (patch) => workspaces.updateSettings(patch),

    'permissions:list': ({ serviceId }) =>
      workspaces.store.workspaces
        .flatMap((workspace) => workspace.services)
        .filter((service) => serviceId === undefined || service.id === serviceId)
        .flatMap((service) =>
          service.permissions.map((grant) => ({ serviceId: service.id, grant })),
        ),
    'permissions:decide': (request) => deps.prompts.decide(request),
    'permissions:revoke': ({ serviceId, permission }) =>
      workspaces.revokePermission(serviceId, permission),

    'backups:create': async ({
      workspaceIds,
      includeBrowserSessions,
      encryption,
      chooseLocation,
      type,
    }) => {
      if (!deps.backups) return notYetAvailable('Backups');
      if (includeBrowserSessions) {
        const allowed = deps.license.requireFeature(
          FEATURES.backupSessions,
          'Backups that keep you signed in',
        );
        if (!allowed.ok) return allowed;
      }
      let path: string | undefined;
      if (chooseLocation) {
        path = await deps.chooseBackupPath?.();
        if (path === undefined) {
          return err(
            new FlowDeskError('BACKUP_CANCELLED', 'No place was chosen, so no backup was made.'),
          );
        }
      }
      return deps.backups.create({
        ...(workspaceIds ? { workspaceIds } : {}),
        includeBrowserSessions,
        protection:
          encryption.method === 'passphrase'
            ? { method: 'passphrase', passphrase: encryption.passphrase }
            : { method: 'device-key' },
        ...(path === undefined ? {} : { path }),
        type,
      });
    },
    'backups:list': () => deps.backups?.list() ?? [],
    'backups:restore': (request) =>
      deps.backups
        ? deps.backups.restore({
            backupId: request.backupId,
            mode: request.mode,
            ...(request.passphrase === undefined ? {} : { passphrase: request.passphrase }),
            ...(request.workspaceIds ? { workspaceIds: request.workspaceIds } : {}),
          })
        : notYetAvailable('Restoring backups'),
    'backups:verify': async ({ backupId, passphrase }) => {
      if (!deps.backups) return notYetAvailable('Backups');
      const read = await deps.backups.verify(backupId, passphrase);
      return {
        fileCount: read.entries.length,
        expandedBytes: read.entries.reduce((sum, entry) => sum + entry.size, 0),
      };
    },
    'backups:delete': async ({ backupId }) => {
      if (!deps.backups) return notYetAvailable('Backups');
      await deps.backups.remove(backupId);
      return null;
    },
    'backups:add-file': () => deps.data?.addBackupFile() ?? notYetAvailable('Adding backups'),
    'backups:save-copy': ({ backupId }) =>
      deps.data?.saveBackupCopy(backupId) ?? notYetAvailable('Saving backups'),
    'workspaces:export': ({ workspaceIds }) =>
      deps.data?.exportConfig(workspaceIds) ?? notYetAvailable('Exporting workspaces'),
    'workspaces:import-preview': () =>
      deps.data?.previewImport() ?? notYetAvailable('Importing workspaces'),
    'workspaces:import-apply': ({ importId, choices }) =>
      deps.data?.applyImport(importId, choices) ?? notYetAvailable('Importing workspaces'),
    'data:check': () => deps.data?.checkIntegrity() ?? notYetAvailable('Checking data'),
    'data:repair': ({ repairs }) => deps.data?.repair(repairs) ?? notYetAvailable('Repairs'),
    'data:cleanup': () => deps.data?.cleanup() ?? notYetAvailable('Cleaning up'),
    'data:clear-sessions': async ({ workspaceId, serviceId }) => {
      if (!deps.data) return notYetAvailable('Signing out');
      const cleared = await deps.data.clearBrowserSessionData(workspaceId, serviceId);
      if (cleared.ok) {
        await deps.audit
          .logWorkspaceEvent({
            type: 'data_cleared',
            severity: 'low',
            workspaceId,
            ...(serviceId ? { serviceId } : {}),
            action: serviceId ? 'sign out of a service' : 'sign out of every service',
            result: 'success',
            metadata: { partitions: cleared.value.clearedPartitions },
          })
          .catch(() => undefined);
      }
      return cleared;
    },
    'app:restart': () => {
      deps.restartApp();
      return null;
    },

    'log:write': (record) => {
      deps.writeUiLog?.(record);
      return null;
    },
    'app:ui-ready': () => {
      deps.startup?.mark('uiInteractive');
      return null;
    },
    'diagnostics:startup': () => deps.startup?.launches() ?? [],
    'diagnostics:services': () => deps.serviceMetrics?.() ?? [],
    'updates:status': () => deps.updates.status(),
    'updates:check': () => deps.updates.checkNow(),
    'updates:install': () => deps.updates.install(),
    'diagnostics:free-memory': ({ idleMinutes }) => ({
      hibernated: deps.views.hibernateInactive(idleMinutes * 60_000),
    }),
    'diagnostics:errors': () => deps.diagnostics.errors(),
    'diagnostics:clear-errors': () => {
      deps.diagnostics.clearErrors();
      return null;
    },
    'diagnostics:health': () => deps.diagnostics.health(),
    'diagnostics:export-preview': () => deps.diagnostics.exportPreview(),
    'diagnostics:export': () => deps.diagnostics.export(),

    'audit:list': ({ workspaceId, limit, beforeSequence }) =>
      deps.audit.getWorkspaceAuditTrail(workspaceId, {
        limit,
        ...(beforeSequence === undefined ? {} : { beforeSequence }),
      }),
    'audit:verify': ({ workspaceId }) => deps.audit.verify(workspaceId),

    'lock:status': () => deps.lock.status(),
    'lock:set-password': (request) => {
      // An existing lock keeps working whatever the plan: only setting one up is a paid feature.
      if (!deps.lock.status().enabled) {
        const allowed = deps.license.requireFeature(FEATURES.appLock, 'The app lock');
        if (!allowed.ok) return allowed;
      }
      return deps.lock.setPassword({
        newPassword: request.newPassword,
        autoLockMinutes: request.autoLockMinutes,
        ...(request.currentPassword === undefined
          ? {}
          : { currentPassword: request.currentPassword }),
      });
    },
    'lock:disable': ({ currentPassword }) => deps.lock.disable(currentPassword),
    'lock:lock': () => {
      deps.lock.lock();
      return deps.lock.status();
    },
    'lock:unlock': ({ password }) => deps.lock.unlock(password),

    'license:status': () => deps.license.status(),
    'license:sign-in': () => deps.license.startSignIn(),
    'license:cancel-sign-in': () => deps.license.cancelSignIn(),
    'license:check-now': () => deps.license.checkNow(),
    'license:sign-out': () => deps.license.signOut(),
  };
}
