import { z } from 'zod';
import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';

/**
 * Who may do what in an organization (issue 10, the seed's `authorizeAction`): Clerk
 * Organizations' roles and custom permissions, read from the session claims. One table, used by
 * every admin route and API of the website.
 */

export const ORG_ROLES = ['org:admin', 'org:member'] as const;
export const ORG_PERMISSIONS = [
  'org:policies:manage',
  'org:licenses:manage',
  'org:audit:read',
] as const;
export type OrgRole = (typeof ORG_ROLES)[number];
export type OrgPermission = (typeof ORG_PERMISSIONS)[number];

/** What the session says about the signed-in user's organization. */
export interface OrgSession {
  userId: string;
  orgId?: string;
  orgRole?: string;
  orgPermissions: readonly string[];
}

export const RESOURCES = {
  organization: ['read'],
  members: ['read', 'manage'],
  seats: ['read', 'assign', 'release'],
  policies: ['read', 'manage'],
  sso: ['read', 'manage'],
  audit: ['read', 'export'],
  reports: ['read'],
} as const;
export type Resource = keyof typeof RESOURCES;
export type Action<R extends Resource = Resource> = (typeof RESOURCES)[R][number];

/** The permission that grants each resource's actions to a member who is not an admin. */
const GRANTED_BY: Partial<Record<`${Resource}:${string}`, OrgPermission>> = {
  'policies:manage': 'org:policies:manage',
  'seats:assign': 'org:licenses:manage',
  'seats:release': 'org:licenses:manage',
  'seats:read': 'org:licenses:manage',
  'reports:read': 'org:licenses:manage',
  'audit:read': 'org:audit:read',
  'audit:export': 'org:audit:read',
};

/** What every member may do: see their organization and the policies that apply to them. */
const EVERY_MEMBER = new Set(['organization:read', 'policies:read']);

export function authorizeAction<R extends Resource>(
  session: OrgSession,
  resource: R,
  action: Action<R>,
): boolean {
  if (!session.orgId || !session.orgRole) return false;
  if (!(RESOURCES[resource] as readonly string[]).includes(action)) return false;
  if (session.orgRole === 'org:admin') return true;
  if (session.orgRole !== 'org:member') return false;
  const key = `${resource}:${action}` as const;
  if (EVERY_MEMBER.has(key)) return true;
  const permission = GRANTED_BY[key];
  return permission !== undefined && session.orgPermissions.includes(permission);
}

/** The seed's SSOConfig, as an administrator submits it. */
export const ssoConfigSchema = z.strictObject({
  provider: z.enum(['saml', 'oidc', 'ldap']),
  /** The organization's email domain the connection signs in. */
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'Enter the email domain, like acme.com.'),
  /** SAML metadata URL or OIDC discovery URL. */
  endpoint: z.url({
    protocol: /^https$/,
    error: 'Use the https:// address of the metadata or discovery document.',
  }),
  certificate: z.string().max(20_000).optional(),
  clientId: z.string().max(500).optional(),
  clientSecret: z.string().max(500).optional(),
  /** Members must sign in through this connection; license refreshes then require it. */
  required: z.boolean().default(false),
});
export type SsoConfig = z.infer<typeof ssoConfigSchema>;

/**
 * Checks an SSO configuration before it is recorded. SAML and OIDC go through Clerk's
 * enterprise connections; LDAP is answered plainly: Clerk has none, directory sync (SCIM) is the
 * way to bring a directory's users and groups.
 */
export function checkSsoConfig(input: unknown): Result<SsoConfig> {
  const parsed = ssoConfigSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err(
      new FlowDeskError('SSO_CONFIG_INVALID', first?.message ?? 'The SSO settings are not valid.', {
        details: { field: first?.path.join('.') ?? '' },
      }),
    );
  }
  const config = parsed.data;
  if (config.provider === 'ldap') {
    return err(
      new FlowDeskError(
        'SSO_LDAP_UNSUPPORTED',
        'LDAP sign-in is not available. Connect your directory with SCIM directory sync instead (Admin → Directory), and sign in with SAML or OIDC.',
      ),
    );
  }
  if (config.provider === 'oidc' && (!config.clientId || !config.clientSecret)) {
    return err(
      new FlowDeskError('SSO_CONFIG_INVALID', 'OIDC needs the client ID and client secret.', {
        details: { field: config.clientId ? 'clientSecret' : 'clientId' },
      }),
    );
  }
  return ok(config);
}
