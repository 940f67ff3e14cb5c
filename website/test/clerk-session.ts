import { SignJWT, decodeJwt, exportSPKI, generateKeyPair } from 'jose';

/**
 * A stand-in Clerk instance for tests, as ../shared/research/offline-stack.md describes: a
 * pk_live_ publishable key naming a Frontend API host that is never contacted, an RS256 key
 * whose public half is given as CLERK_JWT_KEY, and session tokens minted with it, so the site's
 * Clerk middleware verifies sign-ins with no network.
 */

export const CLERK_FRONTEND_API = 'clerk.flowdesk.test';

/** The active organization of a session: Clerk's v2 `o` claim. */
export interface TestOrganizationClaim {
  id: string;
  slug?: string;
  /** The role without its `org:` prefix, as Clerk puts it in the token (`admin`, `member`). */
  role: string;
  /** Custom permissions (`org:policies:manage`…), as the claims list them. */
  permissions?: string[];
}

export interface TestClerk {
  /** The website's environment for this instance. */
  settings: Record<string, string>;
  /** A session token for `userId`, authorized for `origin`, with an active organization or not. */
  sessionToken(
    userId: string,
    origin: string,
    organization?: TestOrganizationClaim,
  ): Promise<string>;
  /** The cookies of a signed-in browser session for `userId` on `origin`. */
  sessionCookies(
    userId: string,
    origin: string,
    organization?: TestOrganizationClaim,
  ): Promise<{ name: string; value: string }[]>;
}

/**
 * Clerk's compact organization claim: the organization's features in `fea` (`o:policies`…),
 * permission names in `per`, and per feature (`fpm`) a bit mask of the permissions this role
 * holds, bit i for the i-th name.
 */
function organizationClaims(organization: TestOrganizationClaim) {
  const permissions = (organization.permissions ?? []).map((name) => name.split(':'));
  const features = [...new Set(permissions.map(([, feature]) => feature!))];
  const names = [...new Set(permissions.map(([, , permission]) => permission!))];
  const masks = features.map((feature) =>
    names.reduce(
      (mask, name, index) =>
        permissions.some(([, f, p]) => f === feature && p === name) ? mask | (1 << index) : mask,
      0,
    ),
  );
  return {
    ...(features.length > 0 ? { fea: features.map((feature) => `o:${feature}`).join(',') } : {}),
    o: {
      id: organization.id,
      slg: organization.slug ?? organization.id,
      rol: organization.role,
      per: names.join(','),
      fpm: masks.join(','),
    },
  };
}

export async function testClerk(): Promise<TestClerk> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const sessionToken = async (
    userId: string,
    origin: string,
    organization?: TestOrganizationClaim,
  ) => {
    const issuedAt = Math.floor(Date.now() / 1000) - 5;
    return new SignJWT({
      sid: `sess_${userId}`,
      azp: origin,
      v: 2,
      ...(organization ? organizationClaims(organization) : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'ins_flowdesk_test', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(`https://${CLERK_FRONTEND_API}`)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + 3600)
      .sign(privateKey);
  };
  return {
    settings: {
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from(`${CLERK_FRONTEND_API}$`).toString('base64')}`,
      CLERK_SECRET_KEY: 'sk_live_flowdesk_test_only_never_used_for_requests',
      CLERK_JWT_KEY: await exportSPKI(publicKey),
    },
    sessionToken,
    async sessionCookies(userId, origin, organization) {
      const token = await sessionToken(userId, origin, organization);
      const { iat: issuedAt } = decodeJwt(token);
      // __client_uat no later than the token's iat: the token is current, no handshake.
      return [
        { name: '__session', value: token },
        { name: '__client_uat', value: String(issuedAt) },
      ];
    },
  };
}
