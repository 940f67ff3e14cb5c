import { SignJWT, decodeProtectedHeader, errors, importJWK, jwtVerify } from 'jose';
import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import { licenseKeySetSchema } from '../licensing/keys';
import type { LicenseKeySet } from '../licensing/keys';
import type { LicenseSigningKey } from '../licensing/signer';
import { policyBundleSchema } from './policy';
import type { PolicyBundle } from './policy';

/**
 * Policy bundles travel signed (decision 13): a JWS made with the website's license signing key
 * and verified by the apps against the same pinned keys, offline. A bundle that is tampered
 * with, signed by an unknown key or older than the one the app holds is refused, and the app
 * keeps its last valid policies.
 */

export const POLICY_BUNDLE_TYPE = 'flowdesk-policy+jwt';
const AUDIENCE = 'flowdesk-app';
const ALGORITHMS = ['EdDSA', 'Ed25519'];

export async function signPolicyBundle(
  bundle: PolicyBundle,
  options: { key: LicenseSigningKey; issuer: string },
): Promise<string> {
  const parsed = policyBundleSchema.parse(bundle);
  return new SignJWT({ bundle: parsed })
    .setProtectedHeader({ alg: 'EdDSA', typ: POLICY_BUNDLE_TYPE, kid: options.key.kid })
    .setIssuer(options.issuer)
    .setAudience(AUDIENCE)
    .setSubject(parsed.organizationId)
    .setIssuedAt(parsed.issuedAt)
    .sign(options.key.privateKey);
}

export interface VerifyPolicyBundleOptions {
  keys: LicenseKeySet;
  issuer: string;
  /** The organization the app's license belongs to: another's bundle is refused. */
  organizationId: string;
  /** The issue time of the bundle the app holds: an older one is a replay. */
  currentIssuedAt?: number;
}

const refused = (code: string, message: string, cause?: unknown) =>
  err(new FlowDeskError(code, message, cause === undefined ? {} : { cause }));

export async function verifyPolicyBundle(
  token: string,
  options: VerifyPolicyBundleOptions,
): Promise<Result<PolicyBundle>> {
  const keys = licenseKeySetSchema.safeParse(options.keys);
  if (!keys.success)
    return refused('POLICY_KEYS_INVALID', 'This build has no valid keys to check policies.');
  if (token.length > 262_144 || token.split('.').length !== 3) {
    return refused(
      'POLICY_BUNDLE_MALFORMED',
      'The organization’s policies arrived damaged; the previous ones stay.',
    );
  }
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch (error) {
    return refused(
      'POLICY_BUNDLE_MALFORMED',
      'The organization’s policies arrived damaged; the previous ones stay.',
      error,
    );
  }
  const pinned = keys.data.keys.find((key) => key.kid === header.kid);
  if (
    header.typ !== POLICY_BUNDLE_TYPE ||
    !pinned ||
    !header.alg ||
    !ALGORITHMS.includes(header.alg)
  ) {
    return refused(
      'POLICY_BUNDLE_UNTRUSTED',
      'The organization’s policies were not signed by Flow Desk; the previous ones stay.',
    );
  }
  let payload: unknown;
  try {
    const key = await importJWK({ kty: pinned.kty, crv: pinned.crv, x: pinned.x }, header.alg);
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ALGORITHMS,
      typ: POLICY_BUNDLE_TYPE,
      issuer: options.issuer,
      audience: AUDIENCE,
      subject: options.organizationId,
      requiredClaims: ['iss', 'aud', 'sub', 'iat'],
    }));
  } catch (error) {
    const wrongOrganization =
      error instanceof errors.JWTClaimValidationFailed && error.claim === 'sub';
    return wrongOrganization
      ? refused(
          'POLICY_BUNDLE_WRONG_ORGANIZATION',
          'These policies are for another organization.',
          error,
        )
      : refused(
          'POLICY_BUNDLE_UNTRUSTED',
          'The organization’s policies were changed after signing; the previous ones stay.',
          error,
        );
  }
  const bundle = policyBundleSchema.safeParse((payload as { bundle?: unknown }).bundle);
  if (!bundle.success || bundle.data.organizationId !== options.organizationId) {
    return refused(
      'POLICY_BUNDLE_INVALID',
      'The organization’s policies could not be read by this version: update Flow Desk.',
      bundle.success ? undefined : bundle.error,
    );
  }
  if (options.currentIssuedAt !== undefined && bundle.data.issuedAt < options.currentIssuedAt) {
    return refused(
      'POLICY_BUNDLE_STALE',
      'These policies are older than the ones in force; the newer ones stay.',
    );
  }
  return ok(bundle.data);
}
