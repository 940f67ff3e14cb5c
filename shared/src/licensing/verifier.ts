import { base64url, decodeJwt, decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import {
  LICENSE_AUDIENCE,
  LICENSE_CLOCK_SKEW_SECONDS,
  LICENSE_TOKEN_TYPE,
  licenseClaimsSchema,
} from './claims';
import type { LicenseClaims } from './claims';
import { licenseKeySetSchema } from './keys';
import type { LicenseKeySet } from './keys';

/**
 * Verifies a license token offline (decision 9): EdDSA only, the `typ`, issuer and audience
 * checked, the key chosen by `kid` among the pinned ones (never from the token itself), a small
 * clock-skew allowance. Used by the desktop and mobile apps and by the website's own tests.
 */

export interface VerifyLicenseOptions {
  /** The pinned public keys (a build's, or the local website's JWKS in development). */
  keys: LicenseKeySet;
  /** The website that signs licenses, e.g. https://flowdesk.app. */
  issuer: string;
  audience?: string;
  /** The time to check against; the app passes its rollback-aware clock. */
  now?: Date;
  clockSkewSeconds?: number;
  /**
   * Accept a token past its `exp` (everything else still checked): the apps' license state
   * machine decides what an expired license means, and keeps showing which plan it was.
   */
  allowExpired?: boolean;
  /**
   * The token was just received from the website: a computer clock behind the server's must not
   * make it "not yet valid", so its issue time counts as now when that is later.
   */
  freshFromServer?: boolean;
  /**
   * Ed25519 signature checking for platforms whose WebCrypto has none (React Native's Hermes):
   * the mobile app passes @noble/curves' `ed25519.verify`. Everything else is checked as with
   * WebCrypto, and the two paths are tested to agree.
   */
  ed25519Verify?: Ed25519Verify;
}

/** (signature, message, public key) → whether the signature is valid. */
export type Ed25519Verify = (
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
) => boolean;

export type LicenseErrorCode =
  | 'LICENSE_KEYS_INVALID'
  | 'LICENSE_TOKEN_MALFORMED'
  | 'LICENSE_TOKEN_TYPE_INVALID'
  | 'LICENSE_KEY_UNKNOWN'
  | 'LICENSE_SIGNATURE_INVALID'
  | 'LICENSE_EXPIRED'
  | 'LICENSE_NOT_YET_VALID'
  | 'LICENSE_WRONG_ISSUER'
  | 'LICENSE_WRONG_AUDIENCE'
  | 'LICENSE_CLAIMS_INVALID';

const MESSAGES: Record<LicenseErrorCode, string> = {
  LICENSE_KEYS_INVALID:
    'This build of Flow Desk has no valid license keys. Install Flow Desk again from the website.',
  LICENSE_TOKEN_MALFORMED: 'The stored license is damaged. Sign in again to get a new one.',
  LICENSE_TOKEN_TYPE_INVALID: 'This is not a Flow Desk license. Sign in again to get one.',
  LICENSE_KEY_UNKNOWN:
    'This license was signed with a key this version of Flow Desk does not know. Update Flow Desk, then sign in again.',
  LICENSE_SIGNATURE_INVALID:
    'The license’s signature does not match: it was changed or not issued by Flow Desk. Sign in again.',
  LICENSE_EXPIRED: 'The license has expired. Connect to the internet so Flow Desk can renew it.',
  LICENSE_NOT_YET_VALID:
    'The license is not valid yet: this computer’s clock may be wrong. Check the date and time.',
  LICENSE_WRONG_ISSUER: 'This license was issued by another server. Sign in again.',
  LICENSE_WRONG_AUDIENCE: 'This license is not for the Flow Desk app. Sign in again.',
  LICENSE_CLAIMS_INVALID:
    'The license does not hold what Flow Desk needs. Update Flow Desk, then sign in again.',
};

export function licenseError(code: LicenseErrorCode, cause?: unknown): FlowDeskError {
  return new FlowDeskError(code, MESSAGES[code], cause === undefined ? {} : { cause });
}

const ALGORITHMS = ['EdDSA', 'Ed25519'];

export async function verifyLicenseToken(
  token: string,
  options: VerifyLicenseOptions,
): Promise<Result<LicenseClaims>> {
  const keys = licenseKeySetSchema.safeParse(options.keys);
  if (!keys.success) return err(licenseError('LICENSE_KEYS_INVALID', keys.error));
  if (token.length > 16_384 || token.split('.').length !== 3) {
    return err(licenseError('LICENSE_TOKEN_MALFORMED'));
  }

  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch (error) {
    return err(licenseError('LICENSE_TOKEN_MALFORMED', error));
  }
  if (header.typ !== LICENSE_TOKEN_TYPE) return err(licenseError('LICENSE_TOKEN_TYPE_INVALID'));
  // The key comes from the pinned set by kid; a key inside the token (jwk, jku, x5u) is ignored.
  const pinned = keys.data.keys.find((key) => key.kid === header.kid);
  if (!pinned) return err(licenseError('LICENSE_KEY_UNKNOWN'));
  if (!header.alg || !ALGORITHMS.includes(header.alg)) {
    return err(licenseError('LICENSE_SIGNATURE_INVALID'));
  }

  let currentDate = options.now;
  if (options.allowExpired || options.freshFromServer) {
    try {
      const { exp, iat } = decodeJwt(token);
      let now = (options.now ?? new Date()).getTime();
      if (options.freshFromServer && typeof iat === 'number') now = Math.max(now, iat * 1000);
      if (options.allowExpired && typeof exp === 'number') now = Math.min(now, (exp - 1) * 1000);
      currentDate = new Date(now);
    } catch (error) {
      return err(licenseError('LICENSE_TOKEN_MALFORMED', error));
    }
  }

  const clockTolerance = options.clockSkewSeconds ?? LICENSE_CLOCK_SKEW_SECONDS;
  if (options.ed25519Verify) {
    const checked = verifyWithEd25519(token, pinned.x, options.ed25519Verify, {
      issuer: options.issuer,
      audience: options.audience ?? LICENSE_AUDIENCE,
      now: currentDate ?? new Date(),
      clockTolerance,
    });
    if (!checked.ok) return checked;
    const claims = licenseClaimsSchema.safeParse(checked.value);
    if (!claims.success) return err(licenseError('LICENSE_CLAIMS_INVALID', claims.error));
    return ok(claims.data);
  }

  let payload: unknown;
  try {
    const key = await importJWK({ kty: pinned.kty, crv: pinned.crv, x: pinned.x }, header.alg);
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ALGORITHMS,
      typ: LICENSE_TOKEN_TYPE,
      issuer: options.issuer,
      audience: options.audience ?? LICENSE_AUDIENCE,
      clockTolerance,
      requiredClaims: ['iss', 'aud', 'sub', 'jti', 'iat', 'nbf', 'exp'],
      ...(currentDate ? { currentDate } : {}),
    }));
  } catch (error) {
    return err(licenseError(codeFor(error), error));
  }
  const claims = licenseClaimsSchema.safeParse(payload);
  if (!claims.success) return err(licenseError('LICENSE_CLAIMS_INVALID', claims.error));
  return ok(claims.data);
}

const REQUIRED_CLAIMS = ['iss', 'aud', 'sub', 'jti', 'iat', 'nbf', 'exp'] as const;

/**
 * The same checks jwtVerify makes, for the Ed25519 fallback: the signature over
 * `header.payload`, then the registered claims with the same clock tolerance.
 */
function verifyWithEd25519(
  token: string,
  publicKeyX: string,
  verify: Ed25519Verify,
  expected: { issuer: string; audience: string; now: Date; clockTolerance: number },
): Result<Record<string, unknown>> {
  const [header, body, signature] = token.split('.') as [string, string, string];
  let valid: boolean;
  try {
    valid = verify(
      base64url.decode(signature),
      new TextEncoder().encode(`${header}.${body}`),
      base64url.decode(publicKeyX),
    );
  } catch (error) {
    return err(licenseError('LICENSE_SIGNATURE_INVALID', error));
  }
  if (!valid) return err(licenseError('LICENSE_SIGNATURE_INVALID'));
  let payload: Record<string, unknown>;
  try {
    payload = decodeJwt(token);
  } catch (error) {
    return err(licenseError('LICENSE_TOKEN_MALFORMED', error));
  }
  if (REQUIRED_CLAIMS.some((claim) => payload[claim] === undefined)) {
    return err(licenseError('LICENSE_CLAIMS_INVALID'));
  }
  const { iss, aud, nbf, exp, iat } = payload;
  if (typeof nbf !== 'number' || typeof exp !== 'number' || typeof iat !== 'number') {
    return err(licenseError('LICENSE_CLAIMS_INVALID'));
  }
  if (iss !== expected.issuer) return err(licenseError('LICENSE_WRONG_ISSUER'));
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(expected.audience)) return err(licenseError('LICENSE_WRONG_AUDIENCE'));
  const now = Math.floor(expected.now.getTime() / 1000);
  if (nbf > now + expected.clockTolerance) return err(licenseError('LICENSE_NOT_YET_VALID'));
  if (exp <= now - expected.clockTolerance) return err(licenseError('LICENSE_EXPIRED'));
  return ok(payload);
}

function codeFor(error: unknown): LicenseErrorCode {
  if (error instanceof errors.JWTExpired) return 'LICENSE_EXPIRED';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf' || error.claim === 'iat') return 'LICENSE_NOT_YET_VALID';
    if (error.claim === 'iss') return 'LICENSE_WRONG_ISSUER';
    if (error.claim === 'aud') return 'LICENSE_WRONG_AUDIENCE';
    if (error.claim === 'typ') return 'LICENSE_TOKEN_TYPE_INVALID';
    return 'LICENSE_CLAIMS_INVALID';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'LICENSE_SIGNATURE_INVALID';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'LICENSE_SIGNATURE_INVALID';
  return 'LICENSE_TOKEN_MALFORMED';
}
