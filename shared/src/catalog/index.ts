export { CATEGORIES, CATEGORY_IDS, categoryIdSchema, isCategoryId } from './categories';
export type { Category, CategoryId } from './categories';
export {
  CUSTOM_SERVICE_ID,
  SERVICE_CATALOG,
  getServiceDefinition,
  requireServiceDefinition,
} from './catalog';
export { contrastRatio, isHexColor, readableForeground, relativeLuminance } from './color';
export { classifyHost } from './host';
export type { HostKind } from './host';
export {
  customServiceIcon,
  initialsFor,
  monogramIcon,
  renderIconSvg,
  serviceIconSchema,
} from './icons';
export type { ServiceIcon } from './icons';
export {
  AVAILABILITIES,
  USER_AGENT_HINTS,
  selfHostedSchema,
  serviceDefinitionSchema,
  tenantSchema,
} from './schema';
export type { Availability, SelfHosted, ServiceDefinition, Tenant, UserAgentHint } from './schema';
export { navigationScopeFor } from './scope';
export { normalizeSearchText, searchCatalog } from './search';
export type { SearchOptions } from './search';
export { resolveServiceUrl } from './service-url';
export type { ServiceUrlInput } from './service-url';
export { SIGN_IN_PROVIDERS, SIGN_IN_PROVIDER_IDS, signInOriginsFor } from './sign-in';
export type { SignInProvider, SignInProviderId } from './sign-in';
