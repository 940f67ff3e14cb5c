import { parse as parseHost } from 'tldts';
import { z } from 'zod';
import { categoryIdSchema } from './categories';
import { HEX_COLOR_PATTERN } from './color';
import { serviceIconSchema } from './icons';
import { signInProviderIdSchema } from './sign-in';

export const AVAILABILITIES = ['web', 'no-web-ui', 'discontinued'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/**
 * How the service view must present itself. `default` is the app's clean Chrome user agent;
 * `plain-chrome` means the site refuses anything but an unmodified desktop Chrome UA (no app
 * tokens, desktop even inside the mobile app), e.g. WhatsApp Web.
 */
export const USER_AGENT_HINTS = ['default', 'plain-chrome'] as const;
export type UserAgentHint = (typeof USER_AGENT_HINTS)[number];

/** The placeholder a tenant URL template carries for the user's own site name. */
export const TENANT_PLACEHOLDER = '{tenant}';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parsesAsUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const httpsUrl = z
  .string()
  .refine((value) => parsesAsUrl(value)?.protocol === 'https:', 'Use a full https:// address.');

/** A registrable domain (eTLD+1): lower-case, and never a public suffix, private ones included. */
const registrableDomain = z
  .string()
  .refine(
    (value) =>
      value === value.toLowerCase() &&
      parseHost(value, { allowPrivateDomains: true }).domain === value,
    'Use a registrable domain such as slack.com (not a host and not a public suffix).',
  );

/** The user must (`required`) or may (`optional`) point the service at their own server. */
export const selfHostedSchema = z.union([
  z.literal(false),
  z
    .object({
      baseUrl: z.enum(['required', 'optional']),
      /** Shown as the placeholder of the address field, e.g. `https://gitlab.example.com`. */
      example: z.string().refine((value) => parsesAsUrl(value) !== undefined, 'Not a URL.'),
      /** Whether plain http is accepted for a server on a private network (LAN, localhost). */
      allowHttpOnPrivateNetwork: z.boolean(),
    })
    .readonly(),
]);

/**
 * A cloud service where each customer has their own site under the vendor's domain, so the
 * address is per user: `https://{tenant}.atlassian.net/jira/`.
 */
export const tenantSchema = z
  .object({
    urlTemplate: httpsUrl.refine(
      (value) => value.startsWith(`https://${TENANT_PLACEHOLDER}.`),
      `The template must start with https://${TENANT_PLACEHOLDER}.`,
    ),
    example: httpsUrl,
    /** What the user is asked for, e.g. "Atlassian site name". */
    label: z.string().min(1),
  })
  .readonly();

export const serviceDefinitionSchema = z
  .object({
    /** Stable kebab-case id stored in workspaces: never changed once shipped. */
    id: z.string().regex(KEBAB_CASE, 'Use a kebab-case id.'),
    name: z.string().trim().min(1),
    /** Other names people type: "ms teams", "gdocs", "o365". */
    aliases: z.array(z.string().trim().min(1)).readonly(),
    category: categoryIdSchema,
    /** Default address of the web app; null when the address is the user's own (see below). */
    url: httpsUrl.nullable(),
    /** Registrable domains whose hosts belong to the service (app, CDN, its own login). */
    domains: z.array(registrableDomain).readonly(),
    signIn: z.array(signInProviderIdSchema).readonly(),
    selfHosted: selfHostedSchema,
    tenant: tenantSchema.optional(),
    icon: serviceIconSchema,
    color: z.string().regex(HEX_COLOR_PATTERN, 'Use a colour like #1a2b3c.'),
    availability: z.enum(AVAILABILITIES),
    /** For `no-web-ui` and `discontinued`: what exists on the web instead. */
    note: z.string().min(1).optional(),
    userAgent: z.enum(USER_AGENT_HINTS),
  })
  .readonly()
  .superRefine((definition, ctx) => {
    const issue = (message: string, path: string) =>
      ctx.addIssue({ code: 'custom', message, path: [path] });
    if (definition.availability !== 'web' && !definition.note) {
      issue('Say what exists on the web instead.', 'note');
    }
    const userSuppliesAddress = definition.tenant !== undefined || definition.selfHosted !== false;
    if (definition.availability === 'web' && definition.url === null && !userSuppliesAddress) {
      issue(
        'A web service needs a default URL, a tenant template or a self-hosted address.',
        'url',
      );
    }
    if (
      definition.selfHosted !== false &&
      definition.selfHosted.baseUrl === 'required' &&
      definition.url !== null
    ) {
      issue('A service that is always self-hosted has no default URL.', 'url');
    }
    if (
      definition.selfHosted !== false &&
      !definition.selfHosted.allowHttpOnPrivateNetwork &&
      !definition.selfHosted.example.startsWith('https://')
    ) {
      issue('The example must use https:// when plain http is not allowed.', 'selfHosted');
    }
    if (
      new Set(definition.aliases.map((alias) => alias.toLowerCase())).size !==
      definition.aliases.length
    ) {
      issue('Aliases must be unique.', 'aliases');
    }
  });

export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;
export type SelfHosted = z.infer<typeof selfHostedSchema>;
export type Tenant = z.infer<typeof tenantSchema>;
