import { z } from 'zod';
import { permissionNameSchema } from '../security/permissions';
import { MAX_PROXY_PASSWORD_LENGTH, proxyInputSchema, serviceProxySchema } from '../security/proxy';
import { serviceInputSchema } from '../security/input-schemas';
import { workspaceAuditEntrySchema } from '../workspace/audit';
import { backupMetadataSchema } from '../workspace/backup';
import { cleanupResultSchema, integrityReportSchema, repairSchema } from '../workspace/data-health';
import {
  backupIntervalHoursField,
  backupKeepField,
  clockTime,
  hexColor,
  idleMinutesField,
  memoryCeilingMbField,
  isoDateTime,
  maxLiveViewsField,
  memoryBudgetMbField,
} from '../workspace/fields';
import { idSchema } from '../workspace/ids';
import { LICENSE_STATUSES } from '../licensing/license-state';
import { planSchema } from '../licensing/claims';
import { breadcrumbSchema } from '../monitoring/errors';
import {
  appSettingsSchema,
  isolationSchema,
  servicePermissionGrantSchema,
  workspaceSchema,
  workspaceServiceSchema,
  workspaceStoreSchema,
  zoomFactorField,
} from '../workspace/schemas';

/**
 * The typed contract between the desktop main process and its app UI (GitHub Desktop style):
 * every channel's request and response schema, and every event the main process sends. Both
 * sides parse with these schemas; nothing else crosses the bridge. Large data (backups) moves
 * by file on the main side, never through IPC.
 */

const noArguments = z.undefined();
const done = z.null();
const text = (max: number) => z.string().max(max);

const workspaceRef = z.strictObject({ workspaceId: idSchema });
const serviceRef = z.strictObject({ serviceId: idSchema });

/** Patch fields have no defaults: an absent field means "leave as it is". */
const workspaceSettingsPatch = z.strictObject({
  hibernation: z
    .strictObject({
      enabled: z.boolean(),
      idleMinutes: idleMinutesField,
      maxLiveViews: maxLiveViewsField,
      memoryBudgetMb: memoryBudgetMbField,
    })
    .partial()
    .optional(),
  notifications: z.strictObject({ enabled: z.boolean() }).partial().optional(),
  doNotDisturb: z
    .strictObject({
      enabled: z.boolean(),
      schedule: z
        .strictObject({
          days: z.array(z.int().min(0).max(6)).max(7),
          start: clockTime,
          end: clockTime,
        })
        .nullable(),
    })
    .partial()
    .optional(),
});

const workspacePatch = z.strictObject({
  name: text(200).optional(),
  color: hexColor.optional(),
  icon: text(16).nullable().optional(),
  settings: workspaceSettingsPatch.optional(),
});

const servicePatch = z.strictObject({
  name: text(200).optional(),
  url: text(2048).optional(),
  isolation: isolationSchema.optional(),
  persistSession: z.boolean().optional(),
  clearOnExit: z.boolean().optional(),
  customIcon: text(400_000).nullable().optional(),
  customColor: hexColor.nullable().optional(),
  userAgent: text(512).nullable().optional(),
  zoomFactor: zoomFactorField.optional(),
  audioMuted: z.boolean().optional(),
  notifications: z
    .strictObject({ enabled: z.boolean(), muted: z.boolean(), showBadge: z.boolean() })
    .partial()
    .optional(),
  hibernation: z
    .strictObject({
      keepAlive: z.boolean(),
      idleMinutes: idleMinutesField.nullable(),
      memoryCeilingMb: memoryCeilingMbField.nullable(),
    })
    .partial()
    .optional(),
});

const appSettingsPatch = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).optional(),
  launchAtLogin: z.boolean().optional(),
  startMinimized: z.boolean().optional(),
  showInTray: z.boolean().optional(),
  defaultIsolation: isolationSchema.optional(),
  spellcheck: z
    .strictObject({ enabled: z.boolean(), languages: z.array(text(35)).max(10) })
    .partial()
    .optional(),
  hardwareAcceleration: z.boolean().optional(),
  downloads: z.strictObject({ askWhereToSave: z.boolean() }).partial().optional(),
  backups: z
    .strictObject({
      automatic: z.boolean(),
      intervalHours: backupIntervalHoursField,
      keep: backupKeepField,
      includeBrowserSessions: z.boolean(),
    })
    .partial()
    .optional(),
  errorReports: z.strictObject({ share: z.boolean() }).optional(),
  updates: z
    .strictObject({
      enabled: z.boolean(),
      channel: z.enum(['stable', 'beta']),
      checkIntervalHours: z.int().min(1).max(168),
    })
    .partial()
    .optional(),
});

/** Where automatic updates stand (issue 9). */
export const updateStatusSchema = z.strictObject({
  phase: z.enum(['disabled', 'idle', 'checking', 'downloading', 'ready', 'error']),
  /** Why updates are off: a development build, or the user turned them off. */
  disabledReason: z.enum(['development', 'setting-off']).optional(),
  channel: z.enum(['stable', 'beta']),
  currentVersion: text(50),
  availableVersion: text(50).optional(),
  progress: z
    .strictObject({
      percent: z.number().min(0).max(100),
      bytesPerSecond: z.number().min(0),
      transferredBytes: z.number().min(0),
      totalBytes: z.number().min(0),
    })
    .optional(),
  lastCheckedAt: isoDateTime.optional(),
  nextCheckAt: isoDateTime.optional(),
  error: z.strictObject({ code: text(100), message: text(500) }).optional(),
});

const severitySchema = z.enum(['low', 'medium', 'high', 'critical']);
const healthStateSchema = z.enum(['healthy', 'degraded', 'unhealthy']);

/** One group of the same problem (Settings → Diagnostics → Recent problems). */
export const errorGroupSchema = z.strictObject({
  id: text(40),
  code: text(100),
  category: text(20),
  severity: severitySchema,
  message: text(2000),
  component: text(60).optional(),
  count: z.int().min(1),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  /** What the app logged just before, oldest first. */
  breadcrumbs: z.array(breadcrumbSchema).max(50),
});

export const healthReportSchema = z.strictObject({
  status: healthStateSchema,
  checkedAt: isoDateTime,
  uptimeSeconds: z.int().min(0),
  checks: z
    .array(
      z.strictObject({
        name: text(60),
        status: healthStateSchema,
        message: text(1000).optional(),
        durationMs: z.number().min(0),
        critical: z.boolean(),
      }),
    )
    .max(50),
});

/** The license as the app UI shows it (issue 7; the state machine is shared/licensing). */
export const licenseStatusSchema = z.strictObject({
  state: z.enum(LICENSE_STATUSES),
  /** The plan whose limits apply now. */
  plan: planSchema,
  /** The plan of the held license, when it no longer applies (expired, revoked). */
  licensedPlan: planSchema.optional(),
  features: z.array(text(64)).max(100),
  limits: z.strictObject({
    maxWorkspaces: z.int().min(1).nullable(),
    maxServicesPerWorkspace: z.int().min(1).nullable(),
  }),
  /** What fallback mode locks now: kept, not deleted, back when the license is. */
  locked: z.strictObject({
    workspaceIds: z.array(idSchema).max(10_000),
    serviceIds: z.array(idSchema).max(100_000),
  }),
  nextCheckAt: isoDateTime.optional(),
  /** When the plan stops applying unless the website is reached. */
  graceEndsAt: isoDateTime.optional(),
  daysLeft: z.int().min(0).optional(),
  lastCheckedAt: isoDateTime.optional(),
  /** The clock was set back since the last check. */
  clockRollback: z.boolean(),
  deviceName: text(100),
  /** The organization the license comes from, when there is one. */
  organization: text(200).optional(),
  /** False: no system keyring, so the sign-in lasts until Flow Desk quits. */
  secureStorage: z.boolean(),
  /** Licensing is off in this build (no pinned license keys), so nothing is limited. */
  available: z.boolean(),
  /** A device-link sign-in waiting for approval in the browser. */
  signIn: z
    .strictObject({
      userCode: text(20),
      verificationUri: z.url({ protocol: /^https?$/ }),
      expiresAt: isoDateTime,
    })
    .optional(),
  /** The last thing that went wrong, said so the user can act on it. */
  problem: z.strictObject({ code: text(100), message: text(500) }).optional(),
  /** The website's account page. */
  manageUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export const backupInfoSchema = z.strictObject({
  backupId: idSchema,
  fileName: text(255),
  metadata: backupMetadataSchema,
});

const importedWorkspaceSchema = z.strictObject({
  workspaceId: idSchema,
  name: text(200),
  services: z.int().min(0),
});

export const importPreviewSchema = z.strictObject({
  /** Names this preview when the user applies it; the document itself stays in the main process. */
  importId: idSchema,
  fileName: text(1000),
  workspaces: z.array(importedWorkspaceSchema).max(200),
  conflicts: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          kind: z.literal('same-id'),
          workspaceId: idSchema,
          name: text(200),
          existingName: text(200),
        }),
        z.strictObject({
          kind: z.literal('same-name'),
          workspaceId: idSchema,
          name: text(200),
          existingId: idSchema,
        }),
      ]),
    )
    .max(200),
  knownAddresses: z
    .array(
      z.strictObject({
        workspaceId: idSchema,
        serviceId: idSchema,
        url: text(8192),
        inWorkspace: text(200),
      }),
    )
    .max(20_000),
});

const passphrase = z
  .string()
  .min(12, 'Use a passphrase of at least 12 characters.')
  .max(1024, 'Use a passphrase of at most 1024 characters.');

export const auditVerificationSchema = z.strictObject({
  valid: z.boolean(),
  checkedEntries: z.int().min(0),
  /** The first entry that is missing, edited or unreadable. */
  firstProblem: z
    .strictObject({
      sequence: z.int().min(0),
      kind: z.enum(['hash-mismatch', 'chain-break', 'sequence-gap', 'unreadable']),
      message: text(500),
    })
    .optional(),
});

export const appLockStatusSchema = z.strictObject({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** 0 = only when the user locks it, the computer locks or sleeps. */
  autoLockMinutes: z.int().min(0).max(1440),
  /** While unlocking is refused after too many wrong passwords. */
  retryAfterMs: z.int().min(0).optional(),
});

const lockPassword = z.string().max(2048);

export const viewStateSchema = z.strictObject({
  serviceId: idSchema,
  state: z.enum(['not-loaded', 'loading', 'live', 'hibernated', 'crashed', 'unresponsive']),
  title: text(500).optional(),
  url: text(2048).optional(),
  canGoBack: z.boolean(),
  canGoForward: z.boolean(),
  unread: z.int().min(0).max(1_000_000).optional(),
  /** The page asks for attention without a count (a dot badge). */
  needsAttention: z.boolean().optional(),
  audible: z.boolean().optional(),
  memoryMb: z.number().min(0).max(1_000_000).optional(),
  error: z.strictObject({ code: text(100), message: text(500) }).optional(),
});

/** A file a service page is downloading or has downloaded (the main process keeps the list). */
export const downloadEntrySchema = z.strictObject({
  id: idSchema,
  serviceId: idSchema,
  fileName: text(255),
  /** For display only: without user name or password, at most 2048 characters. */
  url: text(2048),
  mimeType: text(255),
  /** 0 when the server did not say. */
  totalBytes: z.int().min(0),
  receivedBytes: z.int().min(0),
  state: z.enum(['progressing', 'paused', 'completed', 'cancelled', 'interrupted']),
  /** Unknown until the user has chosen a place, when asked. */
  savePath: text(4096).optional(),
  startedAt: isoDateTime,
  /** Set once the download can no longer continue. */
  finishedAt: isoDateTime.optional(),
});

const downloadRef = z.strictObject({ downloadId: idSchema });

/** A screen or window the user can share, with a small picture of it. */
export const screenShareSourceSchema = z.strictObject({
  /** desktopCapturer's id, e.g. "screen:0:0" or "window:4242:0". */
  id: z.string().regex(/^(screen|window):[\w:-]{1,100}$/),
  name: text(500),
  kind: z.enum(['screen', 'window']),
  /** A JPEG or PNG data URL; absent when the system gave no picture. */
  thumbnail: z
    .string()
    .max(400_000)
    .regex(/^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/)
    .optional(),
  appIcon: z
    .string()
    .max(100_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/)
    .optional(),
});

const rectangle = z.strictObject({
  x: z.int().min(0).max(32_768),
  y: z.int().min(0).max(32_768),
  width: z.int().min(0).max(32_768),
  height: z.int().min(0).max(32_768),
});

function channel<Request extends z.ZodType, Response extends z.ZodType>(
  request: Request,
  response: Response,
) {
  return { request, response };
}

export const IPC_CHANNELS = {
  'app:info': channel(
    noArguments,
    z.strictObject({
      name: text(50),
      version: text(50),
      platform: z.enum(['darwin', 'win32', 'linux']),
      electronVersion: text(50),
      chromeVersion: text(50),
      locale: text(35),
      /** Where shared error reports would go; null when this build sends none anywhere. */
      errorReportHost: text(253).nullable(),
    }),
  ),
  'app:open-external': channel(z.strictObject({ url: text(8192) }), done),
  /** Quits and starts Flow Desk again (to finish restoring a backup's stored data). */
  'app:restart': channel(noArguments, done),
  /** Puts text on the system clipboard (a diagnostics report, a service's link). */
  'clipboard:write-text': channel(z.strictObject({ text: text(2_000_000) }), done),
  'state:get': channel(noArguments, workspaceStoreSchema),

  'workspaces:create': channel(
    z.strictObject({
      name: text(200),
      color: hexColor.optional(),
      icon: text(16).optional(),
      services: z.array(serviceInputSchema).max(100).optional(),
    }),
    workspaceSchema,
  ),
  'workspaces:update': channel(
    z.strictObject({ workspaceId: idSchema, patch: workspacePatch }),
    workspaceSchema,
  ),
  'workspaces:remove': channel(
    z.strictObject({ workspaceId: idSchema, clearData: z.boolean() }),
    z.strictObject({ removedServiceCount: z.int().min(0) }),
  ),
  'workspaces:reorder': channel(z.strictObject({ workspaceIds: z.array(idSchema).max(200) }), done),
  'workspaces:activate': channel(workspaceRef, done),

  'services:add': channel(
    z.strictObject({ workspaceId: idSchema, service: serviceInputSchema }),
    workspaceServiceSchema,
  ),
  'services:update': channel(
    z.strictObject({ serviceId: idSchema, patch: servicePatch }),
    workspaceServiceSchema,
  ),
  'services:remove': channel(z.strictObject({ serviceId: idSchema, clearData: z.boolean() }), done),
  'services:reorder': channel(
    z.strictObject({ workspaceId: idSchema, serviceIds: z.array(idSchema).max(100) }),
    done,
  ),
  'services:move': channel(
    z.strictObject({
      serviceId: idSchema,
      toWorkspaceId: idSchema,
      index: z.int().min(0).max(100).optional(),
    }),
    done,
  ),

  /**
   * The service's proxy, checked field by field (PROXY_INPUT_INVALID). The password goes to the
   * system keyring: a string sets it, null forgets it, absent keeps the one stored.
   */
  'services:set-proxy': channel(
    z.strictObject({
      serviceId: idSchema,
      proxy: proxyInputSchema,
      password: z.string().min(1).max(MAX_PROXY_PASSWORD_LENGTH).nullable().optional(),
    }),
    serviceProxySchema,
  ),

  'views:activate': channel(serviceRef, done),
  'views:reload': channel(
    z.strictObject({ serviceId: idSchema, ignoreCache: z.boolean().optional() }),
    done,
  ),
  'views:hibernate': channel(serviceRef, done),
  'views:go-back': channel(serviceRef, done),
  'views:go-forward': channel(serviceRef, done),
  'views:clear-data': channel(serviceRef, done),
  /** Where the app UI leaves room for the active service view, in window coordinates. */
  'views:set-content-bounds': channel(rectangle, done),
  'views:list-states': channel(noArguments, z.array(viewStateSchema).max(5000)),
  /** Opens the page the service shows now in the system browser (after the external-open check). */
  'views:open-in-browser': channel(serviceRef, done),
  'views:print': channel(serviceRef, done),
  /** Zoom in / out by the browser's steps, or reset; the factor is remembered per service. */
  'views:zoom': channel(
    z.strictObject({ serviceId: idSchema, direction: z.enum(['in', 'out', 'reset']) }),
    z.strictObject({ zoomFactor: zoomFactorField }),
  ),
  /** Finds text in the page; results arrive as `find:result` events. */
  'views:find': channel(
    z.strictObject({
      serviceId: idSchema,
      text: z.string().min(1).max(1000),
      forward: z.boolean().default(true),
      findNext: z.boolean().default(false),
    }),
    done,
  ),
  'views:stop-find': channel(serviceRef, done),

  /** Downloads, newest first; changes arrive as `download:changed` events. */
  'downloads:list': channel(noArguments, z.array(downloadEntrySchema).max(1000)),
  'downloads:cancel': channel(downloadRef, done),
  'downloads:pause': channel(downloadRef, done),
  'downloads:resume': channel(downloadRef, done),
  /** Opens a finished download with the app the system uses for its type. */
  'downloads:open': channel(downloadRef, done),
  'downloads:show-in-folder': channel(downloadRef, done),
  /** Removes finished, cancelled and failed downloads from the list; the files stay. */
  'downloads:clear': channel(noArguments, done),

  /** The user's answer to `screen-share:requested`: a source, or null to refuse. */
  'screen-share:choose': channel(
    z.strictObject({
      requestId: idSchema,
      sourceId: z.string().max(200).nullable(),
      shareAudio: z.boolean().default(false),
    }),
    done,
  ),

  'settings:get': channel(noArguments, appSettingsSchema),
  'settings:update': channel(appSettingsPatch, appSettingsSchema),

  'permissions:list': channel(
    z.strictObject({ serviceId: idSchema.optional() }),
    z
      .array(z.strictObject({ serviceId: idSchema, grant: servicePermissionGrantSchema }))
      .max(10_000),
  ),
  'permissions:decide': channel(
    z.strictObject({
      requestId: idSchema,
      decision: z.enum(['granted', 'denied']),
      remember: z.boolean(),
    }),
    done,
  ),
  'permissions:revoke': channel(
    z.strictObject({ serviceId: idSchema, permission: permissionNameSchema }),
    done,
  ),

  'backups:create': channel(
    z.strictObject({
      workspaceIds: z.array(idSchema).max(200).optional(),
      includeBrowserSessions: z.boolean(),
      encryption: z.discriminatedUnion('method', [
        z.strictObject({ method: z.literal('passphrase'), passphrase }),
        z.strictObject({ method: z.literal('device-key') }),
      ]),
      /** Ask where to save it (a system dialog) instead of the backups folder. */
      chooseLocation: z.boolean(),
      /** incremental: only what changed since the newest backup of the same workspaces. */
      type: z.enum(['full', 'incremental']).default('full'),
    }),
    backupInfoSchema,
  ),
  /** Adds a backup file from elsewhere (another computer, a USB stick) to the backups folder. */
  'backups:add-file': channel(noArguments, backupInfoSchema),
  /** Saves a copy of a backup where the user chooses (a system dialog). */
  'backups:save-copy': channel(
    z.strictObject({ backupId: idSchema }),
    z.strictObject({ fileName: text(1000) }),
  ),
  'backups:list': channel(noArguments, z.array(backupInfoSchema).max(1000)),
  'backups:restore': channel(
    z.strictObject({
      backupId: idSchema,
      passphrase: passphrase.optional(),
      workspaceIds: z.array(idSchema).max(200).optional(),
      mode: z.enum(['replace', 'merge']),
    }),
    z.strictObject({
      restoredWorkspaceIds: z.array(idSchema),
      safetySnapshotId: idSchema,
      /** Sign-ins are back; the services' stored data once Flow Desk starts again. */
      restartNeeded: z.boolean(),
    }),
  ),
  /** Reads a backup through, checking every byte, without restoring anything. */
  'backups:verify': channel(
    z.strictObject({ backupId: idSchema, passphrase: passphrase.optional() }),
    z.strictObject({ fileCount: z.int().min(0), expandedBytes: z.int().min(0) }),
  ),
  'backups:delete': channel(z.strictObject({ backupId: idSchema }), done),

  /** Writes the chosen workspaces' configuration (no sign-ins) to a file the user picks. */
  'workspaces:export': channel(
    z.strictObject({ workspaceIds: z.array(idSchema).max(200).optional() }),
    z.strictObject({ fileName: text(1000), workspaceCount: z.int().min(0) }),
  ),
  /** Reads an export the user picks and says what importing it would do. */
  'workspaces:import-preview': channel(noArguments, importPreviewSchema),
  'workspaces:import-apply': channel(
    z.strictObject({
      importId: idSchema,
      /** Per conflicting workspace (its id in the file); "duplicate" when absent. */
      choices: z.record(idSchema, z.enum(['duplicate', 'replace', 'skip'])),
    }),
    z.strictObject({
      added: z.array(importedWorkspaceSchema),
      replaced: z.array(importedWorkspaceSchema),
      skipped: z.array(z.strictObject({ workspaceId: idSchema, name: text(200) })),
    }),
  ),

  /** The integrity check: store, session folders and audit trails. */
  'data:check': channel(noArguments, integrityReportSchema),
  /** Carries out repairs the check offered (anything else is ignored), then checks again. */
  'data:repair': channel(
    z.strictObject({ repairs: z.array(repairSchema).min(1).max(1000) }),
    z.strictObject({
      applied: z.int().min(0),
      bytesFreed: z.int().min(0),
      report: integrityReportSchema,
    }),
  ),
  /** Removes leftovers: interrupted writes, expired backups, old logs and damaged copies. */
  'data:cleanup': channel(noArguments, cleanupResultSchema),
  /** Signs out of every service of a workspace, or of one service: cookies, storage, cache. */
  'data:clear-sessions': channel(
    z.strictObject({ workspaceId: idSchema, serviceId: idSchema.optional() }),
    z.strictObject({ clearedPartitions: z.int().min(0) }),
  ),

  /** A log record from the app UI (its errors above all), written by the main process's logger. */
  'log:write': channel(
    z.strictObject({
      level: z.enum(['debug', 'info', 'warn', 'error']),
      message: text(1000),
      context: z
        .record(
          z.string().max(64),
          z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
        )
        .refine((context) => Object.keys(context).length <= 20, 'At most 20 context fields.')
        .optional(),
    }),
    done,
  ),

  /** The UI has drawn its first screen: the start-up phase "UI interactive". */
  'app:ui-ready': channel(noArguments, done),
  /** Start-up phases of the recent launches, this one first, in ms from the process start. */
  'diagnostics:startup': channel(
    noArguments,
    z
      .array(
        z.strictObject({
          startedAt: isoDateTime,
          phases: z.strictObject({
            windowShown: z.int().min(0).optional(),
            uiInteractive: z.int().min(0).optional(),
            firstServicePainted: z.int().min(0).optional(),
          }),
        }),
      )
      .max(100),
  ),
  /** Memory and CPU of each loaded service, the heaviest first (sampled each minute). */
  'diagnostics:services': channel(
    noArguments,
    z
      .array(
        z.strictObject({
          serviceId: idSchema,
          memoryMb: z.int().min(0),
          cpuPercent: z.number().min(0),
          peakMemoryMb: z.int().min(0),
          memoryHistory: z.array(z.int().min(0)).max(120),
          sampledAt: isoDateTime,
          /** From creating the page to its first load finishing, this start. */
          loadTimeMs: z.int().min(0).optional(),
          /** Requests the page made since it started. */
          requestCount: z.int().min(0).optional(),
        }),
      )
      .max(10_000),
  ),

  /** Automatic updates: where they stand, check now, restart into a downloaded update. */
  'updates:status': channel(noArguments, updateStatusSchema),
  'updates:check': channel(noArguments, updateStatusSchema),
  'updates:install': channel(noArguments, done),
  /** Puts services not used for `idleMinutes` to sleep now (not the one on screen, audio, calls). */
  'diagnostics:free-memory': channel(
    z.strictObject({
      idleMinutes: z
        .int()
        .min(0)
        .max(24 * 60)
        .default(5),
    }),
    z.strictObject({ hibernated: z.array(idSchema).max(10_000) }),
  ),
  /** The problems recorded on this computer, grouped, the most recent first. */
  'diagnostics:errors': channel(noArguments, z.array(errorGroupSchema).max(200)),
  'diagnostics:clear-errors': channel(noArguments, done),
  /** Runs the health checks now. */
  'diagnostics:health': channel(noArguments, healthReportSchema),
  /** What "Export diagnostics" would save: each file, its size and its first lines. */
  'diagnostics:export-preview': channel(
    noArguments,
    z
      .array(z.strictObject({ name: text(100), bytes: z.int().min(0), preview: text(4000) }))
      .max(20),
  ),
  /** Asks where to save, then writes the redacted archive; null when the user cancelled. */
  'diagnostics:export': channel(noArguments, z.strictObject({ savedTo: text(4096).nullable() })),

  'audit:list': channel(
    z.strictObject({
      workspaceId: idSchema,
      limit: z.int().min(1).max(1000).default(200),
      beforeSequence: z.int().min(0).optional(),
    }),
    z.array(workspaceAuditEntrySchema).max(1000),
  ),
  'audit:verify': channel(workspaceRef, auditVerificationSchema),

  /** The app lock: a password that hides every workspace until it is typed. */
  'lock:status': channel(noArguments, appLockStatusSchema),
  'lock:set-password': channel(
    z.strictObject({
      currentPassword: lockPassword.optional(),
      newPassword: lockPassword,
      autoLockMinutes: z.int().min(0).max(1440),
    }),
    appLockStatusSchema,
  ),
  'lock:disable': channel(z.strictObject({ currentPassword: lockPassword }), appLockStatusSchema),
  'lock:lock': channel(noArguments, appLockStatusSchema),
  'lock:unlock': channel(z.strictObject({ password: lockPassword }), appLockStatusSchema),

  'license:status': channel(noArguments, licenseStatusSchema),
  'license:sign-in': channel(
    noArguments,
    z.strictObject({
      userCode: text(20),
      verificationUri: z.url({ protocol: /^https?$/ }),
      expiresAt: isoDateTime,
    }),
  ),
  'license:cancel-sign-in': channel(noArguments, done),
  'license:check-now': channel(noArguments, licenseStatusSchema),
  'license:sign-out': channel(noArguments, z.strictObject({ deactivatedOnWebsite: z.boolean() })),
} as const;

export const IPC_EVENTS = {
  'state:changed': workspaceStoreSchema,
  'view:state': viewStateSchema,
  'permission:requested': z.strictObject({
    requestId: idSchema,
    workspaceId: idSchema,
    serviceId: idSchema,
    permission: permissionNameSchema,
    origin: text(2048),
    mediaTypes: z
      .array(z.enum(['audio', 'video']))
      .max(2)
      .optional(),
  }),
  'notification:clicked': serviceRef,
  /** A service page asks to share the screen: the UI shows the picker. */
  'screen-share:requested': z.strictObject({
    requestId: idSchema,
    workspaceId: idSchema,
    serviceId: idSchema,
    origin: text(2048),
    /** The page asked for sound too, and this system can share it (Windows only). */
    audioAvailable: z.boolean(),
    sources: z.array(screenShareSourceSchema).max(200),
  }),
  /** The question is gone (answered elsewhere, timed out, service removed): close the picker. */
  'screen-share:ended': z.strictObject({ requestId: idSchema }),
  'find:result': z.strictObject({
    serviceId: idSchema,
    activeMatch: z.int().min(0),
    matches: z.int().min(0),
    final: z.boolean(),
  }),
  /** An app shortcut pressed while a service page had focus (see overridesPage). */
  shortcut: z.strictObject({
    key: text(40),
    code: text(40),
    ctrlKey: z.boolean(),
    metaKey: z.boolean(),
    shiftKey: z.boolean(),
    altKey: z.boolean(),
  }),
  'download:changed': downloadEntrySchema,
  'backup:progress': z.strictObject({
    operationId: idSchema,
    phase: z.enum([
      'collecting',
      'compressing',
      'encrypting',
      'writing',
      'verifying',
      'restoring',
      'done',
      'failed',
    ]),
    fraction: z.number().min(0).max(1),
  }),
  'license:changed': licenseStatusSchema,
  'updates:changed': updateStatusSchema,
  'lock:changed': appLockStatusSchema,
  /** Something the user must know: a recovered store, a blocked action, an update. */
  notice: z.strictObject({
    id: idSchema,
    level: z.enum(['info', 'warning', 'error']),
    code: text(100),
    message: text(1000),
  }),
} as const;

export type IpcChannel = keyof typeof IPC_CHANNELS;
export type IpcEventName = keyof typeof IPC_EVENTS;
/** What the caller passes (defaults not yet applied). */
export type IpcRequestInput<C extends IpcChannel> = z.input<(typeof IPC_CHANNELS)[C]['request']>;
/** What the handler receives after parsing. */
export type IpcRequest<C extends IpcChannel> = z.output<(typeof IPC_CHANNELS)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.output<(typeof IPC_CHANNELS)[C]['response']>;
export type IpcEvent<E extends IpcEventName> = z.output<(typeof IPC_EVENTS)[E]>;
export type LicenseStatus = z.infer<typeof licenseStatusSchema>;
export type ViewState = z.infer<typeof viewStateSchema>;
export type AppLockState = z.infer<typeof appLockStatusSchema>;
export type ScreenShareSource = z.infer<typeof screenShareSourceSchema>;
export type DownloadEntry = z.infer<typeof downloadEntrySchema>;
export type BackupInfo = z.infer<typeof backupInfoSchema>;
export type ImportPreviewInfo = z.infer<typeof importPreviewSchema>;
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
export type ErrorGroup = z.infer<typeof errorGroupSchema>;
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
export type HealthReport = z.infer<typeof healthReportSchema>;

export const IPC_CHANNEL_NAMES = Object.keys(IPC_CHANNELS) as IpcChannel[];
export const IPC_EVENT_NAMES = Object.keys(IPC_EVENTS) as IpcEventName[];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(IPC_CHANNELS, value);
}

export function isIpcEventName(value: unknown): value is IpcEventName {
  return typeof value === 'string' && Object.hasOwn(IPC_EVENTS, value);
}
