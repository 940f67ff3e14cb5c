import { z } from 'zod';
import { LOG_LEVELS } from '../monitoring/logger';
import {
  HIBERNATION_DEFAULTS,
  idleMinutesField,
  maxLiveViewsField,
  memoryBudgetMbField,
} from './fields';

/**
 * The seed's ProductionConfig: how a build of the app is configured for its environment.
 * Every section has safe defaults, so `productionConfigSchema.parse({})` is a working
 * local-first configuration (no remote error reporting, audit on, data validated).
 */

export const securityConfigSchema = z.strictObject({
  encryption: z
    .strictObject({
      algorithm: z.enum(['aes-256-gcm']).default('aes-256-gcm'),
      /** Days between backup-key rotations; 0 = never rotate automatically. */
      keyRotationInterval: z.int().min(0).max(3650).default(90),
      requireMFA: z.boolean().default(false),
    })
    .prefault({}),
  localData: z
    .strictObject({
      encryptionAtRest: z.boolean().default(true),
      secureKeyStorage: z.boolean().default(true),
      dataValidation: z.boolean().default(true),
    })
    .prefault({}),
  audit: z
    .strictObject({
      enabled: z.boolean().default(true),
      retentionDays: z.int().min(1).max(3650).default(90),
      localLogging: z.boolean().default(true),
    })
    .prefault({}),
});

export const monitoringSectionSchema = z.strictObject({
  errorTracking: z
    .strictObject({
      enabled: z.boolean().default(true),
      sampleRate: z.number().min(0).max(1).default(1),
      environment: z.string().min(1).max(40).default('production'),
      /** Privacy first: errors stay on the device unless the user opts in. */
      localOnly: z.boolean().default(true),
    })
    .prefault({}),
  metrics: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** Seconds between samples. */
      interval: z.int().min(1).max(3600).default(30),
      /** Days metrics are kept on the device. */
      localRetention: z.int().min(1).max(365).default(7),
    })
    .prefault({}),
  logging: z
    .strictObject({
      level: z.enum(LOG_LEVELS).default('info'),
      structured: z.boolean().default(true),
      localDestinations: z
        .array(z.enum(['file', 'console', 'memory']))
        .max(3)
        .default(['file']),
    })
    .prefault({}),
});

export const performanceConfigSchema = z.strictObject({
  maxLiveViews: maxLiveViewsField.default(HIBERNATION_DEFAULTS.maxLiveViews),
  idleHibernateMinutes: idleMinutesField.default(HIBERNATION_DEFAULTS.idleMinutes),
  memoryBudgetMb: memoryBudgetMbField.default(HIBERNATION_DEFAULTS.memoryBudgetMb),
});

export const backupConfigSchema = z.strictObject({
  automatic: z.boolean().default(true),
  /** Hours between automatic backups. */
  intervalHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  keep: z.int().min(1).max(365).default(10),
  includeBrowserSessions: z.boolean().default(false),
});

export const licensingConfigSchema = z.strictObject({
  website: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).default('https://flowdesk.app'),
      clerkPublishableKey: z.string().max(200).default(''),
    })
    .prefault({}),
  validation: z
    .strictObject({
      /** Days the app keeps full features without reaching the license server. */
      offlineGracePeriod: z.int().min(0).max(90).default(14),
      /** Hours between license checks. */
      licenseCheckInterval: z
        .int()
        .min(1)
        .max(24 * 30)
        .default(24),
      /** Without a valid license the app keeps working in a limited mode; data is never lost. */
      fallbackMode: z.boolean().default(true),
    })
    .prefault({}),
});

export const productionConfigSchema = z.strictObject({
  environment: z.enum(['development', 'staging', 'production']).default('production'),
  security: securityConfigSchema.prefault({}),
  monitoring: monitoringSectionSchema.prefault({}),
  performance: performanceConfigSchema.prefault({}),
  backup: backupConfigSchema.prefault({}),
  licensing: licensingConfigSchema.prefault({}),
});

export type SecurityConfig = z.infer<typeof securityConfigSchema>;
export type MonitoringSection = z.infer<typeof monitoringSectionSchema>;
export type PerformanceConfig = z.infer<typeof performanceConfigSchema>;
export type BackupConfig = z.infer<typeof backupConfigSchema>;
export type LicensingConfig = z.infer<typeof licensingConfigSchema>;
export type ProductionConfig = z.infer<typeof productionConfigSchema>;
