import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import { classifyHost } from './host';
import { TENANT_PLACEHOLDER } from './schema';
import type { ServiceDefinition } from './schema';

export interface ServiceUrlInput {
  /** The user's site name for a tenant service ("acme"), or their site's address. */
  tenant?: string;
  /** The address of the user's own server, for a self-hosted service or a custom one. */
  baseUrl?: string;
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_URL_LENGTH = 2048;

/**
 * The address a new service view should open: the user's own server, their tenant site, or the
 * catalog default. Never throws; every refusal is a FlowDeskError with a message to show.
 */
export function resolveServiceUrl(
  definition: ServiceDefinition,
  input: ServiceUrlInput = {},
): Result<string> {
  if (definition.availability !== 'web') {
    const what = definition.availability === 'discontinued' ? 'has shut down' : 'has no web app';
    return err(
      new FlowDeskError(
        'CATALOG_SERVICE_UNAVAILABLE',
        `${definition.name} ${what}. ${definition.note ?? ''}`.trim(),
        {
          details: { serviceId: definition.id, availability: definition.availability },
        },
      ),
    );
  }
  if (input.baseUrl !== undefined) return selfHostedUrl(definition, input.baseUrl);
  if (input.tenant !== undefined) return tenantUrl(definition, input.tenant);
  if (definition.url !== null) return ok(definition.url);
  const example = definition.tenant?.example ?? exampleOf(definition);
  const message = definition.tenant
    ? `Enter your ${definition.tenant.label} to open ${definition.name}, e.g. ${example}.`
    : `Enter the address of your ${definition.name} server, e.g. ${example}.`;
  return err(
    new FlowDeskError('CATALOG_SERVICE_URL_REQUIRED', message, {
      details: { serviceId: definition.id },
    }),
  );
}

function exampleOf(definition: ServiceDefinition): string {
  return definition.selfHosted === false
    ? 'https://app.example.com'
    : definition.selfHosted.example;
}

function tenantUrl(definition: ServiceDefinition, tenant: string): Result<string> {
  const template = definition.tenant;
  if (!template) {
    return err(
      new FlowDeskError(
        'CATALOG_TENANT_UNSUPPORTED',
        `${definition.name} has no per-company sites; leave the site name empty.`,
        { details: { serviceId: definition.id } },
      ),
    );
  }
  // Accept "acme", "acme.atlassian.net" or a pasted "https://acme.atlassian.net/jira/…".
  const hostSuffix = new URL(template.urlTemplate.replace(TENANT_PLACEHOLDER, 'x')).hostname.slice(
    2,
  );
  const typed = typeof tenant === 'string' ? tenant.trim().toLowerCase() : '';
  const host = typed.replace(/^[a-z]+:\/\//, '').split(/[/?#:]/, 1)[0] ?? '';
  const label = host.endsWith(`.${hostSuffix}`) ? host.slice(0, -hostSuffix.length - 1) : host;
  if (!DNS_LABEL.test(label)) {
    return err(
      new FlowDeskError(
        'CATALOG_INVALID_TENANT',
        `Enter your ${template.label} using letters, digits and hyphens, as in ${template.example}.`,
        { details: { serviceId: definition.id } },
      ),
    );
  }
  return ok(template.urlTemplate.replace(TENANT_PLACEHOLDER, label));
}

function selfHostedUrl(definition: ServiceDefinition, baseUrl: string): Result<string> {
  const options = definition.selfHosted;
  if (options === false) {
    return err(
      new FlowDeskError(
        'CATALOG_SELF_HOSTING_UNSUPPORTED',
        `${definition.name} cannot be pointed at your own server; use its standard address.`,
        { details: { serviceId: definition.id } },
      ),
    );
  }
  const invalid = (code: string, message: string) =>
    err(new FlowDeskError(code, message, { details: { serviceId: definition.id } }));
  const typed = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  if (typed === '' || typed.length > MAX_URL_LENGTH) {
    return invalid('CATALOG_INVALID_SERVICE_URL', `Enter an address such as ${options.example}.`);
  }
  // People type "gitlab.example.com": assume https rather than refusing.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid(
      'CATALOG_INVALID_SERVICE_URL',
      `"${typed.slice(0, 80)}" is not a web address. Enter one such as ${options.example}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return invalid(
      'CATALOG_INVALID_SERVICE_URL',
      'Remove the user name and password from the address; sign in on the page instead.',
    );
  }
  const privateHost = classifyHost(url.hostname).kind === 'private';
  const httpAllowed = url.protocol === 'http:' && privateHost && options.allowHttpOnPrivateNetwork;
  if (url.protocol !== 'https:' && !httpAllowed) {
    const why = options.allowHttpOnPrivateNetwork
      ? 'Plain http:// is only accepted for a server on your private network.'
      : `${definition.name} needs a secure connection.`;
    return invalid('CATALOG_INSECURE_SERVICE_URL', `Use an https:// address. ${why}`);
  }
  return ok(url.href);
}
