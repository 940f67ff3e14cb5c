import { z } from 'zod';

/**
 * The license token (ARCHITECTURE.md decision 9): a JWT signed by the website with Ed25519,
 * header `typ: flowdesk-license+jwt` and `kid`. The apps verify it offline against pinned public
 * keys, so everything they act on is in these claims.
 */

export const LICENSE_TOKEN_TYPE = 'flowdesk-license+jwt';
/** Who a license token is for: the Flow Desk apps. */
export const LICENSE_AUDIENCE = 'flowdesk-app';
/** Clocks disagree a little; more than this and the token is not yet (or no longer) valid. */
export const LICENSE_CLOCK_SKEW_SECONDS = 120;

export const PLANS = ['free', 'pro', 'team', 'enterprise'] as const;
export const planSchema = z.enum(PLANS);

const shortId = z.string().min(1).max(200);

export const licenseClaimsSchema = z.object({
  iss: z.url({ protocol: /^https?$/ }),
  aud: z.union([z.literal(LICENSE_AUDIENCE), z.array(z.string()).min(1).max(10)]),
  /** The account (Clerk user id) the license belongs to. */
  sub: shortId,
  /** This token's id, for the audit trail and revocation lists. */
  jti: shortId,
  iat: z.int().min(0),
  nbf: z.int().min(0),
  exp: z.int().min(0),
  /** The license id. */
  lic: shortId,
  plan: planSchema,
  /** Feature keys the plan grants (e.g. `backups.sessions`). */
  features: z.array(z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/)).max(100),
  /** Seats of the license (1 for a personal plan). */
  seats: z.int().min(1).max(1_000_000),
  device: z.object({
    /** SHA-256 (hex) of the device's fingerprint: the token is for this device only. */
    fph: z.string().regex(/^[0-9a-f]{64}$/),
    /** The activation this device holds. */
    aid: shortId,
  }),
  /** When the app checks in again, and how long it may stay offline, in seconds. */
  checks: z.object({
    interval: z
      .int()
      .min(60)
      .max(30 * 86_400),
    grace: z
      .int()
      .min(0)
      .max(90 * 86_400),
  }),
  org: z.object({ id: shortId, name: z.string().max(200).optional() }).optional(),
  /** Signed enterprise policies, validated by the policy module (issue 10). */
  policies: z.array(z.unknown()).max(500).optional(),
});

export type Plan = z.infer<typeof planSchema>;
export type LicenseClaims = z.infer<typeof licenseClaimsSchema>;
/** What the signer is given: the registered claims are set from options. */
export type LicenseGrant = Omit<LicenseClaims, 'iss' | 'aud' | 'iat' | 'nbf' | 'exp' | 'jti'>;
