import { SignJWT, exportSPKI, generateKeyPair } from 'jose';

/**
 * A stand-in Clerk instance for tests, as ../shared/research/offline-stack.md describes: a
 * pk_live_ publishable key naming a Frontend API host that is never contacted, an RS256 key
 * whose public half is given as CLERK_JWT_KEY, and session tokens minted with it, so the site's
 * Clerk middleware verifies sign-ins with no network.
 */

export const CLERK_FRONTEND_API = 'clerk.flowdesk.test';

export interface TestClerk {
  /** The website's environment for this instance. */
  settings: Record<string, string>;
  /** The cookies of a signed-in browser session for `userId` on `origin`. */
  sessionCookies(userId: string, origin: string): Promise<{ name: string; value: string }[]>;
}

export async function testClerk(): Promise<TestClerk> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    settings: {
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from(`${CLERK_FRONTEND_API}$`).toString('base64')}`,
      CLERK_SECRET_KEY: 'sk_live_flowdesk_test_only_never_used_for_requests',
      CLERK_JWT_KEY: await exportSPKI(publicKey),
    },
    async sessionCookies(userId, origin) {
      const issuedAt = Math.floor(Date.now() / 1000) - 5;
      const token = await new SignJWT({ sid: `sess_${userId}`, azp: origin, v: 2 })
        .setProtectedHeader({ alg: 'RS256', kid: 'ins_flowdesk_test', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(`https://${CLERK_FRONTEND_API}`)
        .setIssuedAt(issuedAt)
        .setNotBefore(issuedAt)
        .setExpirationTime(issuedAt + 3600)
        .sign(privateKey);
      // __client_uat no later than the token's iat: the token is current, no handshake.
      return [
        { name: '__session', value: token },
        { name: '__client_uat', value: String(issuedAt) },
      ];
    },
  };
}
