export {
  IPC_CHANNELS,
  IPC_CHANNEL_NAMES,
  IPC_EVENTS,
  IPC_EVENT_NAMES,
  appLockStatusSchema,
  auditVerificationSchema,
  backupInfoSchema,
  downloadEntrySchema,
  importPreviewSchema,
  isIpcChannel,
  isIpcEventName,
  licenseStatusSchema,
  screenShareSourceSchema,
  viewStateSchema,
} from './contract';
export type {
  AppLockState,
  AuditVerification,
  ErrorGroup,
  UpdateStatus,
  HealthReport,
  BackupInfo,
  DownloadEntry,
  ImportPreviewInfo,
  IpcChannel,
  IpcEvent,
  IpcEventName,
  IpcRequest,
  IpcRequestInput,
  IpcResponse,
  LicenseStatus,
  ScreenShareSource,
  ViewState,
} from './contract';
export { errorFromEnvelope, ipcErrorSchema, ipcFailure, ipcSuccess } from './envelope';
export type { IpcEnvelope } from './envelope';
export {
  MAX_IPC_PAYLOAD_BYTES,
  estimatePayloadSize,
  parseIpcEvent,
  parseIpcRequest,
  parseIpcRequestFor,
  parseIpcResponse,
} from './validate';
export type { ParsedIpcEvent, ParsedIpcRequest } from './validate';
export { IPC_CHANNEL_EXAMPLES, IPC_EVENT_EXAMPLES } from './examples';
export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, createFlowDeskBridge } from './bridge';
export type { FlowDeskBridge, IpcTransport } from './bridge';
export { overridesPage, shortcutFor } from './shortcuts';
export type { KeyLike, Shortcut } from './shortcuts';
