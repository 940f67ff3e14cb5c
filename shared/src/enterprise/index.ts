export {
  ORG_PERMISSIONS,
  ORG_ROLES,
  RESOURCES,
  authorizeAction,
  checkSsoConfig,
  ssoConfigSchema,
} from './authorize';
export type { Action, OrgPermission, OrgRole, OrgSession, Resource, SsoConfig } from './authorize';
