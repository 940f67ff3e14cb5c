import { z } from 'zod';

/**
 * The website's public signing keys, as published at `/.well-known/flowdesk/jwks.json` and
 * pinned in app builds. Only Ed25519 public keys with a `kid` are accepted: a private key (`d`)
 * in a key set is refused, so a leaked signing key is never shipped by mistake.
 */

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/);

export const licensePublicKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  /** The 32-byte public key, base64url (43 characters). */
  x: base64url.length(43),
  kid: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  alg: z.enum(['EdDSA', 'Ed25519']).optional(),
  use: z.literal('sig').optional(),
  d: z.never('A private key does not belong in a public key set.').optional(),
});

export const licenseKeySetSchema = z
  .object({ keys: z.array(licensePublicKeySchema).min(1).max(20) })
  .refine(
    (set) => new Set(set.keys.map((key) => key.kid)).size === set.keys.length,
    'Two keys share a kid.',
  );

export type LicensePublicKey = z.infer<typeof licensePublicKeySchema>;
export type LicenseKeySet = z.infer<typeof licenseKeySetSchema>;
