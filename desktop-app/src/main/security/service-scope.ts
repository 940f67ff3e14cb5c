import {
  CUSTOM_SERVICE_ID,
  getServiceDefinition,
  navigationScopeFor,
  requireServiceDefinition,
} from '@flowdesk/shared/catalog';
import type { NavigationScope } from '@flowdesk/shared/security';
import type { WorkspaceService } from '@flowdesk/shared/workspace';

/**
 * Where a service's view may navigate and which origins may ask it for permissions: its catalog
 * entry's domains and sign-in providers plus its own URL. A type the catalog no longer knows is
 * treated as a custom service of its URL, so it keeps working within its own site.
 */
export function scopeForService(service: Pick<WorkspaceService, 'type' | 'url'>): NavigationScope {
  const definition =
    getServiceDefinition(service.type) ?? requireServiceDefinition(CUSTOM_SERVICE_ID);
  return navigationScopeFor(definition, service.url);
}
