import { LicenseService } from '../src/main/licensing/license-service';
import type { LicenseSnapshot } from '@flowdesk/shared/licensing';
import { evaluateLicense, newLicenseRecord } from '@flowdesk/shared/licensing';
import type { LicenseClaims } from '@flowdesk/shared/licensing';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNEL_EXAMPLES, IPC_CHANNEL_NAMES, parseIpcResponse } from '@flowdesk/shared/ipc';
import type { IpcChannel, IpcEnvelope } from '@flowdesk/shared/ipc';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { AuditTrail } from '../src/main/data/audit-trail';
import { WorkspaceManager } from '../src/main/data/workspace-manager';
import { WorkspaceStoreRepository } from '../src/main/data/workspace-store';
import { createIpcDispatcher } from '../src/main/ipc/dispatcher';
import { createIpcHandlers } from '../src/main/ipc/handlers';
import { createAppDiagnostics } from '../src/main/monitoring/app-diagnostics';
import { UpdateController } from '../src/main/updates/update-controller';
import { fakeUpdater } from '../src/main/updates/fake-updater.test-support';
import { createMonitoringManager, monitoringConfigSchema } from '@flowdesk/shared/monitoring';
import { AppLock } from '../src/main/security/app-lock';
import type { AppLockStatus } from '../src/main/security/app-lock';
import { memorySecretStore } from '../src/main/security/memory-secrets.test-support';
import { PermissionPrompts } from '../src/main/security/permission-prompts';
import { ScreenSharePicker } from '../src/main/security/screen-share';
import { temporaryBackups } from './support/temporary-backups';
import { DownloadManager } from '../src/main/views/downloads';
import { FakeDownloadItem } from '../src/main/views/fake-download-item.test-support';
import { FakeViewHost } from '../src/main/views/fake-view-host.test-support';
import { ViewManager, managedServicesOf } from '../src/main/views/view-manager';
import { createInPageBackend } from './support/in-page-backend';

/**
 * The contract suite. The same scenarios run against the main process's setup (store and audit
 * trail on disk) and against the in-page implementation the UI tests use, so the UI is never
 * tested against behaviour the app does not have.
 */

const now = '2026-11-24T10:00:00.000Z';
const ui = { frameUrl: 'app://flowdesk/index.html', isMainFrame: true, webContentsId: 1 };
const directories: string[] = [];
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
afterEach(() =>
  directories
    .splice(0)
    .forEach((directory) =>
      rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }),
    ),
);

/** Updates with one downloaded and waiting (the fake updater reports it at the first check). */
function readyUpdates() {
  const controller = new UpdateController({
    updater: fakeUpdater().updater,
    settings: () => ({ enabled: true, channel: 'stable', checkIntervalHours: 6 }),
    currentVersion: '0.1.0',
    onChange: () => undefined,
    timers: { set: () => 0, clear: () => undefined },
  });
  controller.applySettings();
  void controller.checkNow();
  return controller;
}

function seededStore(): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt: now,
        services: [
          {
            id: 's1',
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/client',
            createdAt: now,
          },
        ],
      },
      { id: 'w2', name: 'Home', createdAt: now },
    ],
  });
}

/** A license manager that only reports a state: the handlers' plan checks read nothing else. */
function fakeLicenseManager(snapshot: () => LicenseSnapshot) {
  const refuse = () => Promise.reject(new Error('not used'));
  return {
    snapshot,
    startSignIn: refuse,
    cancelSignIn: () => undefined,
    checkNow: refuse,
    signOut: refuse,
    reschedule: () => undefined,
  };
}

const nowMs = Date.parse(now);
const proClaims: LicenseClaims = {
  iss: 'https://flowdesk.example',
  aud: 'flowdesk-app',
  sub: 'user_1',
  jti: 'lt_1',
  iat: nowMs / 1000,
  nbf: nowMs / 1000,
  exp: nowMs / 1000 + 86_400,
  lic: 'lic_1',
  plan: 'pro',
  features: [],
  seats: 1,
  device: { fph: 'a'.repeat(64), aid: 'act_1' },
  checks: { interval: 3600, grace: 3600 },
};
const licensed = (claims: LicenseClaims | undefined) => (): LicenseSnapshot => ({
  state: evaluateLicense(claims, newLicenseRecord(nowMs), nowMs),
  secureStorage: true,
});

interface ContractEnvironment {
  dispatch(channel: unknown, payload: unknown): Promise<IpcEnvelope<unknown>>;
  /** Ids of the permission questions sent to the UI, oldest first. */
  permissionRequests: string[];
  /** A service page asks for a permission (what the session's request handler passes on). */
  askPermission(serviceId: string, permission: string, origin: string): Promise<boolean>;
  opened: string[];
  clipboard: string[];
  /** A service page starts a download; `complete()` writes the file and ends it. */
  startDownload(serviceId: string, fileName: string): { item: FakeDownloadItem; complete(): void };
  /** Files the system was asked to open, and to show in their folder. */
  openedFiles: string[];
  shownInFolder: string[];
  secrets: ReturnType<typeof memorySecretStore>;
  /** The temporary data folder and what its file dialogs answer. */
  files: ReturnType<typeof temporaryBackups>;
}

function mainProcessEnvironment(
  options: { clipboardFails?: boolean; license?: () => LicenseSnapshot } = {},
): ContractEnvironment & {
  forged(channel: unknown, payload: unknown): Promise<IpcEnvelope<unknown>>;
} {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-ipc-'));
  directories.push(directory);
  const repository = new WorkspaceStoreRepository(directory);
  repository.load();
  const audit = new AuditTrail({ directory, userAgent: 'Flow Desk/test', retentionDays: 30 });
  let nextId = 0;
  const workspaces = new WorkspaceManager(seededStore(), {
    repository,
    now: () => new Date(now),
    newId: () => `new-${++nextId}`,
    audit: (event) => void audit.logWorkspaceEvent(event).catch(() => undefined),
  });
  const files = dataFolder();
  const views = new ViewManager({ host: new FakeViewHost(true) });
  views.setServices(managedServicesOf(workspaces.store));
  workspaces.onChange((store) => views.setServices(managedServicesOf(store)));
  const permissionRequests: string[] = [];
  const prompts = new PermissionPrompts({
    send: (event) => permissionRequests.push(event.requestId),
    remember: (serviceId, grant) => void workspaces.rememberPermission(serviceId, grant),
    newId: () => `r${++nextId}`,
  });
  // Small scrypt parameters: the same lock logic, without seconds of hashing per test.
  const lock = new AppLock({
    record: undefined,
    save: () => undefined,
    onChange: (status) => lockChanges.push(status),
    hashOptions: { N: 2 ** 14 },
  });
  const lockChanges: AppLockStatus[] = [];
  const opened: string[] = [];
  const clipboard: string[] = [];
  const openedFiles: string[] = [];
  const shownInFolder: string[] = [];
  const downloadsDirectory = join(directory, 'Downloads');
  mkdirSync(downloadsDirectory);
  const downloads = new DownloadManager({
    downloadsDirectory: () => downloadsDirectory,
    askWhereToSave: () => workspaces.store.settings.downloads.askWhereToSave,
    onChange: () => undefined,
    openPath: (path) => {
      openedFiles.push(path);
      return Promise.resolve('');
    },
    showItemInFolder: (path) => void shownInFolder.push(path),
    fileExists: existsSync,
    newId: () => `d${++nextId}`,
  });
  const secrets = memorySecretStore();
  const screenShare = new ScreenSharePicker({
    send: () => undefined,
    ended: () => undefined,
    audioSupported: false,
    newId: () => `r${++nextId}`,
  });
  const dispatch = createIpcDispatcher({
    handlers: createIpcHandlers({
      workspaces,
      views,
      // No pinned license keys here, as in a development build: nothing is limited.
      license: new LicenseService({
        store: () => workspaces.store,
        deviceName: 'This computer',
        ...(options.license ? { manager: fakeLicenseManager(options.license) } : {}),
      }),
      audit,
      prompts,
      lock,
      downloads,
      secrets: secrets.store,
      screenShare,
      backups: files.backupsFor(workspaces),
      data: files.dataFor(workspaces, audit),
      restartApp: () => undefined,
      appInfo: () => ({
        name: 'Flow Desk',
        version: '0.1.0',
        platform: 'linux',
        electronVersion: '45.4.1',
        chromeVersion: '142.0.0.0',
        locale: 'en-US',
        errorReportHost: null,
      }),
      openExternal: (url) => opened.push(url),
      writeClipboard: (text) =>
        options.clipboardFails
          ? Promise.reject(new Error('clipboard busy'))
          : void clipboard.push(text),
      clearServiceData: () => Promise.resolve(),
      updates: readyUpdates(),
      diagnostics: createAppDiagnostics({
        monitoring: createMonitoringManager(monitoringConfigSchema.parse({})),
        sources: {
          system: () => ({ version: '0.1.0' }),
          startup: () => [],
          serviceUsage: () => [],
          metrics: () => [],
          logs: () => '',
        },
        chooseDestination: () => Promise.resolve(undefined),
        save: () => Promise.reject(new Error('Cancelled dialogs save nothing.')),
      }),
    }),
  });
  return {
    dispatch: (channel, payload) => dispatch(channel, payload, ui),
    forged: (channel: unknown, payload: unknown) =>
      dispatch(channel, payload, {
        frameUrl: 'https://app.slack.com/client',
        isMainFrame: true,
        webContentsId: 7,
      }),
    permissionRequests,
    askPermission: (serviceId, permission, origin) => {
      const found = workspaces.findService(serviceId);
      return found
        ? prompts.ask({ workspaceId: found.workspace.id, serviceId, permission, origin })
        : Promise.resolve(false);
    },
    opened,
    clipboard,
    openedFiles,
    shownInFolder,
    secrets,
    files,
    startDownload: (serviceId, fileName) => {
      const item = new FakeDownloadItem(fileName);
      downloads.track(item, serviceId);
      return {
        item,
        complete: () => {
          writeFileSync(item.getSavePath(), 'contents');
          item.finish('completed');
        },
      };
    },
  };
}

/** The real backups and data modules over a temporary folder (no browser sessions here). */
function dataFolder() {
  const files = temporaryBackups();
  cleanups.push(files.remove);
  return files;
}

function inPageEnvironment(): ContractEnvironment {
  const files = dataFolder();
  const backend = createInPageBackend({
    initial: seededStore(),
    now: () => new Date(now),
    backupsFor: files.backupsFor,
    dataFor: files.dataFor,
    updater: fakeUpdater().updater,
  });
  // An update downloaded and waiting, as in the main-process environment.
  void backend.updates.checkNow();
  return {
    dispatch: backend.dispatch,
    askPermission: backend.askPermission,
    opened: backend.opened,
    clipboard: backend.clipboard,
    permissionRequests: backend.permissionRequests,
    openedFiles: backend.openedFiles,
    shownInFolder: backend.shownInFolder,
    secrets: backend.secrets,
    files,
    startDownload: backend.startDownload,
  };
}

/** Channels whose example cannot succeed in a fresh environment, and the refusal they give. */
const EXPECTED_REFUSALS: Partial<Record<IpcChannel, string>> = {
  'permissions:decide': 'PERMISSION_REQUEST_UNKNOWN',
  // The example service exists but its page is not open: nothing to print or search.
  'views:print': 'VIEW_NOT_OPEN',
  'views:find': 'VIEW_NOT_OPEN',
  // No page has asked to share its screen in a fresh environment.
  'screen-share:choose': 'SCREEN_SHARE_REQUEST_UNKNOWN',
  // The example service shares its workspace's sign-in: a proxy needs its own.
  'services:set-proxy': 'SERVICE_PROXY_NEEDS_ISOLATION',
  // No download has started in a fresh environment.
  'downloads:cancel': 'DOWNLOAD_NOT_FOUND',
  'downloads:pause': 'DOWNLOAD_NOT_FOUND',
  'downloads:resume': 'DOWNLOAD_NOT_FOUND',
  'downloads:open': 'DOWNLOAD_NOT_FOUND',
  'downloads:show-in-folder': 'DOWNLOAD_NOT_FOUND',
  // No backup with the example's id exists in a fresh environment.
  'backups:restore': 'BACKUP_NOT_FOUND',
  'backups:verify': 'BACKUP_NOT_FOUND',
  'backups:delete': 'BACKUP_NOT_FOUND',
  'backups:save-copy': 'BACKUP_NOT_FOUND',
  // The file dialogs answer "cancelled" until a test chooses a file.
  'backups:add-file': 'CANCELLED',
  'workspaces:import-preview': 'CANCELLED',
  'workspaces:import-apply': 'IMPORT_EXPIRED',
  // Licensing is off without pinned keys (licensing/license-service.ts).
  'license:sign-in': 'LICENSING_NOT_AVAILABLE',
  'license:cancel-sign-in': 'LICENSING_NOT_AVAILABLE',
  'license:check-now': 'LICENSING_NOT_AVAILABLE',
  'license:sign-out': 'LICENSING_NOT_AVAILABLE',
};

async function call<C extends IpcChannel>(env: ContractEnvironment, channel: C, payload: unknown) {
  return parseIpcResponse(channel, await env.dispatch(channel, payload));
}

describe.each([
  ['the main process', mainProcessEnvironment],
  ['the in-page UI stand-in', inPageEnvironment],
] as [string, () => ContractEnvironment][])('IPC contract: %s', (_name, makeEnvironment) => {
  it.each(IPC_CHANNEL_NAMES)('%s answers within the contract', async (channel) => {
    const response = await call(makeEnvironment(), channel, IPC_CHANNEL_EXAMPLES[channel].request);
    const refusal = EXPECTED_REFUSALS[channel];
    if (refusal) expect(!response.ok && response.error.code).toBe(refusal);
    else expect(response.ok, JSON.stringify(!response.ok && response.error.toJSON())).toBe(true);
  });

  it('creates, reorders and removes workspaces, and refuses a nameless one', async () => {
    const env = makeEnvironment();
    const created = await call(env, 'workspaces:create', {
      name: 'Side project',
      services: [{ type: 'github' }],
    });
    expect(created.ok && created.value.services[0]?.type).toBe('github');
    const id = created.ok ? created.value.id : '';
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces.map((workspace) => workspace.name)).toEqual([
      'Work',
      'Home',
      'Side project',
    ]);
    expect((await call(env, 'workspaces:reorder', { workspaceIds: [id, 'w2', 'w1'] })).ok).toBe(
      true,
    );
    expect(await call(env, 'workspaces:create', { name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_INPUT_INVALID', message: 'Enter a name for the workspace.' },
    });
    expect(await call(env, 'workspaces:remove', { workspaceId: id, clearData: false })).toEqual({
      ok: true,
      value: { removedServiceCount: 1 },
    });
    const after = await call(env, 'state:get', undefined);
    expect(after.ok && after.value.workspaces.map((workspace) => workspace.id)).toEqual([
      'w2',
      'w1',
    ]);
  });

  it('refuses a custom service with a bad address, naming the field, then accepts a good one', async () => {
    const env = makeEnvironment();
    const bad = await call(env, 'services:add', {
      workspaceId: 'w1',
      service: { type: 'custom-template', name: 'Wiki', url: 'javascript:alert(1)' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'SERVICE_INPUT_INVALID',
        details: { fields: [{ field: 'service.url', code: 'URL_SCHEME_NOT_ALLOWED' }] },
      },
    });
    const good = await call(env, 'services:add', {
      workspaceId: 'w1',
      service: { type: 'custom-template', name: 'Wiki', url: 'wiki.example.org' },
    });
    expect(good.ok && good.value.url).toBe('https://wiki.example.org/');
  });

  it('asks, remembers, lists and revokes a permission answer', async () => {
    const env = makeEnvironment();
    const answer = env.askPermission('s1', 'media', 'https://app.slack.com');
    expect(env.permissionRequests).toHaveLength(1);
    const decided = await call(env, 'permissions:decide', {
      requestId: env.permissionRequests[0],
      decision: 'granted',
      remember: true,
    });
    expect(decided.ok).toBe(true);
    await expect(answer).resolves.toBe(true);
    const listed = await call(env, 'permissions:list', { serviceId: 's1' });
    expect(listed.ok && listed.value.map((entry) => entry.grant.permission)).toEqual(['media']);
    expect(
      (await call(env, 'permissions:revoke', { serviceId: 's1', permission: 'media' })).ok,
    ).toBe(true);
    const empty = await call(env, 'permissions:list', { serviceId: 's1' });
    expect(empty.ok && empty.value).toEqual([]);
  });

  it('records changes in a verifiable audit trail', async () => {
    const env = makeEnvironment();
    await call(env, 'services:add', { workspaceId: 'w1', service: { type: 'notion' } });
    const trail = await call(env, 'audit:list', { workspaceId: 'w1' });
    expect(trail.ok && trail.value.map((entry) => entry.event.type)).toEqual(['service_added']);
    expect(await call(env, 'audit:verify', { workspaceId: 'w1' })).toEqual({
      ok: true,
      value: { valid: true, checkedEntries: 1 },
    });
  });

  it('opens only web and mail links outside, and refuses unknown services', async () => {
    const env = makeEnvironment();
    expect(await call(env, 'app:open-external', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'EXTERNAL_URL_REFUSED' },
    });
    expect((await call(env, 'app:open-external', { url: 'https://flowdesk.app/help' })).ok).toBe(
      true,
    );
    expect(env.opened).toEqual(['https://flowdesk.app/help']);
    for (const channel of [
      'views:activate',
      'views:reload',
      'views:hibernate',
      'views:clear-data',
    ] as const) {
      expect(await call(env, channel, { serviceId: 'nope' }), channel).toMatchObject({
        ok: false,
        error: { code: 'SERVICE_NOT_FOUND' },
      });
    }
  });

  it('locks everything but the lock screen until the right password is typed', async () => {
    const env = makeEnvironment();
    expect(
      await call(env, 'lock:set-password', { newPassword: 'short', autoLockMinutes: 5 }),
    ).toMatchObject({ ok: false, error: { code: 'APP_LOCK_PASSWORD_TOO_SHORT' } });
    expect(
      await call(env, 'lock:set-password', {
        newPassword: 'a long passphrase',
        autoLockMinutes: 5,
      }),
    ).toEqual({ ok: true, value: { enabled: true, locked: false, autoLockMinutes: 5 } });
    expect(await call(env, 'lock:lock', undefined)).toMatchObject({
      ok: true,
      value: { locked: true },
    });
    expect(await call(env, 'state:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'APP_LOCKED' },
    });
    expect(await call(env, 'views:activate', { serviceId: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'APP_LOCKED' },
    });
    expect(await call(env, 'lock:unlock', { password: 'a wrong guess' })).toMatchObject({
      ok: false,
      error: { code: 'APP_LOCK_WRONG_PASSWORD' },
    });
    expect(await call(env, 'lock:unlock', { password: 'a long passphrase' })).toMatchObject({
      ok: true,
      value: { locked: false },
    });
    expect((await call(env, 'state:get', undefined)).ok).toBe(true);
    expect(await call(env, 'lock:disable', { currentPassword: 'a long passphrase' })).toEqual({
      ok: true,
      value: { enabled: false, locked: false, autoLockMinutes: 0 },
    });
  });

  it('zooms a service in steps and remembers the factor', async () => {
    const env = makeEnvironment();
    const zoom = (direction: 'in' | 'out' | 'reset') =>
      call(env, 'views:zoom', { serviceId: 's1', direction });
    expect(await zoom('in')).toEqual({ ok: true, value: { zoomFactor: 1.1 } });
    expect(await zoom('in')).toEqual({ ok: true, value: { zoomFactor: 1.25 } });
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces[0]?.services[0]?.zoomFactor).toBe(1.25);
    expect(await zoom('reset')).toEqual({ ok: true, value: { zoomFactor: 1 } });
    expect(await zoom('out')).toEqual({ ok: true, value: { zoomFactor: 0.9 } });
    expect(await call(env, 'views:zoom', { serviceId: 'nope', direction: 'in' })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_NOT_FOUND' },
    });
  });

  it("opens a service's page in the system browser and copies text", async () => {
    const env = makeEnvironment();
    expect((await call(env, 'views:open-in-browser', { serviceId: 's1' })).ok).toBe(true);
    expect(env.opened).toEqual(['https://app.slack.com/client']);
    expect((await call(env, 'clipboard:write-text', { text: 'hello' })).ok).toBe(true);
    expect(env.clipboard).toEqual(['hello']);
  });

  it('controls views and lists their state', async () => {
    const env = makeEnvironment();
    expect((await call(env, 'views:activate', { serviceId: 's1' })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const states = await call(env, 'views:list-states', undefined);
    expect(states.ok && states.value.find((state) => state.serviceId === 's1')?.state).toBe('live');
    for (const channel of [
      'views:go-back',
      'views:go-forward',
      'views:hibernate',
      'views:clear-data',
    ] as const) {
      expect(await call(env, channel, { serviceId: 's1' }), channel).toEqual({
        ok: true,
        value: null,
      });
    }
    const after = await call(env, 'views:list-states', undefined);
    expect(after.ok && after.value.find((state) => state.serviceId === 's1')?.state).toBe(
      'hibernated',
    );
    expect(await call(env, 'views:print', { serviceId: 's1' })).toMatchObject({
      ok: false,
      error: { code: 'VIEW_NOT_OPEN' },
    });
    expect((await call(env, 'views:activate', { serviceId: 's1' })).ok).toBe(true);
    for (const [channel, payload] of [
      ['views:print', { serviceId: 's1' }],
      ['views:find', { serviceId: 's1', text: 'invoice' }],
      ['views:stop-find', { serviceId: 's1' }],
    ] as const) {
      expect(await call(env, channel, payload), channel).toEqual({ ok: true, value: null });
    }
    expect((await call(env, 'services:remove', { serviceId: 's1', clearData: false })).ok).toBe(
      true,
    );
  });

  it('sets a proxy with its password in the keyring, and refuses one a shared service cannot have', async () => {
    const env = makeEnvironment();
    const proxy = {
      mode: 'custom',
      protocol: 'http',
      host: 'Proxy.Example.com',
      port: '3128',
      username: 'jane',
    } as const;
    expect(
      await call(env, 'services:set-proxy', { serviceId: 's1', proxy, password: 'hunter2' }),
    ).toMatchObject({ ok: false, error: { code: 'SERVICE_PROXY_NEEDS_ISOLATION' } });
    expect(env.secrets.file.text).toBeUndefined();

    expect(
      (await call(env, 'services:update', { serviceId: 's1', patch: { isolation: 'isolated' } }))
        .ok,
    ).toBe(true);
    const bad = await call(env, 'services:set-proxy', {
      serviceId: 's1',
      proxy: { ...proxy, host: 'http://proxy', port: '99999' },
    });
    expect(!bad.ok && bad.error.code).toBe('PROXY_INPUT_INVALID');
    expect(!bad.ok && bad.error.details).toMatchObject({
      fields: [{ field: 'host' }, { field: 'port' }],
    });

    // No keyring: the password is not kept, and nothing changes.
    env.secrets.keyring.available = false;
    expect(
      await call(env, 'services:set-proxy', { serviceId: 's1', proxy, password: 'hunter2' }),
    ).toMatchObject({ ok: false, error: { code: 'SECRET_STORAGE_UNAVAILABLE' } });
    env.secrets.keyring.available = true;

    expect(
      await call(env, 'services:set-proxy', { serviceId: 's1', proxy, password: 'hunter2' }),
    ).toEqual({
      ok: true,
      value: {
        mode: 'custom',
        protocol: 'http',
        host: 'proxy.example.com',
        port: 3128,
        username: 'jane',
        passwordStored: true,
        bypass: [],
      },
    });
    expect(await env.secrets.store.get('proxy:s1')).toBe('hunter2');
    // Encrypted on disk; never in the store the UI gets.
    expect(env.secrets.file.text).not.toContain('hunter2');
    const state = await call(env, 'state:get', undefined);
    expect(JSON.stringify(state)).not.toContain('hunter2');

    // Saving again without a password keeps the stored one.
    const again = await call(env, 'services:set-proxy', {
      serviceId: 's1',
      proxy: { ...proxy, port: 8080 },
    });
    expect(again.ok && again.value).toMatchObject({ port: 8080, passwordStored: true });
    expect(
      await call(env, 'services:update', { serviceId: 's1', patch: { isolation: 'shared' } }),
    ).toMatchObject({ ok: false, error: { code: 'SERVICE_PROXY_NEEDS_ISOLATION' } });

    // Back to the system's settings: the password is forgotten.
    expect(
      await call(env, 'services:set-proxy', { serviceId: 's1', proxy: { mode: 'system' } }),
    ).toEqual({ ok: true, value: { mode: 'system' } });
    expect(env.secrets.store.has('proxy:s1')).toBe(false);

    // Removing the service removes its password too.
    await call(env, 'services:set-proxy', { serviceId: 's1', proxy, password: 'hunter2' });
    expect(env.secrets.store.has('proxy:s1')).toBe(true);
    expect((await call(env, 'services:remove', { serviceId: 's1', clearData: false })).ok).toBe(
      true,
    );
    expect(env.secrets.store.has('proxy:s1')).toBe(false);
    expect(env.secrets.file.text).toBeUndefined();
  });

  it('backs up, lists, verifies, restores as new workspaces and deletes a backup', async () => {
    const env = makeEnvironment();
    const passphrase = 'correct horse battery';
    const made = await call(env, 'backups:create', {
      workspaceIds: ['w1'],
      includeBrowserSessions: false,
      encryption: { method: 'passphrase', passphrase },
      chooseLocation: false,
    });
    if (!made.ok) throw made.error;
    // Asked to choose a place, but no place was chosen (here, there is no dialog at all).
    expect(
      await call(env, 'backups:create', {
        includeBrowserSessions: false,
        encryption: { method: 'passphrase', passphrase },
        chooseLocation: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'BACKUP_CANCELLED' } });
    expect(made.value.metadata).toMatchObject({
      workspaceCount: 1,
      serviceCount: 1,
      workspaceIds: ['w1'],
    });
    const listed = await call(env, 'backups:list', undefined);
    expect(listed.ok && listed.value.map((backup) => backup.backupId)).toEqual([
      made.value.backupId,
    ]);
    const verified = await call(env, 'backups:verify', {
      backupId: made.value.backupId,
      passphrase,
    });
    expect(verified.ok && verified.value.fileCount).toBe(2);
    expect(
      await call(env, 'backups:restore', {
        backupId: made.value.backupId,
        passphrase: 'not the passphrase',
        mode: 'merge',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BACKUP_WRONG_PASSPHRASE' } });

    const restored = await call(env, 'backups:restore', {
      backupId: made.value.backupId,
      passphrase,
      mode: 'merge',
    });
    if (!restored.ok) throw restored.error;
    expect(restored.value.restartNeeded).toBe(false);
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces.map((workspace) => workspace.name)).toEqual([
      'Work',
      'Home',
      'Work',
    ]);
    // The safety snapshot is listed too; deleting the backup leaves it.
    expect(await call(env, 'backups:delete', { backupId: made.value.backupId })).toEqual({
      ok: true,
      value: null,
    });
    const after = await call(env, 'backups:list', undefined);
    expect(after.ok && after.value.map((backup) => backup.backupId)).toEqual([
      restored.value.safetySnapshotId,
    ]);
    expect(await call(env, 'app:restart', undefined)).toEqual({ ok: true, value: null });
  });

  it('exports workspaces, previews an import with its conflicts and applies the choices', async () => {
    const env = makeEnvironment();
    const exported = await call(env, 'workspaces:export', { workspaceIds: ['w1'] });
    if (!exported.ok) throw exported.error;
    expect(exported.value.workspaceCount).toBe(1);
    const path = join(env.files.directory, exported.value.fileName);
    const document = JSON.parse(readFileSync(path, 'utf8')) as { format: string };
    expect(document.format).toBe('flowdesk-workspaces');

    env.files.choose.importFile = () => path;
    const preview = await call(env, 'workspaces:import-preview', undefined);
    if (!preview.ok) throw preview.error;
    expect(preview.value.workspaces).toEqual([{ workspaceId: 'w1', name: 'Work', services: 1 }]);
    expect(preview.value.conflicts).toEqual([
      { kind: 'same-id', workspaceId: 'w1', name: 'Work', existingName: 'Work' },
    ]);
    expect(preview.value.knownAddresses.map((known) => known.url)).toEqual([
      'https://app.slack.com/client',
    ]);
    const applied = await call(env, 'workspaces:import-apply', {
      importId: preview.value.importId,
      choices: { w1: 'duplicate' },
    });
    if (!applied.ok) throw applied.error;
    expect(applied.value.added.map((added) => added.name)).toEqual(['Work']);
    expect(applied.value.added[0]?.workspaceId).not.toBe('w1');
    // A preview is used once.
    expect(
      await call(env, 'workspaces:import-apply', { importId: preview.value.importId, choices: {} }),
    ).toMatchObject({ ok: false, error: { code: 'IMPORT_EXPIRED' } });

    // Not an export: refused with its own message, nothing changes.
    writeFileSync(path, '{"format":"something-else"}');
    expect(await call(env, 'workspaces:import-preview', undefined)).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_NOT_AN_EXPORT' },
    });
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces.map((workspace) => workspace.name)).toEqual([
      'Work',
      'Home',
      'Work',
    ]);
    env.files.choose.exportPath = () => undefined;
    expect(await call(env, 'workspaces:export', {})).toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
  });

  it('checks data, removes an orphan folder the user chose, cleans up and signs out', async () => {
    const env = makeEnvironment();
    const orphan = join(env.files.paths.partitionsDirectory, 'svc-gone');
    mkdirSync(join(orphan, 'Local Storage'), { recursive: true });
    writeFileSync(join(orphan, 'Local Storage', 'data'), 'x'.repeat(4096));
    const report = await call(env, 'data:check', undefined);
    if (!report.ok) throw report.error;
    expect(report.value.valid).toBe(false);
    const issue = report.value.issues.find((found) => found.code === 'ORPHAN_PARTITION');
    expect(issue?.repair).toEqual({ kind: 'remove-orphan-partition', folder: 'svc-gone' });

    // A repair the check did not offer is ignored.
    const forged = await call(env, 'data:repair', {
      repairs: [{ kind: 'remove-orphan-partition', folder: 'ws-w1' }],
    });
    expect(forged.ok && forged.value.applied).toBe(0);
    const repaired = await call(env, 'data:repair', { repairs: [issue!.repair!] });
    if (!repaired.ok) throw repaired.error;
    expect(repaired.value).toMatchObject({ applied: 1, bytesFreed: 4096 });
    expect(repaired.value.report.valid).toBe(true);
    expect(existsSync(orphan)).toBe(false);

    const cleaned = await call(env, 'data:cleanup', undefined);
    expect(cleaned.ok && cleaned.value.bytesFreed).toBe(0);
    expect(await call(env, 'data:clear-sessions', { workspaceId: 'w1' })).toEqual({
      ok: true,
      value: { clearedPartitions: 1 },
    });
    expect(env.files.cleared).toEqual([['persist:ws-w1']]);
    const trail = await call(env, 'audit:list', { workspaceId: 'w1' });
    expect(trail.ok && trail.value.map((entry) => entry.action)).toContain(
      'sign out of every service',
    );
    expect(
      await call(env, 'data:clear-sessions', { workspaceId: 'w1', serviceId: 'nope' }),
    ).toMatchObject({ ok: false, error: { code: 'SERVICE_NOT_FOUND' } });
  });

  it('saves a copy of a backup elsewhere and adds a backup file from elsewhere', async () => {
    const env = makeEnvironment();
    const made = await call(env, 'backups:create', {
      includeBrowserSessions: false,
      encryption: { method: 'passphrase', passphrase: 'correct horse battery' },
      chooseLocation: false,
    });
    if (!made.ok) throw made.error;
    const copied = await call(env, 'backups:save-copy', { backupId: made.value.backupId });
    if (!copied.ok) throw copied.error;
    const copy = join(env.files.directory, copied.value.fileName);
    expect(readFileSync(copy)).toEqual(
      readFileSync(join(env.files.paths.backupsDirectory, made.value.fileName)),
    );
    // The same backup again is simply there; after deleting it, adding the copy brings it back.
    env.files.choose.backupFile = () => copy;
    expect((await call(env, 'backups:add-file', undefined)).ok).toBe(true);
    await call(env, 'backups:delete', { backupId: made.value.backupId });
    const added = await call(env, 'backups:add-file', undefined);
    expect(added.ok && added.value.backupId).toBe(made.value.backupId);
    writeFileSync(copy, 'not a backup');
    expect(await call(env, 'backups:add-file', undefined)).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_NOT_A_BACKUP' },
    });
  });

  it('lists downloads with their progress, pauses, cancels, opens and clears them', async () => {
    const env = makeEnvironment();
    const report = env.startDownload('s1', 'report.pdf');
    const second = env.startDownload('s1', 'report.pdf');
    report.item.progress(400);
    const listed = await call(env, 'downloads:list', undefined);
    if (!listed.ok) throw listed.error;
    const [newest, oldest] = listed.value;
    // Newest first; two downloads of one name never share a file.
    expect(listed.value.map((entry) => entry.fileName)).toEqual(['report (1).pdf', 'report.pdf']);
    expect(oldest).toMatchObject({ receivedBytes: 400, totalBytes: 1000, state: 'progressing' });
    const oldId = oldest?.id ?? '';
    const newId = newest?.id ?? '';

    expect(await call(env, 'downloads:pause', { downloadId: oldId })).toEqual({
      ok: true,
      value: null,
    });
    expect(report.item.calls).toEqual(['pause']);
    expect(await call(env, 'downloads:resume', { downloadId: oldId })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call(env, 'downloads:open', { downloadId: oldId })).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_NOT_FINISHED' },
    });
    expect(await call(env, 'downloads:cancel', { downloadId: newId })).toEqual({
      ok: true,
      value: null,
    });
    report.complete();
    expect(await call(env, 'downloads:open', { downloadId: oldId })).toEqual({
      ok: true,
      value: null,
    });
    expect(await call(env, 'downloads:show-in-folder', { downloadId: oldId })).toEqual({
      ok: true,
      value: null,
    });
    expect(env.openedFiles).toHaveLength(1);
    expect(env.openedFiles[0]).toMatch(/report\.pdf$/);
    expect(env.shownInFolder).toEqual(env.openedFiles);
    const ended = await call(env, 'downloads:list', undefined);
    expect(ended.ok && ended.value.map((entry) => entry.state)).toEqual(['cancelled', 'completed']);
    expect(second.item.calls).toEqual(['cancel']);

    expect(await call(env, 'downloads:clear', undefined)).toEqual({ ok: true, value: null });
    expect(await call(env, 'downloads:list', undefined)).toEqual({ ok: true, value: [] });
    expect(await call(env, 'downloads:open', { downloadId: oldId })).toMatchObject({
      ok: false,
      error: { code: 'DOWNLOAD_NOT_FOUND' },
    });
  });
});

describe('the IPC dispatcher of the main process', () => {
  it('says what to do when the clipboard refuses the text', async () => {
    const env = mainProcessEnvironment({ clipboardFails: true });
    const answer = await call(env, 'clipboard:write-text', { text: 'report' });
    expect(!answer.ok && answer.error.code).toBe('CLIPBOARD_WRITE_FAILED');
    expect(!answer.ok && answer.error.message).toContain('copy it by hand');
  });

  it('refuses a forged message from a service page and leaves the store alone', async () => {
    const env = mainProcessEnvironment();
    expect(
      await env.forged('workspaces:remove', { workspaceId: 'w1', clearData: true }),
    ).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces.map((workspace) => workspace.id)).toEqual([
      'w1',
      'w2',
    ]);
  });
});

describe('IPC: the plan’s limits in the main process', () => {
  it('locks, not deletes, a workspace over the Free limit, and refuses to open its services', async () => {
    const env = mainProcessEnvironment({ license: licensed(undefined) });
    const created = await call(env, 'workspaces:create', {
      name: 'Third',
      services: [{ type: 'github' }],
    });
    expect(created.ok).toBe(true);
    const serviceId = created.ok ? created.value.services[0]!.id : '';
    const status = await call(env, 'license:status', undefined);
    expect(status.ok && status.value).toMatchObject({
      state: 'unlicensed',
      plan: 'free',
      available: true,
      limits: { maxWorkspaces: 2 },
      locked: { workspaceIds: [created.ok ? created.value.id : ''], serviceIds: [serviceId] },
    });
    const opened = await call(env, 'views:activate', { serviceId });
    expect(!opened.ok && opened.error.code).toBe('SERVICE_LOCKED_BY_PLAN');
    expect((await call(env, 'views:activate', { serviceId: 's1' })).ok).toBe(true);
    const state = await call(env, 'state:get', undefined);
    expect(state.ok && state.value.workspaces).toHaveLength(3);
  });

  it('refuses paid features on Free, and allows them on Pro', async () => {
    const free = mainProcessEnvironment({ license: licensed(undefined) });
    const lock = await call(free, 'lock:set-password', {
      newPassword: 'long enough secret',
      autoLockMinutes: 5,
    });
    expect(!lock.ok && lock.error.code).toBe('FEATURE_NOT_IN_PLAN');
    const backup = await call(free, 'backups:create', {
      includeBrowserSessions: true,
      encryption: { method: 'passphrase', passphrase: 'correct horse battery staple' },
      chooseLocation: false,
    });
    expect(!backup.ok && backup.error.code).toBe('FEATURE_NOT_IN_PLAN');
    const proxy = await call(free, 'services:set-proxy', {
      serviceId: 's1',
      proxy: { mode: 'custom', protocol: 'http', host: 'proxy.example', port: 8080 },
    });
    expect(!proxy.ok && proxy.error.code).toBe('FEATURE_NOT_IN_PLAN');

    const pro = mainProcessEnvironment({ license: licensed(proClaims) });
    expect(
      (
        await call(pro, 'lock:set-password', {
          newPassword: 'long enough secret',
          autoLockMinutes: 5,
        })
      ).ok,
    ).toBe(true);
    const status = await call(pro, 'license:status', undefined);
    expect(status.ok && status.value).toMatchObject({
      state: 'active',
      plan: 'pro',
      locked: { workspaceIds: [] },
    });
  });
});
