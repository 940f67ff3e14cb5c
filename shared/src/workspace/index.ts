export {
  AUDIT_ENTRY_VERSION,
  AUDIT_GENESIS_HASH,
  canonicalJson,
  securityEventTypes,
  severitySchema,
  workspaceAuditEntrySchema,
  workspaceSecurityEventSchema,
} from './audit';
export type {
  SecurityEventType,
  Severity,
  WorkspaceAuditEntry,
  WorkspaceSecurityEvent,
} from './audit';
export {
  BACKUP_FORMAT_VERSION,
  backupEncryptionSchema,
  backupMetadataSchema,
  backupOptionsSchema,
} from './backup';
export type { BackupEncryption, BackupMetadata, BackupOptions } from './backup';
export {
  HIBERNATION_DEFAULTS,
  HIBERNATION_LIMITS,
  clockTime,
  hexColor,
  idleMinutesField,
  isoDateTime,
  maxLiveViewsField,
  memoryBudgetMbField,
  memoryCeilingMbField,
  storedName,
  storedServiceUrl,
} from './fields';
export { ID_PATTERN, idSchema, isId, newId } from './ids';
export type { UuidGenerator } from './ids';
export { defineMigrations, runMigrations } from './migrations';
export type { Migration, MigrationOutcome, RunMigrationsOptions } from './migrations';
export { browserSessionConfigFor, parsePartition, sessionPartitionFor } from './partition';
export type { ParsedPartition, PartitionInput } from './partition';
export {
  backupConfigSchema,
  licensingConfigSchema,
  monitoringSectionSchema,
  performanceConfigSchema,
  productionConfigSchema,
  securityConfigSchema,
} from './production-config';
export type {
  BackupConfig,
  LicensingConfig,
  MonitoringSection,
  PerformanceConfig,
  ProductionConfig,
  SecurityConfig,
} from './production-config';
export {
  DEFAULT_WORKSPACE_COLOR,
  MAX_SERVICES_PER_WORKSPACE,
  MAX_WORKSPACES,
  ZOOM_LEVELS,
  WORKSPACE_STORE_VERSION,
  appSettingsSchema,
  browserSessionConfigSchema,
  browserViewSecurityConfigSchema,
  defaultWorkspaceStore,
  doNotDisturbSchema,
  isolationSchema,
  nextZoomFactor,
  serviceConfigSchema,
  serviceHibernationSchema,
  serviceNotificationsSchema,
  servicePermissionGrantSchema,
  windowStateSchema,
  workspacePermissionSchema,
  workspaceSchema,
  workspaceServiceSchema,
  workspaceSettingsSchema,
  workspaceStoreSchema,
  zoomFactorField,
} from './schemas';
export type {
  AppSettings,
  BrowserSessionConfig,
  BrowserViewSecurityConfig,
  Isolation,
  ServiceConfig,
  ServicePermissionGrant,
  WindowState,
  Workspace,
  WorkspacePermission,
  WorkspaceService,
  WorkspaceSettings,
  WorkspaceStore,
} from './schemas';
export { WORKSPACE_STORE_MIGRATIONS, parseWorkspaceStore } from './store';
export {
  badgeText,
  isDoNotDisturbActive,
  mayNotify,
  serviceUnread,
  totalUnread,
  workspaceUnread,
} from './attention';
export type { UnreadLookup, UnreadSource, UnreadSummary } from './attention';
export {
  CONFIG_DOCUMENT_FORMAT,
  CONFIG_DOCUMENT_VERSION,
  MAX_CONFIG_DOCUMENT_BYTES,
  MAX_IMPORTED_WORKSPACES,
  applyImport,
  exportWorkspaceConfig,
  previewImport,
  workspaceConfigDocumentSchema,
} from './config-document';
export type {
  ConflictChoice,
  ImportConflict,
  ImportPreview,
  ImportResult,
  WorkspaceConfigDocument,
} from './config-document';
export {
  backupChainLength,
  SAFETY_RETENTION,
  SAFETY_SNAPSHOT_DAYS,
  SCHEDULED_RETENTION,
  expiredBackups,
  scheduledBackupDue,
} from './backup-retention';
export type { RetainedBackup } from './backup-retention';
export {
  PARTITION_FOLDER_PATTERN,
  cleanupReasonSchema,
  cleanupResultSchema,
  integrityIssueSchema,
  integrityReportSchema,
  repairSchema,
} from './data-health';
export type {
  CleanupReason,
  CleanupResult,
  IntegrityIssue,
  IntegrityReport,
  Repair,
} from './data-health';
export { combineBadges, sumBadges, unreadFromFavicon, unreadFromTitle } from './unread';
export type { UnreadBadge } from './unread';
