import { z } from 'zod';
import { permissionNameSchema } from '../security/permissions';
import { serviceProxySchema } from '../security/proxy';
import {
  HIBERNATION_DEFAULTS,
  backupIntervalHoursField,
  backupKeepField,
  clockTime,
  hexColor,
  idleMinutesField,
  memoryCeilingMbField,
  isoDateTime,
  maxLiveViewsField,
  memoryBudgetMbField,
  storedName,
  storedServiceUrl,
} from './fields';
import { idSchema } from './ids';

/**
 * Every persisted document of a workspace, as zod schemas. Parsing fills in defaults, so a
 * document written by an older build gains new settings with safe values. Shapes follow the
 * seed's data models; ARCHITECTURE.md decisions win where they differ.
 */

export const WORKSPACE_STORE_VERSION = 1;
export const DEFAULT_WORKSPACE_COLOR = '#4f46e5';
export const MAX_WORKSPACES = 200;
export const MAX_SERVICES_PER_WORKSPACE = 100;

/** Chromium's zoom range, the same steps as a browser's Ctrl +/-. */
export const ZOOM_LEVELS = [
  0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5,
] as const;
export const zoomFactorField = z.number().min(0.25).max(5);

/** The next zoom step from `current`, as a browser's Ctrl + / Ctrl - / Ctrl 0 would choose. */
export function nextZoomFactor(current: number, direction: 'in' | 'out' | 'reset'): number {
  if (direction === 'reset') return 1;
  const steps = direction === 'in' ? ZOOM_LEVELS : [...ZOOM_LEVELS].reverse();
  const next = steps.find((level) =>
    direction === 'in' ? level > current + 1e-6 : level < current - 1e-6,
  );
  return next ?? steps[steps.length - 1]!;
}

export const isolationSchema = z.enum(['shared', 'isolated']);

/** A remembered answer to a permission prompt for one service. */
export const servicePermissionGrantSchema = z.strictObject({
  permission: permissionNameSchema,
  decision: z.enum(['granted', 'denied']),
  /** Limits the answer to one origin of the service; absent = all its origins. */
  origin: z.string().max(2048).optional(),
  /** For `media`: the devices covered; absent = camera and microphone. */
  mediaTypes: z
    .array(z.enum(['audio', 'video']))
    .max(2)
    .optional(),
  decidedAt: isoDateTime,
});

export const serviceNotificationsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Muted: no sound and no banner, but the badge still counts. */
  muted: z.boolean().default(false),
  showBadge: z.boolean().default(true),
});

export const serviceHibernationSchema = z.strictObject({
  /** Never hibernate this service (a chat you must not miss). */
  keepAlive: z.boolean().default(false),
  /** Overrides the workspace's idle timeout for this service. */
  idleMinutes: idleMinutesField.optional(),
  /**
   * A runaway page above this many MB is reloaded (when on screen or kept alive) or hibernated,
   * and the user is told (Ferdium #606). None by default: the workspace budget applies.
   */
  memoryCeilingMb: memoryCeilingMbField.optional(),
});

/** One service in a workspace: just its address, name and type — no API data, ever. */
export const workspaceServiceSchema = z.strictObject({
  id: idSchema,
  /** A catalog id or `custom-template`; kept even if a later catalog drops it, never discarded. */
  type: z.string().min(1).max(100),
  name: storedName,
  url: storedServiceUrl,
  isolation: isolationSchema.default('shared'),
  persistSession: z.boolean().default(true),
  clearOnExit: z.boolean().default(false),
  customIcon: z.string().max(400_000).optional(),
  customColor: hexColor.optional(),
  /** Overrides the clean Chrome user agent for this service only. */
  userAgent: z.string().min(1).max(512).optional(),
  /** Page zoom, remembered per service (1 = 100 %). */
  zoomFactor: zoomFactorField.default(1),
  /** Silences the page's sound (calls, chimes) without touching its notifications. */
  audioMuted: z.boolean().default(false),
  /** The service's own proxy; anything but 'system' needs an isolated session. */
  proxy: serviceProxySchema.default({ mode: 'system' }),
  notifications: serviceNotificationsSchema.prefault({}),
  hibernation: serviceHibernationSchema.prefault({}),
  permissions: z.array(servicePermissionGrantSchema).max(100).default([]),
  createdAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
});

export const doNotDisturbSchema = z.strictObject({
  enabled: z.boolean().default(false),
  /** Quiet hours on the given days (0 = Sunday); an end before the start runs past midnight. */
  schedule: z
    .strictObject({
      days: z.array(z.int().min(0).max(6)).max(7),
      start: clockTime,
      end: clockTime,
    })
    .optional(),
});

/** Hibernation is on by default: memory is managed, not hoped for (decision 4). */
export const workspaceSettingsSchema = z.strictObject({
  hibernation: z
    .strictObject({
      enabled: z.boolean().default(true),
      idleMinutes: idleMinutesField.default(HIBERNATION_DEFAULTS.idleMinutes),
      maxLiveViews: maxLiveViewsField.default(HIBERNATION_DEFAULTS.maxLiveViews),
      memoryBudgetMb: memoryBudgetMbField.default(HIBERNATION_DEFAULTS.memoryBudgetMb),
    })
    .prefault({}),
  notifications: z.strictObject({ enabled: z.boolean().default(true) }).prefault({}),
  doNotDisturb: doNotDisturbSchema.prefault({}),
});

export const workspaceSchema = z.strictObject({
  id: idSchema,
  name: storedName,
  /** Indigo 600: white initials on it pass WCAG AA contrast (6.3:1). */
  color: hexColor.default(DEFAULT_WORKSPACE_COLOR),
  /** An emoji or one or two letters shown instead of the initials. */
  icon: z
    .string()
    .refine(
      (value) => value.trim() !== '' && [...value].length <= 4,
      'Use one emoji or up to two letters.',
    )
    .optional(),
  services: z.array(workspaceServiceSchema).max(MAX_SERVICES_PER_WORKSPACE).default([]),
  settings: workspaceSettingsSchema.prefault({}),
  /** The service shown when the workspace is opened. */
  activeServiceId: idSchema.nullable().default(null),
  createdAt: isoDateTime,
  updatedAt: isoDateTime.optional(),
});

export const appSettingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  launchAtLogin: z.boolean().default(false),
  startMinimized: z.boolean().default(false),
  showInTray: z.boolean().default(true),
  /** How new services share sign-ins unless the user picks otherwise. */
  defaultIsolation: isolationSchema.default('shared'),
  spellcheck: z
    .strictObject({
      enabled: z.boolean().default(true),
      languages: z
        .array(z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/))
        .max(10)
        .default([]),
    })
    .prefault({}),
  hardwareAcceleration: z.boolean().default(true),
  downloads: z
    .strictObject({
      /** Ask where to save each download, instead of saving it to the downloads folder. */
      askWhereToSave: z.boolean().default(false),
    })
    .prefault({}),
  /** Scheduled backups into the backups folder, protected by this computer's keyring. */
  backups: z
    .strictObject({
      automatic: z.boolean().default(true),
      intervalHours: backupIntervalHoursField.default(24),
      keep: backupKeepField.default(7),
      /** Sign-ins too: larger, so incremental on top of a weekly full backup. */
      includeBrowserSessions: z.boolean().default(false),
    })
    .prefault({}),
  /**
   * Error reports stay on this computer unless the user turns sharing on (and the build names
   * where reports go). Only serious errors are sent, redacted, without any page content.
   */
  errorReports: z.strictObject({ share: z.boolean().default(false) }).prefault({}),
  /** The seed's AutoUpdaterConfig: automatic updates from the release channel the user picks. */
  updates: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Beta also receives pre-releases. */
      channel: z.enum(['stable', 'beta']).default('stable'),
      checkIntervalHours: z.int().min(1).max(168).default(6),
    })
    .prefault({}),
});

export const windowStateSchema = z.strictObject({
  x: z.int().optional(),
  y: z.int().optional(),
  width: z.int().min(400).max(16_384),
  height: z.int().min(300).max(16_384),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
  sidebarWidth: z.int().min(48).max(600).optional(),
});

/** The whole local document: every workspace, the app settings and the window. */
export const workspaceStoreSchema = z
  .strictObject({
    schemaVersion: z.literal(WORKSPACE_STORE_VERSION),
    workspaces: z.array(workspaceSchema).max(MAX_WORKSPACES).default([]),
    activeWorkspaceId: idSchema.nullable().default(null),
    settings: appSettingsSchema.prefault({}),
    window: windowStateSchema.optional(),
  })
  .superRefine((store, context) => {
    const workspaceIds = new Set<string>();
    const serviceIds = new Set<string>();
    store.workspaces.forEach((workspace, index) => {
      if (workspaceIds.has(workspace.id)) {
        context.addIssue({
          code: 'custom',
          path: ['workspaces', index, 'id'],
          message: `Two workspaces have the id ${workspace.id}.`,
          params: { code: 'WORKSPACE_ID_DUPLICATE' },
        });
      }
      workspaceIds.add(workspace.id);
      workspace.services.forEach((service, serviceIndex) => {
        if (serviceIds.has(service.id)) {
          context.addIssue({
            code: 'custom',
            path: ['workspaces', index, 'services', serviceIndex, 'id'],
            message: `Two services have the id ${service.id}.`,
            params: { code: 'SERVICE_ID_DUPLICATE' },
          });
        }
        serviceIds.add(service.id);
      });
      const active = workspace.activeServiceId;
      if (active !== null && !workspace.services.some((service) => service.id === active)) {
        context.addIssue({
          code: 'custom',
          path: ['workspaces', index, 'activeServiceId'],
          message: 'The active service is not in this workspace.',
          params: { code: 'ACTIVE_SERVICE_MISSING' },
        });
      }
    });
    if (store.activeWorkspaceId !== null && !workspaceIds.has(store.activeWorkspaceId)) {
      context.addIssue({
        code: 'custom',
        path: ['activeWorkspaceId'],
        message: 'The active workspace does not exist.',
        params: { code: 'ACTIVE_WORKSPACE_MISSING' },
      });
    }
  });

/** The seed's ServiceConfig: what a new service request becomes once validated. */
export const serviceConfigSchema = z.strictObject({
  name: storedName,
  url: storedServiceUrl,
  type: z.string().min(1).max(100),
  isolation: isolationSchema,
  customIcon: z.string().max(400_000).optional(),
  customColor: hexColor.optional(),
});

/** The seed's BrowserSessionConfig: which session a service view uses. */
export const browserSessionConfigSchema = z.strictObject({
  workspaceId: idSchema,
  serviceId: idSchema,
  sessionPartition: z.string().regex(/^(?:persist:)?(?:ws|svc)-[a-z0-9][a-z0-9-]{0,62}$/),
  persistSession: z.boolean(),
  clearOnExit: z.boolean(),
});

/**
 * The seed's BrowserViewSecurityConfig. The unsafe values are not representable: a document
 * asking for nodeIntegration or without the sandbox does not parse (decision 2).
 */
export const browserViewSecurityConfigSchema = z.strictObject({
  id: idSchema,
  workspaceId: idSchema,
  serviceId: idSchema,
  isolation: isolationSchema,
  webSecurity: z.literal(true, { error: 'webSecurity can never be turned off for a service.' }),
  nodeIntegration: z.literal(false, { error: 'Services never get Node.js integration.' }),
  contextIsolation: z.literal(true, { error: 'contextIsolation can never be turned off.' }),
  sandbox: z.literal(true, { error: 'Service views always run sandboxed.' }),
  allowRunningInsecureContent: z.literal(false).default(false),
  experimentalFeatures: z.literal(false).default(false),
  allowedOrigins: z.array(z.string().max(2048)).max(200),
  blockedUrls: z.array(z.string().max(2048)).max(1000).default([]),
});

/** The seed's WorkspacePermission: what may be done to a workspace (a policy can lock it). */
export const workspacePermissionSchema = z.strictObject({
  workspaceId: idSchema,
  canModify: z.boolean().default(true),
  canDelete: z.boolean().default(true),
  canAddServices: z.boolean().default(true),
  canRemoveServices: z.boolean().default(true),
});

export type Isolation = z.infer<typeof isolationSchema>;
export type ServicePermissionGrant = z.infer<typeof servicePermissionGrantSchema>;
export type WorkspaceService = z.infer<typeof workspaceServiceSchema>;
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;
export type Workspace = z.infer<typeof workspaceSchema>;
export type AppSettings = z.infer<typeof appSettingsSchema>;
export type WindowState = z.infer<typeof windowStateSchema>;
export type WorkspaceStore = z.infer<typeof workspaceStoreSchema>;
export type ServiceConfig = z.infer<typeof serviceConfigSchema>;
export type BrowserSessionConfig = z.infer<typeof browserSessionConfigSchema>;
export type BrowserViewSecurityConfig = z.infer<typeof browserViewSecurityConfigSchema>;
export type WorkspacePermission = z.infer<typeof workspacePermissionSchema>;

/** An empty store, as a first start writes it. */
export function defaultWorkspaceStore(): WorkspaceStore {
  return workspaceStoreSchema.parse({ schemaVersion: WORKSPACE_STORE_VERSION });
}
