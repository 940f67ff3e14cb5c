import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import { validateServiceUrl } from '../security/url';
import { TENANT_PLACEHOLDER } from './schema';
import type { ServiceDefinition } from './schema';

export interface ServiceUrlInput {
  /** The user's site name for a tenant service ("acme"), or their site's address. */
  tenant?: string;
  /** The address of the user's own server, for a self-hosted service or a custom one. */
  baseUrl?: string;
}

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

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
  // The one URL gate of the app: the same rules and messages as the live form validation.
  const checked = validateServiceUrl(baseUrl, {
    allowPrivateHttp: options.allowHttpOnPrivateNetwork,
  });
  if (checked.valid) return ok(checked.value);
  const [first] = checked.errors;
  const code = first?.code ?? 'URL_MALFORMED';
  const message =
    code === 'URL_HTTP_NOT_ALLOWED' && !options.allowHttpOnPrivateNetwork
      ? `Use an https:// address. ${definition.name} needs a secure connection.`
      : (first?.message ?? `Enter an address such as ${options.example}.`);
  return err(
    new FlowDeskError(code, message, {
      details: { serviceId: definition.id, example: options.example },
    }),
  );
}
