import type { NavigationScope } from '../security/scope';
import { CUSTOM_SERVICE_ID } from './services/custom';
import { classifyHost, parseWebUrl } from './host';
import type { ServiceDefinition } from './schema';
import { signInOriginsFor } from './sign-in';

/**
 * Where a service's view may navigate. The entry's domains and its sign-in providers' origins,
 * plus what the service URL the user actually loads adds:
 * - a private host (IP, localhost, LAN name) → its exact origin;
 * - a public host of a self-hosted service (gitlab.corp-name.com) → its exact origin, since the
 *   rest of that company's domain is not the service;
 * - any other public host (a custom web app, a tenant site) → its registrable domain.
 * A missing, malformed or non-http(s) URL adds nothing: the scope only ever narrows.
 */
export function navigationScopeFor(
  definition: ServiceDefinition,
  serviceUrl?: string,
): NavigationScope {
  const domains = new Set(definition.domains);
  const origins = new Set<string>();
  const url = parseWebUrl(serviceUrl);
  if (url) {
    const host = classifyHost(url.hostname);
    if (host.kind === 'private') {
      origins.add(url.origin);
    } else if (!domains.has(host.domain)) {
      const selfHostedServer =
        definition.selfHosted !== false && definition.id !== CUSTOM_SERVICE_ID;
      if (selfHostedServer) origins.add(url.origin);
      else domains.add(host.domain);
    }
  }
  return {
    serviceDomains: [...domains],
    serviceOrigins: [...origins],
    signInOrigins: signInOriginsFor(definition.signIn),
  };
}
