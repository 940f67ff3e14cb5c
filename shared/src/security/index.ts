export {
  decideExternalOpen,
  decideNavigation,
  decidePermission,
  decidePopup,
  isPermissionGranted,
} from './decisions';
export type {
  ExternalOpenDecision,
  NavigationDecision,
  NavigationReason,
  PermissionDecision,
  PermissionDecisionReason,
  PermissionGrantLike,
  PermissionRequest,
  PopupDecision,
} from './decisions';
export {
  MAX_NAME_LENGTH,
  sanitizeServiceName,
  validateServiceName,
  validateWorkspaceName,
} from './name';
export { PRIVATE_NAME_SUFFIXES, isLoopbackHost, isPrivateNetworkHost, parseIpv4 } from './network';
export {
  hostMatchesDomain,
  isOriginInScope,
  isSameSite,
  isSignInOrigin,
  originOf,
  parseUrl,
  registrableDomain,
} from './origin';
export {
  PERMISSION_LABELS,
  PERMISSION_NAMES,
  isPermissionName,
  permissionLabel,
  permissionNameSchema,
  permissionPolicy,
} from './permissions';
export type { PermissionName, PermissionPolicy } from './permissions';
export {
  MAX_PROXY_BYPASS_RULES,
  MAX_PROXY_PASSWORD_LENGTH,
  PROXY_PROTOCOLS,
  PROXY_PROTOCOLS_WITH_SIGN_IN,
  customProxySchema,
  isSameProxy,
  parseProxyHost,
  proxyInputSchema,
  serviceProxySchema,
  toSessionProxyConfig,
  validateProxyInput,
} from './proxy';
export type {
  CustomProxy,
  ProxyInput,
  ProxyProtocol,
  ServiceProxy,
  SessionProxyConfig,
  ValidatedProxy,
} from './proxy';
export type { NavigationScope } from './scope';
export { MAX_SERVICE_URL_LENGTH, validateServiceUrl } from './url';
export type { ServiceUrlOptions } from './url';
export {
  MAX_CUSTOM_ICON_BYTES,
  serviceInputSchema,
  validateServiceInput,
  validateWorkspaceInput,
  workspaceInputSchema,
} from './workspace-input';
export type {
  ServiceInput,
  ValidatedServiceConfig,
  ValidatedWorkspaceInput,
  WorkspaceInput,
  WorkspaceInputOptions,
} from './workspace-input';
