import { beforeAll, describe, expect, it } from 'vitest';
import { generateLicenseSigningKey, signLicenseToken } from '../licensing/signer';
import type { LicenseSigningKey } from '../licensing/signer';
import { signPolicyBundle, verifyPolicyBundle } from './bundle-token';
import type { PolicyBundle } from './policy';

const ISSUER = 'https://flowdesk.example';
let key: LicenseSigningKey;
let stranger: LicenseSigningKey;
beforeAll(async () => {
  key = await generateLicenseSigningKey('2026-12');
  stranger = await generateLicenseSigningKey('2026-12');
});

const bundle = (issuedAt = 1_764_000_000): PolicyBundle => ({
  organizationId: 'org_acme',
  issuedAt,
  policies: [
    {
      id: 'approved',
      name: 'Approved apps',
      type: 'access',
      enforcement: 'strict',
      version: 2,
      rules: [{ kind: 'blocked-service-types', types: ['discord'] }],
    },
  ],
});
const verify = (token: string, extra: { organizationId?: string; currentIssuedAt?: number } = {}) =>
  verifyPolicyBundle(token, {
    keys: { keys: [key.publicJwk] },
    issuer: ISSUER,
    organizationId: 'org_acme',
    ...extra,
  });
const codeOf = async (token: string, extra = {}) => {
  const result = await verify(token, extra);
  return result.ok ? 'ok' : result.error.code;
};

describe('signed policy bundles', () => {
  it('verify offline against the pinned keys, and give back the policies', async () => {
    const token = await signPolicyBundle(bundle(), { key, issuer: ISSUER });
    const result = await verify(token);
    expect(result).toEqual({ ok: true, value: bundle() });
  });

  it('refuse a tampered, foreign-signed, mistyped or malformed bundle', async () => {
    const token = await signPolicyBundle(bundle(), { key, issuer: ISSUER });
    const [header, payload, signature] = token.split('.');
    const loosened = Buffer.from(payload!, 'base64url').toString().replace('"strict"', '"audit"');
    expect(
      await codeOf(`${header}.${Buffer.from(loosened).toString('base64url')}.${signature}`),
    ).toBe('POLICY_BUNDLE_UNTRUSTED');
    expect(await codeOf(await signPolicyBundle(bundle(), { key: stranger, issuer: ISSUER }))).toBe(
      'POLICY_BUNDLE_UNTRUSTED',
    );
    // A license token is not a policy bundle, even signed by the same key.
    const license = await signLicenseToken(
      {
        sub: 'user_1',
        lic: 'lic_1',
        plan: 'team',
        features: [],
        seats: 5,
        device: { fph: 'f'.repeat(64), aid: 'act_1' },
        checks: { interval: 86_400, grace: 14 * 86_400 },
      },
      { key, issuer: ISSUER, lifetimeSeconds: 3600, tokenId: 't1' },
    );
    expect(await codeOf(license)).toBe('POLICY_BUNDLE_UNTRUSTED');
    expect(await codeOf('not.a.token')).toBe('POLICY_BUNDLE_MALFORMED');
    expect(await codeOf('two.parts')).toBe('POLICY_BUNDLE_MALFORMED');
    expect(
      await codeOf(await signPolicyBundle(bundle(), { key, issuer: 'https://other.example' })),
    ).toBe('POLICY_BUNDLE_UNTRUSTED');
  });

  it('refuse another organization’s bundle, and an older one than the app holds', async () => {
    const token = await signPolicyBundle(bundle(1_764_000_000), { key, issuer: ISSUER });
    expect(await codeOf(token, { organizationId: 'org_other' })).toBe(
      'POLICY_BUNDLE_WRONG_ORGANIZATION',
    );
    expect(await codeOf(token, { currentIssuedAt: 1_764_000_001 })).toBe('POLICY_BUNDLE_STALE');
    expect(await codeOf(token, { currentIssuedAt: 1_764_000_000 })).toBe('ok');
    const broken = await verifyPolicyBundle(token, {
      keys: { keys: [] },
      issuer: ISSUER,
      organizationId: 'org_acme',
    });
    expect(!broken.ok && broken.error.code).toBe('POLICY_KEYS_INVALID');
  });
});
