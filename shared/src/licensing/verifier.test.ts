import fc from 'fast-check';
import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { LICENSE_TOKEN_TYPE } from './claims';
import type { LicenseGrant } from './claims';
import type { LicenseKeySet } from './keys';
import { generateLicenseSigningKey, importLicenseSigningKey, signLicenseToken } from './signer';
import type { LicenseSigningKey } from './signer';
import { ed25519 } from '@noble/curves/ed25519.js';
import { verifyLicenseToken as verifyWithWebCrypto } from './verifier';
import type { Ed25519Verify, VerifyLicenseOptions } from './verifier';

const ISSUER = 'https://flowdesk.example';

/**
 * Every test runs twice: with WebCrypto's Ed25519 (desktop, website) and with the pure-JS
 * fallback the mobile app uses; both must answer the same, token for token.
 */
let fallback: Ed25519Verify | undefined;
const verifyLicenseToken = (token: string, options: VerifyLicenseOptions) =>
  verifyWithWebCrypto(token, fallback ? { ...options, ed25519Verify: fallback } : options);
const now = new Date('2026-12-01T12:00:00.000Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const grant: LicenseGrant = {
  sub: 'user_2abc',
  lic: 'lic_1',
  plan: 'pro',
  features: ['backups.sessions', 'workspaces.unlimited'],
  seats: 1,
  device: { fph: 'a'.repeat(64), aid: 'act_1' },
  checks: { interval: 86_400, grace: 14 * 86_400 },
};

let current: LicenseSigningKey;
let previous: LicenseSigningKey;
let stranger: LicenseSigningKey;

beforeAll(async () => {
  current = await generateLicenseSigningKey('2026-12');
  previous = await generateLicenseSigningKey('2026-06');
  stranger = await generateLicenseSigningKey('2026-12');
});

const pinned = () => ({ keys: [current.publicJwk, previous.publicJwk] });
const sign = (key = current, at = now, lifetimeSeconds = 7 * 86_400) =>
  signLicenseToken(grant, { key, issuer: ISSUER, lifetimeSeconds, now: at, tokenId: 'tok_1' });
const verify = (token: string, at = now, options: { issuer?: string; audience?: string } = {}) =>
  verifyLicenseToken(token, { keys: pinned(), issuer: ISSUER, now: at, ...options });
const codeOf = async (token: string, at = now, options = {}) => {
  const result = await verify(token, at, options);
  return result.ok ? 'ok' : result.error.code;
};

describe.each([
  ['WebCrypto', undefined],
  [
    'the @noble/curves fallback',
    (signature: Uint8Array, message: Uint8Array, key: Uint8Array) =>
      ed25519.verify(signature, message, key),
  ],
])('license tokens, Ed25519 by %s', (_name, verifier: Ed25519Verify | undefined) => {
  beforeAll(() => {
    fallback = verifier;
  });

  it('verifies a token signed with a pinned key, current or rotated out', async () => {
    const result = await verify(await sign());
    expect(result).toMatchObject({
      ok: true,
      value: { ...grant, iss: ISSUER, aud: 'flowdesk-app', jti: 'tok_1', iat: seconds(now) },
    });
    // A key rotated out stays verifiable while it is pinned.
    expect(await codeOf(await sign(previous))).toBe('ok');
  });

  it('refuses an expired or not-yet-valid token, allowing two minutes of clock skew', async () => {
    const token = await sign(current, now, 3600);
    expect(await codeOf(token, new Date(now.getTime() + 3600_000 + 60_000))).toBe('ok');
    expect(await codeOf(token, new Date(now.getTime() + 3600_000 + 180_000))).toBe(
      'LICENSE_EXPIRED',
    );
    expect(await codeOf(token, new Date(now.getTime() - 60_000))).toBe('ok');
    expect(await codeOf(token, new Date(now.getTime() - 180_000))).toBe('LICENSE_NOT_YET_VALID');
  });

  it('accepts an expired token only when asked, still checking its signature', async () => {
    const token = await sign(current, now, 3600);
    const later = new Date(now.getTime() + 30 * 86_400_000);
    const allowed = await verifyLicenseToken(token, {
      keys: pinned(),
      issuer: ISSUER,
      now: later,
      allowExpired: true,
    });
    expect(allowed).toMatchObject({ ok: true, value: { plan: 'pro', exp: seconds(now) + 3600 } });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const forged = await verifyLicenseToken(flipped, {
      keys: pinned(),
      issuer: ISSUER,
      now: later,
      allowExpired: true,
    });
    expect(forged.ok ? 'ok' : forged.error.code).toBe('LICENSE_SIGNATURE_INVALID');
    const garbage = await verifyLicenseToken(`${header}.!!!.${signature}`, {
      keys: pinned(),
      issuer: ISSUER,
      allowExpired: true,
    });
    expect(garbage.ok ? 'ok' : garbage.error.code).toBe('LICENSE_TOKEN_MALFORMED');
  });

  it('takes a fresh token from a server whose clock is ahead, and only a fresh one', async () => {
    const token = await sign(current, now);
    const anHourBehind = new Date(now.getTime() - 3_600_000);
    expect(await codeOf(token, anHourBehind)).toBe('LICENSE_NOT_YET_VALID');
    const fresh = await verifyLicenseToken(token, {
      keys: pinned(),
      issuer: ISSUER,
      now: anHourBehind,
      freshFromServer: true,
    });
    expect(fresh.ok).toBe(true);
  });

  it('refuses a token signed by an unknown key, even under a pinned kid', async () => {
    expect(await codeOf(await sign(await generateLicenseSigningKey('other')))).toBe(
      'LICENSE_KEY_UNKNOWN',
    );
    // Same kid as the current key, different key: the signature does not match.
    expect(await codeOf(await sign(stranger))).toBe('LICENSE_SIGNATURE_INVALID');
  });

  it('refuses the wrong issuer, audience or type, and alg none', async () => {
    const token = await sign();
    expect(await codeOf(token, now, { issuer: 'https://evil.example' })).toBe(
      'LICENSE_WRONG_ISSUER',
    );
    expect(await codeOf(token, now, { audience: 'another-app' })).toBe('LICENSE_WRONG_AUDIENCE');

    const plainJwt = await new SignJWT({ ...grant })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: current.kid })
      .setIssuer(ISSUER)
      .setAudience('flowdesk-app')
      .setIssuedAt(seconds(now))
      .setExpirationTime(seconds(now) + 60)
      .sign(current.privateKey);
    expect(await codeOf(plainJwt)).toBe('LICENSE_TOKEN_TYPE_INVALID');

    const header = Buffer.from(
      JSON.stringify({ alg: 'none', typ: LICENSE_TOKEN_TYPE, kid: current.kid }),
    ).toString('base64url');
    const body = token.split('.')[1];
    expect(await codeOf(`${header}.${body}.`)).toBe('LICENSE_SIGNATURE_INVALID');
  });

  it('refuses a token signed with another algorithm under a pinned kid', async () => {
    /** A token with every claim right, signed with `alg` and `key` under the pinned kid. */
    const forge = (alg: string, key: Parameters<SignJWT['sign']>[0]) =>
      new SignJWT({ ...grant })
        .setProtectedHeader({ alg, typ: LICENSE_TOKEN_TYPE, kid: current.kid })
        .setIssuer(ISSUER)
        .setAudience('flowdesk-app')
        .setSubject(grant.sub)
        .setJti('x')
        .setIssuedAt(seconds(now))
        .setNotBefore(seconds(now))
        .setExpirationTime(seconds(now) + 60)
        .sign(key);
    const { privateKey } = await generateKeyPair('ES256');
    expect(await codeOf(await forge('ES256', privateKey))).toBe('LICENSE_SIGNATURE_INVALID');
    // Key confusion: HS256 with the published public key as the shared secret.
    for (const secret of [
      Buffer.from(current.publicJwk.x, 'base64url'),
      new TextEncoder().encode(JSON.stringify(current.publicJwk)),
    ]) {
      expect(await codeOf(await forge('HS256', secret))).toBe('LICENSE_SIGNATURE_INVALID');
    }
  });

  it('refuses a token whose claims miss what the app needs', async () => {
    const partial = await new SignJWT({ sub: 'user_1', plan: 'pro' })
      .setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE, kid: current.kid })
      .setIssuer(ISSUER)
      .setAudience('flowdesk-app')
      .setJti('x')
      .setIssuedAt(seconds(now))
      .setNotBefore(seconds(now))
      .setExpirationTime(seconds(now) + 60)
      .sign(current.privateKey);
    expect(await codeOf(partial)).toBe('LICENSE_CLAIMS_INVALID');
  });

  it('refuses registered claims that are missing or of the wrong kind', async () => {
    const build = (claims: Record<string, unknown>) =>
      new SignJWT({ ...grant, ...claims })
        .setProtectedHeader({ alg: 'EdDSA', typ: LICENSE_TOKEN_TYPE, kid: current.kid })
        .sign(current.privateKey);
    const base = {
      iss: ISSUER,
      aud: 'flowdesk-app',
      jti: 'x',
      iat: seconds(now),
      nbf: seconds(now),
      exp: seconds(now) + 60,
    };
    expect(await codeOf(await build(base))).toBe('ok');
    expect(await codeOf(await build({ ...base, aud: ['other', 'flowdesk-app'] }))).toBe('ok');
    expect(await codeOf(await build({ ...base, jti: undefined }))).toBe('LICENSE_CLAIMS_INVALID');
    expect(await codeOf(await build({ ...base, exp: 'later' }))).toBe('LICENSE_CLAIMS_INVALID');
  });

  it('never accepts a changed token, whatever character changes', async () => {
    const token = await sign();
    // The last base64url character of a segment carries spare bits: a change there that
    // decodes to the same bytes is the same token, not a changed one.
    const bytesOf = (jwt: string) =>
      jwt.split('.').map((part) => Buffer.from(part, 'base64url').toString('hex'));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: token.length - 1 }),
        fc.constantFrom(...'ABCDEFabcdef0123456789-_.'),
        async (index, replacement) => {
          if (token[index] === replacement) return true;
          const changed = token.slice(0, index) + replacement + token.slice(index + 1);
          const same = bytesOf(changed).join('.') === bytesOf(token).join('.');
          return (await verify(changed)).ok === same;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses garbage, and key sets holding a private key or no keys', async () => {
    for (const garbage of ['', 'a.b', 'a.b.c', 'x'.repeat(20_000), '..']) {
      expect(await codeOf(garbage)).toBe('LICENSE_TOKEN_MALFORMED');
    }
    const token = await sign();
    const withPrivate = { keys: [{ ...current.publicJwk, d: 'c2VjcmV0' }] };
    // Key sets may come from configuration files: the verifier checks them again.
    for (const keys of [withPrivate, { keys: [] }] as unknown as LicenseKeySet[]) {
      const result = await verifyLicenseToken(token, { keys, issuer: ISSUER, now });
      expect(!result.ok && result.error.code).toBe('LICENSE_KEYS_INVALID');
    }
  });

  it('imports a PKCS#8 signing key (LICENSE_SIGNING_KEY) and signs verifiable tokens', async () => {
    const { exportPKCS8 } = await import('jose');
    const pem = await exportPKCS8(current.privateKey);
    const imported = await importLicenseSigningKey(pem, current.kid);
    expect(imported.publicJwk.x).toBe(current.publicJwk.x);
    expect(await codeOf(await sign(imported))).toBe('ok');
  });
});

describe('the Ed25519 fallback', () => {
  it('treats a verifier that throws (a malformed signature) as a bad signature', async () => {
    const result = await verifyWithWebCrypto(await sign(), {
      keys: pinned(),
      issuer: ISSUER,
      now,
      ed25519Verify: () => {
        throw new Error('signature of the wrong length');
      },
    });
    expect(!result.ok && result.error.code).toBe('LICENSE_SIGNATURE_INVALID');
  });
});
