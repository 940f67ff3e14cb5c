import { createClerkClient } from '@clerk/backend';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { DirectoryMember, OrganizationDirectory } from '../enterprise/directory';
import type { EnterpriseConnections } from '../enterprise/sso';
import type { ClerkSettings } from './clerk-settings';

/**
 * Clerk behind the enterprise ports (issue 10): sessions from requests (verified locally with
 * the JWT key when given, as the middleware does), enterprise connections and organization
 * members through Clerk's Backend API. `apiUrl` lets tests point the client at a local server.
 */

export interface ClerkEnterpriseOptions {
  settings: ClerkSettings;
  siteOrigin: string;
  apiUrl?: string;
}

function clientFor(options: ClerkEnterpriseOptions) {
  return createClerkClient({
    secretKey: options.settings.secretKey,
    publishableKey: options.settings.publishableKey,
    ...(options.settings.jwtKey ? { jwtKey: options.settings.jwtKey } : {}),
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
  });
}

/** The organization claims of the request's session token (cookie or Authorization: Bearer). */
export function clerkSessionAuthenticator(options: ClerkEnterpriseOptions) {
  const client = clientFor(options);
  return async (request: Request): Promise<OrgSession | undefined> => {
    const state = await client.authenticateRequest(request, {
      authorizedParties: [options.siteOrigin],
      ...(options.settings.jwtKey ? { jwtKey: options.settings.jwtKey } : {}),
    });
    if (!state.isAuthenticated) return undefined;
    const auth = state.toAuth();
    if (!auth.userId) return undefined;
    return {
      userId: auth.userId,
      ...(auth.orgId ? { orgId: auth.orgId } : {}),
      ...(auth.orgRole ? { orgRole: auth.orgRole } : {}),
      orgPermissions: auth.orgPermissions ?? [],
    };
  };
}

/** SAML and OIDC connections as Clerk enterprise connections for the organization's domain. */
export function clerkEnterpriseConnections(options: ClerkEnterpriseOptions): EnterpriseConnections {
  const client = clientFor(options);
  return {
    async save({ existingId, organizationId, name, config }) {
      const protocol =
        config.provider === 'saml'
          ? {
              saml: {
                idpMetadataUrl: config.endpoint,
                ...(config.certificate ? { idpCertificates: [config.certificate] } : {}),
              },
            }
          : {
              oidc: {
                discoveryUrl: config.endpoint,
                ...(config.clientId ? { clientId: config.clientId } : {}),
                ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
              },
            };
      const connection = existingId
        ? await client.enterpriseConnections.updateEnterpriseConnection(existingId, {
            name,
            domains: [config.domain],
            organizationId,
            active: true,
            ...protocol,
          })
        : await client.enterpriseConnections.createEnterpriseConnection({
            name,
            domains: [config.domain],
            organizationId,
            active: true,
            provider: config.provider === 'saml' ? 'saml_custom' : 'oidc_custom',
            ...protocol,
          });
      return { id: connection.id };
    },
  };
}

/** The organization's members as Clerk has them, page by page. */
export function clerkOrganizationDirectory(options: ClerkEnterpriseOptions): OrganizationDirectory {
  const client = clientFor(options);
  return {
    async members(organizationId) {
      const members: DirectoryMember[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await client.organizations.getOrganizationMembershipList({
          organizationId,
          limit: 100,
          offset,
        });
        for (const membership of page.data) {
          const user = membership.publicUserData;
          if (!user?.userId) continue;
          members.push({
            userId: user.userId,
            role: membership.role,
            permissions: membership.permissions ?? [],
            email: user.identifier || null,
            name: [user.firstName, user.lastName].filter(Boolean).join(' ') || null,
          });
        }
        if (page.data.length < 100 || members.length >= page.totalCount) return members;
      }
    },
  };
}
