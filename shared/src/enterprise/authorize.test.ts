import { describe, expect, it } from 'vitest';
import { RESOURCES, authorizeAction, checkSsoConfig } from './authorize';
import type { OrgSession, Resource } from './authorize';

const admin: OrgSession = {
  userId: 'u1',
  orgId: 'org_1',
  orgRole: 'org:admin',
  orgPermissions: [],
};
const member: OrgSession = {
  userId: 'u2',
  orgId: 'org_1',
  orgRole: 'org:member',
  orgPermissions: [],
};
const policyManager: OrgSession = { ...member, orgPermissions: ['org:policies:manage'] };
const licenseManager: OrgSession = { ...member, orgPermissions: ['org:licenses:manage'] };
const auditor: OrgSession = { ...member, orgPermissions: ['org:audit:read'] };
const noOrganization: OrgSession = { userId: 'u3', orgPermissions: ['org:policies:manage'] };
const strangerRole: OrgSession = { ...member, orgRole: 'org:guest' };

/** Every resource and action, and who may do it. */
const TABLE: Record<string, (keyof typeof SESSIONS)[]> = {
  'organization:read': ['admin', 'member', 'policyManager', 'licenseManager', 'auditor'],
  'members:read': ['admin'],
  'members:manage': ['admin'],
  'seats:read': ['admin', 'licenseManager'],
  'seats:assign': ['admin', 'licenseManager'],
  'seats:release': ['admin', 'licenseManager'],
  'policies:read': ['admin', 'member', 'policyManager', 'licenseManager', 'auditor'],
  'policies:manage': ['admin', 'policyManager'],
  'sso:read': ['admin'],
  'sso:manage': ['admin'],
  'audit:read': ['admin', 'auditor'],
  'audit:export': ['admin', 'auditor'],
  'reports:read': ['admin', 'licenseManager'],
};
const SESSIONS = {
  admin,
  member,
  policyManager,
  licenseManager,
  auditor,
  noOrganization,
  strangerRole,
};

describe('authorizeAction', () => {
  it('covers every resource and action in the table', () => {
    const all = Object.entries(RESOURCES).flatMap(([resource, actions]) =>
      actions.map((action) => `${resource}:${action}`),
    );
    expect(Object.keys(TABLE).sort()).toEqual(all.sort());
  });

  it.each(Object.entries(TABLE))(
    '%s is allowed exactly to its roles and permissions',
    (key, allowed) => {
      const [resource, action] = key.split(':') as [Resource, never];
      for (const [name, session] of Object.entries(SESSIONS)) {
        expect(authorizeAction(session, resource, action), `${name} → ${key}`).toBe(
          (allowed as string[]).includes(name),
        );
      }
    },
  );

  it('refuses actions a resource does not have', () => {
    expect(authorizeAction(admin, 'reports', 'delete' as never)).toBe(false);
  });
});

describe('SSO configuration', () => {
  const saml = { provider: 'saml', domain: 'Acme.com', endpoint: 'https://idp.acme.com/metadata' };

  it('accepts SAML and OIDC with what each needs', () => {
    expect(checkSsoConfig(saml)).toEqual({
      ok: true,
      value: { ...saml, domain: 'acme.com', required: false },
    });
    const oidc = {
      provider: 'oidc',
      domain: 'acme.com',
      endpoint: 'https://login.acme.com/.well-known/openid-configuration',
      required: true,
    };
    const missing = checkSsoConfig(oidc);
    expect(!missing.ok && missing.error.message).toBe(
      'OIDC needs the client ID and client secret.',
    );
    expect(checkSsoConfig({ ...oidc, clientId: 'id', clientSecret: 'secret' }).ok).toBe(true);
  });

  it('answers LDAP with the way that works: SCIM directory sync', () => {
    const ldap = checkSsoConfig({ ...saml, provider: 'ldap', endpoint: 'https://ldap.acme.com' });
    expect(!ldap.ok && ldap.error.code).toBe('SSO_LDAP_UNSUPPORTED');
    expect(!ldap.ok && ldap.error.message).toMatch(/SCIM directory sync/);
  });

  it('names the wrong field', () => {
    const http = checkSsoConfig({ ...saml, endpoint: 'http://idp.acme.com/metadata' });
    expect(!http.ok && http.error.details).toEqual({ field: 'endpoint' });
    const domain = checkSsoConfig({ ...saml, domain: 'not a domain' });
    expect(!domain.ok && domain.error.message).toBe('Enter the email domain, like acme.com.');
    expect(checkSsoConfig({ ...saml, extra: 1 }).ok).toBe(false);
  });
});
