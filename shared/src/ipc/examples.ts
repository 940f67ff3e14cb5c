import type { IpcChannel, IpcEventName } from './contract';

/**
 * One valid request and response per channel and one payload per event: the contract's examples.
 * The shared tests parse them; the desktop contract test sends them to the real handlers; a UI
 * stand-in can answer with them.
 */
const now = '2026-11-24T10:00:00.000Z';
const service = {
  id: 's1',
  type: 'slack',
  name: 'Slack',
  url: 'https://app.slack.com/client',
  createdAt: now,
};
const workspace = { id: 'w1', name: 'Work', services: [service], createdAt: now };
const store = { schemaVersion: 1, workspaces: [workspace], activeWorkspaceId: 'w1' };
const settings = { theme: 'dark' };
const download = {
  id: 'd1',
  serviceId: 's1',
  fileName: 'report.pdf',
  url: 'https://files.slack.com/report.pdf',
  mimeType: 'application/pdf',
  totalBytes: 2048,
  receivedBytes: 1024,
  state: 'progressing',
  savePath: '/home/jane/Downloads/report.pdf',
  startedAt: now,
};
const license = {
  state: 'active',
  plan: 'pro',
  features: ['backups.sessions'],
  limits: { maxWorkspaces: null, maxServicesPerWorkspace: null },
  locked: { workspaceIds: [], serviceIds: [] },
  nextCheckAt: now,
  graceEndsAt: now,
  lastCheckedAt: now,
  clockRollback: false,
  deviceName: 'Work laptop',
  secureStorage: true,
  available: true,
  manageUrl: 'https://flowdesk.app/dashboard',
};
const backup = {
  backupId: 'b1',
  fileName: 'flowdesk-2026-11-24.fdbackup',
  metadata: {
    format: 'flowdesk-backup',
    formatVersion: 1,
    id: 'b1',
    timestamp: now,
    version: '0.1.0',
    type: 'full',
    size: 10,
    checksum: 'a'.repeat(64),
    encryption: { method: 'none' },
    compression: 'gzip',
    retentionPolicy: 'keep-10',
    workspaceCount: 1,
    serviceCount: 1,
    includesBrowserSessions: false,
    storeSchemaVersion: 1,
  },
};
const auditEntry = {
  v: 1,
  id: 'e1',
  sequence: 0,
  timestamp: now,
  workspaceId: 'w1',
  event: {
    type: 'workspace_created',
    severity: 'low',
    workspaceId: 'w1',
    action: 'create',
    timestamp: now,
  },
  action: 'create',
  result: 'success',
  userAgent: 'Flow Desk/0.1.0',
  previousHash: '0'.repeat(64),
  hash: 'b'.repeat(64),
};
const viewState = {
  serviceId: 's1',
  state: 'live',
  canGoBack: false,
  canGoForward: true,
  unread: 3,
};

const updateReady = {
  phase: 'ready',
  channel: 'stable',
  currentVersion: '0.1.0',
  availableVersion: '0.2.0',
  lastCheckedAt: now,
  nextCheckAt: now,
};

export const IPC_CHANNEL_EXAMPLES: Record<IpcChannel, { request: unknown; response: unknown }> = {
  'app:info': {
    request: undefined,
    response: {
      name: 'Flow Desk',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: '45.4.1',
      chromeVersion: '142.0.0.0',
      locale: 'en-US',
      errorReportHost: null,
    },
  },
  'app:open-external': { request: { url: 'https://flowdesk.app/help' }, response: null },
  'app:restart': { request: undefined, response: null },
  'clipboard:write-text': { request: { text: 'https://app.slack.com/client' }, response: null },
  'state:get': { request: undefined, response: store },
  'workspaces:create': {
    request: { name: 'Work', color: '#112233', services: [{ type: 'slack' }] },
    response: workspace,
  },
  'workspaces:update': {
    request: {
      workspaceId: 'w1',
      patch: { name: 'Job', settings: { hibernation: { idleMinutes: 5 } } },
    },
    response: workspace,
  },
  'workspaces:remove': {
    request: { workspaceId: 'w1', clearData: true },
    response: { removedServiceCount: 1 },
  },
  'workspaces:reorder': { request: { workspaceIds: ['w2', 'w1'] }, response: null },
  'workspaces:activate': { request: { workspaceId: 'w1' }, response: null },
  'services:add': {
    request: { workspaceId: 'w1', service: { type: 'github' } },
    response: service,
  },
  'services:update': {
    request: { serviceId: 's1', patch: { notifications: { muted: true }, userAgent: null } },
    response: service,
  },
  'services:remove': { request: { serviceId: 's1', clearData: false }, response: null },
  'services:reorder': { request: { workspaceId: 'w1', serviceIds: ['s1'] }, response: null },
  'services:move': { request: { serviceId: 's1', toWorkspaceId: 'w2', index: 0 }, response: null },
  'views:activate': { request: { serviceId: 's1' }, response: null },
  'views:reload': { request: { serviceId: 's1', ignoreCache: true }, response: null },
  'views:hibernate': { request: { serviceId: 's1' }, response: null },
  'views:go-back': { request: { serviceId: 's1' }, response: null },
  'views:go-forward': { request: { serviceId: 's1' }, response: null },
  'views:clear-data': { request: { serviceId: 's1' }, response: null },
  'views:set-content-bounds': {
    request: { x: 72, y: 0, width: 1200, height: 800 },
    response: null,
  },
  'views:list-states': { request: undefined, response: [viewState] },
  'views:open-in-browser': { request: { serviceId: 's1' }, response: null },
  'views:print': { request: { serviceId: 's1' }, response: null },
  'views:zoom': { request: { serviceId: 's1', direction: 'in' }, response: { zoomFactor: 1.1 } },
  'views:find': { request: { serviceId: 's1', text: 'invoice', findNext: true }, response: null },
  'views:stop-find': { request: { serviceId: 's1' }, response: null },
  'services:set-proxy': {
    request: {
      serviceId: 's1',
      proxy: { mode: 'custom', protocol: 'socks5', host: '10.0.0.2', port: '1080' },
    },
    response: { mode: 'custom', protocol: 'socks5', host: '10.0.0.2', port: 1080 },
  },
  'downloads:list': { request: undefined, response: [download] },
  'downloads:cancel': { request: { downloadId: 'd1' }, response: null },
  'downloads:pause': { request: { downloadId: 'd1' }, response: null },
  'downloads:resume': { request: { downloadId: 'd1' }, response: null },
  'downloads:open': { request: { downloadId: 'd1' }, response: null },
  'downloads:show-in-folder': { request: { downloadId: 'd1' }, response: null },
  'downloads:clear': { request: undefined, response: null },
  'screen-share:choose': {
    request: { requestId: 'r1', sourceId: 'screen:0:0', shareAudio: false },
    response: null,
  },
  'settings:get': { request: undefined, response: settings },
  'settings:update': {
    request: { theme: 'light', spellcheck: { languages: ['en-US'] } },
    response: settings,
  },
  'permissions:list': {
    request: { serviceId: 's1' },
    response: [
      {
        serviceId: 's1',
        grant: { permission: 'notifications', decision: 'granted', decidedAt: now },
      },
    ],
  },
  'permissions:decide': {
    request: { requestId: 'r1', decision: 'granted', remember: true },
    response: null,
  },
  'permissions:revoke': { request: { serviceId: 's1', permission: 'media' }, response: null },
  'backups:create': {
    request: {
      includeBrowserSessions: false,
      encryption: { method: 'passphrase', passphrase: 'correct horse battery' },
      chooseLocation: false,
    },
    response: backup,
  },
  'backups:list': { request: undefined, response: [backup] },
  'backups:restore': {
    request: { backupId: 'b1', passphrase: 'correct horse battery', mode: 'merge' },
    response: { restoredWorkspaceIds: ['w1'], safetySnapshotId: 'snap-1', restartNeeded: false },
  },
  'backups:verify': {
    request: { backupId: 'b1', passphrase: 'correct horse battery' },
    response: { fileCount: 1, expandedBytes: 1024 },
  },
  'backups:delete': { request: { backupId: 'b1' }, response: null },
  'backups:add-file': { request: undefined, response: backup },
  'backups:save-copy': {
    request: { backupId: 'b1' },
    response: { fileName: 'flowdesk-2026-11-24.fdbackup' },
  },
  'workspaces:export': {
    request: { workspaceIds: ['w1'] },
    response: { fileName: 'Flow Desk workspaces.json', workspaceCount: 1 },
  },
  'workspaces:import-preview': {
    request: undefined,
    response: {
      importId: 'i1',
      fileName: 'Flow Desk workspaces.json',
      workspaces: [{ workspaceId: 'w1', name: 'Work', services: 1 }],
      conflicts: [{ kind: 'same-id', workspaceId: 'w1', name: 'Work', existingName: 'Work' }],
      knownAddresses: [
        { workspaceId: 'w1', serviceId: 's1', url: service.url, inWorkspace: 'Work' },
      ],
    },
  },
  'workspaces:import-apply': {
    request: { importId: 'i1', choices: { w1: 'duplicate' } },
    response: {
      added: [{ workspaceId: 'w2', name: 'Work', services: 1 }],
      replaced: [],
      skipped: [],
    },
  },
  'data:check': {
    request: undefined,
    response: {
      valid: false,
      checkedAt: now,
      workspaces: 1,
      services: 1,
      issues: [
        {
          code: 'ORPHAN_PARTITION',
          severity: 'warning',
          message: 'Browser data of a removed service or workspace is still on disk (svc-old).',
          repair: { kind: 'remove-orphan-partition', folder: 'svc-old' },
        },
      ],
    },
  },
  'data:repair': {
    request: { repairs: [{ kind: 'remove-orphan-partition', folder: 'svc-old' }] },
    response: {
      applied: 1,
      bytesFreed: 4096,
      report: { valid: true, checkedAt: now, workspaces: 1, services: 1, issues: [] },
    },
  },
  'data:cleanup': {
    request: undefined,
    response: {
      removed: [
        { path: '/home/jane/.config/Flow Desk/logs/old.log', bytes: 2048, reason: 'old-log' },
      ],
      bytesFreed: 2048,
    },
  },
  'data:clear-sessions': { request: { workspaceId: 'w1' }, response: { clearedPartitions: 1 } },
  'log:write': {
    request: {
      level: 'error',
      message: 'Uncaught TypeError: x is undefined',
      context: { source: 'app://flowdesk/assets/index.js:1:200' },
    },
    response: null,
  },
  'app:ui-ready': { request: undefined, response: null },
  'diagnostics:startup': {
    request: undefined,
    response: [
      {
        startedAt: now,
        phases: { windowShown: 420, uiInteractive: 690, firstServicePainted: 1800 },
      },
    ],
  },
  'diagnostics:services': {
    request: undefined,
    response: [
      {
        serviceId: 's1',
        memoryMb: 412,
        cpuPercent: 1.5,
        peakMemoryMb: 530,
        memoryHistory: [380, 530, 412],
        sampledAt: now,
        loadTimeMs: 1800,
        requestCount: 240,
      },
    ],
  },
  'diagnostics:errors': {
    request: undefined,
    response: [
      {
        id: 'err-1',
        code: 'STORE_WRITE_FAILED',
        category: 'storage',
        severity: 'high',
        message: 'Could not save your workspaces: no space left on the disk.',
        component: 'store',
        count: 2,
        firstSeen: now,
        lastSeen: now,
        breadcrumbs: [
          { time: now, level: 'info', component: 'app.main', message: 'Flow Desk started' },
        ],
      },
    ],
  },
  'diagnostics:clear-errors': { request: undefined, response: null },
  'updates:status': { request: undefined, response: updateReady },
  'updates:check': { request: undefined, response: updateReady },
  'updates:install': { request: undefined, response: null },
  'diagnostics:free-memory': { request: { idleMinutes: 5 }, response: { hibernated: ['s1'] } },
  'diagnostics:health': {
    request: undefined,
    response: {
      status: 'degraded',
      checkedAt: now,
      uptimeSeconds: 3600,
      checks: [
        {
          name: 'disk-space',
          status: 'degraded',
          message: '700 MB free.',
          durationMs: 2,
          critical: true,
        },
      ],
    },
  },
  'diagnostics:export-preview': {
    request: undefined,
    response: [{ name: 'system.json', bytes: 120, preview: '{ "version": "0.1.0" }' }],
  },
  'diagnostics:export': { request: undefined, response: { savedTo: null } },
  'audit:list': { request: { workspaceId: 'w1' }, response: [auditEntry] },
  'audit:verify': {
    request: { workspaceId: 'w1' },
    response: {
      valid: false,
      checkedEntries: 3,
      firstProblem: { sequence: 2, kind: 'hash-mismatch', message: 'Entry 2 was changed.' },
    },
  },
  'lock:status': {
    request: undefined,
    response: { enabled: false, locked: false, autoLockMinutes: 0 },
  },
  'lock:set-password': {
    request: { newPassword: 'long enough secret', autoLockMinutes: 15 },
    response: { enabled: true, locked: false, autoLockMinutes: 15 },
  },
  'lock:disable': {
    request: { currentPassword: 'long enough secret' },
    response: { enabled: false, locked: false, autoLockMinutes: 0 },
  },
  'lock:lock': {
    request: undefined,
    response: { enabled: true, locked: true, autoLockMinutes: 15 },
  },
  'lock:unlock': {
    request: { password: 'long enough secret' },
    response: { enabled: true, locked: false, autoLockMinutes: 15 },
  },
  'license:status': { request: undefined, response: license },
  'license:sign-in': {
    request: undefined,
    response: {
      userCode: 'WDJB-MJHT',
      verificationUri: 'https://flowdesk.app/activate',
      expiresAt: now,
    },
  },
  'license:cancel-sign-in': { request: undefined, response: null },
  'license:check-now': { request: undefined, response: license },
  'license:sign-out': { request: undefined, response: { deactivatedOnWebsite: true } },
};

export const IPC_EVENT_EXAMPLES: Record<IpcEventName, unknown> = {
  'state:changed': store,
  'view:state': viewState,
  'permission:requested': {
    requestId: 'r1',
    workspaceId: 'w1',
    serviceId: 's1',
    permission: 'media',
    origin: 'https://app.slack.com',
    mediaTypes: ['audio'],
  },
  'notification:clicked': { serviceId: 's1' },
  'find:result': { serviceId: 's1', activeMatch: 1, matches: 4, final: true },
  shortcut: {
    key: '2',
    code: 'Digit2',
    ctrlKey: true,
    metaKey: false,
    shiftKey: false,
    altKey: false,
  },
  'download:changed': download,
  'screen-share:requested': {
    requestId: 'r1',
    workspaceId: 'w1',
    serviceId: 's1',
    origin: 'https://meet.google.com',
    audioAvailable: false,
    sources: [
      {
        id: 'screen:0:0',
        name: 'Entire screen',
        kind: 'screen',
        thumbnail: 'data:image/png;base64,iVBORw0KGgo=',
      },
      { id: 'window:4242:0', name: 'Slides', kind: 'window' },
    ],
  },
  'screen-share:ended': { requestId: 'r1' },
  'backup:progress': { operationId: 'op1', phase: 'compressing', fraction: 0.4 },
  'license:changed': license,
  'updates:changed': updateReady,
  'lock:changed': { enabled: true, locked: true, autoLockMinutes: 15 },
  notice: {
    id: 'n1',
    level: 'warning',
    code: 'STORE_RECOVERED',
    message: 'Your workspaces were restored from the last good copy.',
  },
};
