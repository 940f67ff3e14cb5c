import { FlowDeskError } from '../core';
import type { ServiceDefinition } from './schema';
import { ANALYTICS_FINANCE_SERVICES } from './services/analytics-finance';
import { BUSINESS_CRM_SERVICES } from './services/business-crm';
import { CLOUD_STORAGE_SERVICES } from './services/cloud-storage';
import { COMMUNICATION_SERVICES } from './services/communication';
import { CUSTOM_SERVICE_TEMPLATE } from './services/custom';
import { DESIGN_SERVICES } from './services/design';
import { DEVELOPMENT_SERVICES } from './services/development';
import { PRODUCTIVITY_SERVICES } from './services/productivity';
import { PROJECT_MANAGEMENT_SERVICES } from './services/project-management';
import { SOCIAL_MARKETING_SERVICES } from './services/social-marketing';

export { CUSTOM_SERVICE_ID } from './services/custom';

/** Freezes an entry and everything in it: the catalog is shared by every view and never edited. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

/**
 * Every predefined service, grouped by category in the order of CATEGORIES, then the custom
 * template. This order is stable: it is what an empty search shows.
 */
export const SERVICE_CATALOG: readonly ServiceDefinition[] = deepFreeze([
  ...COMMUNICATION_SERVICES,
  ...PROJECT_MANAGEMENT_SERVICES,
  ...DEVELOPMENT_SERVICES,
  ...PRODUCTIVITY_SERVICES,
  ...DESIGN_SERVICES,
  ...BUSINESS_CRM_SERVICES,
  ...CLOUD_STORAGE_SERVICES,
  ...ANALYTICS_FINANCE_SERVICES,
  ...SOCIAL_MARKETING_SERVICES,
  CUSTOM_SERVICE_TEMPLATE,
]);

const byId: ReadonlyMap<string, ServiceDefinition> = new Map(
  SERVICE_CATALOG.map((definition) => [definition.id, definition]),
);

/** The definition with this id, or undefined for an unknown (or non-string) id. */
export function getServiceDefinition(id: unknown): ServiceDefinition | undefined {
  return typeof id === 'string' ? byId.get(id) : undefined;
}

/** Like getServiceDefinition, for ids that must exist; throws `CATALOG_UNKNOWN_SERVICE`. */
export function requireServiceDefinition(id: unknown): ServiceDefinition {
  const definition = getServiceDefinition(id);
  if (definition) return definition;
  const shown = typeof id === 'string' ? id.slice(0, 80) : typeof id;
  throw new FlowDeskError(
    'CATALOG_UNKNOWN_SERVICE',
    `Flow Desk does not know the service "${shown}". It may come from a newer version of Flow Desk; update the app, or add it again as a custom service.`,
    { details: { serviceId: shown } },
  );
}
