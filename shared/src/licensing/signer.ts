import { SignJWT, exportJWK, generateKeyPair, importPKCS8 } from 'jose';
import type { CryptoKey, KeyObject } from 'jose';
import { LICENSE_AUDIENCE, LICENSE_TOKEN_TYPE, licenseClaimsSchema } from './claims';
import type { LicenseGrant } from './claims';
import { licensePublicKeySchema } from './keys';
import type { LicensePublicKey } from './keys';

/**
 * The signing side of license tokens, used by the website (and by tests that need real tokens).
 * The apps never hold a private key; they only verify (verifier.ts).
 */

export interface LicenseSigningKey {
  kid: string;
  privateKey: CryptoKey | KeyObject;
  publicJwk: LicensePublicKey;
}

export interface SignLicenseOptions {
  key: LicenseSigningKey;
  issuer: string;
  /** Seconds the token is valid for; the app refreshes long before. */
  lifetimeSeconds: number;
  now?: Date;
  tokenId: string;
}

export async function signLicenseToken(
  grant: LicenseGrant,
  options: SignLicenseOptions,
): Promise<string> {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims = licenseClaimsSchema.parse({
    ...grant,
    iss: options.issuer,
    aud: LICENSE_AUDIENCE,
    jti: options.tokenId,
    iat: issuedAt,
    nbf: issuedAt,
    exp: issuedAt + options.lifetimeSeconds,
  });
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE, kid: options.key.kid })
    .sign(options.key.privateKey);
}

/** A new Ed25519 key pair (the embedded website's first start, rotations, tests). */
export async function generateLicenseSigningKey(kid: string): Promise<LicenseSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', {
    crv: 'Ed25519',
    extractable: true,
  });
  return { kid, privateKey, publicJwk: await publicJwkOf(publicKey, kid) };
}

/** A signing key from PKCS#8 PEM (`LICENSE_SIGNING_KEY`), with its public half. */
export async function importLicenseSigningKey(
  pkcs8Pem: string,
  kid: string,
): Promise<LicenseSigningKey> {
  const privateKey = await importPKCS8(pkcs8Pem, 'EdDSA', { extractable: true });
  return { kid, privateKey, publicJwk: await publicJwkOf(privateKey, kid) };
}

/** The public half as a JWK: only the curve and x are taken, whatever key is given. */
async function publicJwkOf(key: CryptoKey | KeyObject, kid: string) {
  const { kty, crv, x } = await exportJWK(key);
  return licensePublicKeySchema.parse({ kty, crv, x, kid, alg: 'EdDSA', use: 'sig' });
}
