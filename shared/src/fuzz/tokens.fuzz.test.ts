import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { base64url, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LICENSE_CLOCK_SKEW_SECONDS,
  LICENSE_TOKEN_TYPE,
  generateLicenseSigningKey,
  signLicenseToken,
  verifyLicenseToken,
} from '../licensing';
import type {
  Ed25519Verify,
  LicenseErrorCode,
  LicenseGrant,
  LicenseKeySet,
  LicenseSigningKey,
  VerifyLicenseOptions,
} from '../licensing';
import { mutated } from './mutations.test-support';
import { fuzzRuns, fuzzTimeout } from './runs.test-support';

/**
 * Fuzzing license verification (issue 12) with a pinned key set: arbitrary text, and real
 * tokens changed every way an attacker could (a byte flipped, segments swapped or spliced from
 * other tokens, cut short, the header rewritten to alg none / HS256 / ES256 or to carry its own
 * key, the claims changed and signed again with a key that is not pinned). Nothing but a genuine
 * token is ever accepted, by WebCrypto (desktop, website) or by the @noble/curves fallback
 * (mobile). verifier.test.ts already changes single characters; this goes further.
 *
 * Runs: every case verifies twice, asynchronously, and the pure-JS fallback costs about a
 * millisecond a signature on a 2-core machine, so these properties take half of FUZZ_RUNS
 * (1,000 by default, 25,000 under `npm run fuzz`); keys and genuine tokens are made once.
 */

const ISSUER = 'https://flowdesk.example';
const now = new Date('2026-12-01T12:00:00.000Z');
const LIFETIME = 7 * 86_400;
const LICENSE_ERRORS: LicenseErrorCode[] = [
  'LICENSE_KEYS_INVALID',
  'LICENSE_TOKEN_MALFORMED',
  'LICENSE_TOKEN_TYPE_INVALID',
  'LICENSE_KEY_UNKNOWN',
  'LICENSE_SIGNATURE_INVALID',
  'LICENSE_EXPIRED',
  'LICENSE_NOT_YET_VALID',
  'LICENSE_WRONG_ISSUER',
  'LICENSE_WRONG_AUDIENCE',
  'LICENSE_CLAIMS_INVALID',
];
const RUNS = fuzzRuns(0.5);
const timeout = fuzzTimeout(60_000);

const grants: LicenseGrant[] = [
  {
    sub: 'user_2abc',
    lic: 'lic_1',
    plan: 'pro',
    features: ['backups.sessions', 'workspaces.unlimited'],
    seats: 1,
    device: { fph: 'a'.repeat(64), aid: 'act_1' },
    checks: { interval: 86_400, grace: 14 * 86_400 },
  },
  {
    sub: 'user_9xyz',
    lic: 'lic_2',
    plan: 'enterprise',
    features: [],
    seats: 250,
    device: { fph: 'b'.repeat(64), aid: 'act_2' },
    checks: { interval: 3600, grace: 0 },
    org: { id: 'org_1', name: 'Acme' },
    policies: [{ kind: 'lock', workspaces: ['w1'] }],
  },
];

const noble: Ed25519Verify = (signature, message, publicKey) =>
  ed25519.verify(signature, message, publicKey);

let current: LicenseSigningKey;
let previous: LicenseSigningKey;
/** Same kid as the current key, another key: what a stolen kid without the key gives. */
let stranger: LicenseSigningKey;
let attacker: LicenseSigningKey;
let es256: CryptoKey;
let pinned: LicenseKeySet;
/** Genuine tokens: each grant signed with the current and with the previous key. */
let genuine: string[] = [];
/** `header.payload` of every genuine token: the only signing inputs ever to be accepted. */
let genuineInputs: Set<string>;

beforeAll(async () => {
  [current, previous, stranger, attacker] = await Promise.all([
    generateLicenseSigningKey('2026-12'),
    generateLicenseSigningKey('2026-06'),
    generateLicenseSigningKey('2026-12'),
    generateLicenseSigningKey('attacker'),
  ]);
  es256 = (await generateKeyPair('ES256')).privateKey;
  pinned = { keys: [current.publicJwk, previous.publicJwk] };
  genuine = await Promise.all(
    [current, previous].flatMap((key) =>
      grants.map((grant, index) =>
        signLicenseToken(grant, {
          key,
          issuer: ISSUER,
          lifetimeSeconds: LIFETIME,
          now,
          tokenId: `tok_${key.kid}_${index}`,
        }),
      ),
    ),
  );
  genuineInputs = new Set(genuine.map((token) => token.split('.').slice(0, 2).join('.')));
});

/** Verifies with WebCrypto and with the fallback; both answers. */
async function verifyBoth(
  token: string,
  options: Partial<VerifyLicenseOptions> = {},
): Promise<Awaited<ReturnType<typeof verifyLicenseToken>>[]> {
  const base: VerifyLicenseOptions = { keys: pinned, issuer: ISSUER, now, ...options };
  return Promise.all([
    verifyLicenseToken(token, base),
    verifyLicenseToken(token, { ...base, ed25519Verify: noble }),
  ]);
}

/** Accepted only if its signed part is a genuine token's, byte for byte. */
function expectNoForgery(token: string, results: Awaited<ReturnType<typeof verifyBoth>>): void {
  const signingInput = token.split('.').slice(0, 2).join('.');
  for (const result of results) {
    if (result.ok) {
      expect(genuineInputs.has(signingInput), `accepted a changed token: ${token}`).toBe(true);
    } else {
      expect(LICENSE_ERRORS).toContain(result.error.code);
    }
  }
}

const text = (value: unknown) => base64url.encode(JSON.stringify(value));
const bytes = (value: string) => new TextEncoder().encode(value);

/** Options an app may pass, which must never open a door. */
const verifyOptions = fc.record(
  { allowExpired: fc.boolean(), freshFromServer: fc.boolean() },
  { requiredKeys: [] },
);

/** Headers an attacker would try: other algorithms, other kids, keys of their own. */
const forgedHeader = fc
  .record(
    {
      alg: fc.constantFrom(
        'none',
        'None',
        'HS256',
        'ES256',
        'RS256',
        'EdDSA',
        'Ed25519',
        'eddsa',
        '',
      ),
      typ: fc.constantFrom(LICENSE_TOKEN_TYPE, 'JWT', 'FLOWDESK-LICENSE+JWT', undefined),
      kid: fc.constantFrom('2026-12', '2026-06', 'attacker', '../2026-12', 1, null),
      jwk: fc.constant('attacker'),
      jku: fc.constant('https://attacker.example/jwks.json'),
      crit: fc.constantFrom(['b64'], ['exp'], []),
      b64: fc.constant(false),
    },
    { requiredKeys: ['alg', 'kid'] },
  )
  .map((header) => (header.jwk === undefined ? header : { ...header, jwk: attacker.publicJwk }));

/** Claims changed the way an attacker wants them: a better plan, more seats, no expiry. */
const forgedClaims = fc
  .record(
    {
      grant: fc.nat(),
      plan: fc.constantFrom('pro', 'team', 'enterprise'),
      seats: fc.constantFrom(1, 1_000_000),
      exp: fc.constantFrom(undefined, 4_102_444_800),
      fph: fc.constantFrom('a'.repeat(64), 'c'.repeat(64)),
      iss: fc.constantFrom(ISSUER, 'https://attacker.example'),
    },
    { requiredKeys: ['grant'] },
  )
  .map(({ grant, fph, ...changes }) => {
    const base = grants[grant % grants.length]!;
    const issuedAt = Math.floor(now.getTime() / 1000);
    return {
      ...base,
      iss: ISSUER,
      aud: 'flowdesk-app',
      jti: 'tok_forged',
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + LIFETIME,
      ...(fph === undefined ? {} : { device: { ...base.device, fph } }),
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    };
  });

type Signer =
  'none' | 'genuine-signature' | 'stranger' | 'attacker' | 'hmac-x' | 'hmac-jwk' | 'es256';

async function signWith(signer: Signer, input: string, genuineToken: string): Promise<string> {
  const data = bytes(input);
  switch (signer) {
    case 'none':
      return '';
    case 'genuine-signature':
      return genuineToken.split('.')[2]!;
    case 'stranger':
    case 'attacker': {
      const key = (signer === 'stranger' ? stranger : attacker).privateKey as CryptoKey;
      return base64url.encode(new Uint8Array(await crypto.subtle.sign('Ed25519', key, data)));
    }
    case 'hmac-x':
    case 'hmac-jwk': {
      // Key confusion: the published public key used as an HMAC secret.
      const secret = new Uint8Array(
        signer === 'hmac-x'
          ? base64url.decode(current.publicJwk.x)
          : bytes(JSON.stringify(current.publicJwk)),
      );
      const key = await crypto.subtle.importKey(
        'raw',
        secret,
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      return base64url.encode(new Uint8Array(await crypto.subtle.sign('HMAC', key, data)));
    }
    case 'es256':
      return base64url.encode(
        new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, es256, data)),
      );
  }
}

/** A change to a genuine token, described so that fast-check can shrink and print it. */
const tokenChange = fc.oneof(
  fc.record({
    kind: fc.constant('character' as const),
    at: fc.nat(),
    by: fc.constantFrom(...'AQgw_-.=+/ \n!'),
  }),
  fc.record({
    kind: fc.constant('flip-bit' as const),
    segment: fc.nat({ max: 2 }),
    at: fc.nat(),
    bit: fc.nat({ max: 7 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('append' as const),
    tail: fc.constantFrom('=', '==', 'A', '.', '.x', '..', '\u0000'),
  }),
  fc.record({
    kind: fc.constant('reorder' as const),
    order: fc.constantFrom([1, 0, 2], [0, 2, 1], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 0, 2]),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    header: fc.nat(),
    payload: fc.nat(),
    signature: fc.nat(),
  }),
  fc.record({ kind: fc.constant('header' as const), header: forgedHeader }),
  fc.record({
    kind: fc.constant('resign' as const),
    header: forgedHeader,
    claims: forgedClaims,
    signer: fc.constantFrom<Signer>(
      'none',
      'genuine-signature',
      'stranger',
      'attacker',
      'hmac-x',
      'hmac-jwk',
      'es256',
    ),
  }),
);
type TokenChange = typeof tokenChange extends fc.Arbitrary<infer T> ? T : never;

async function applyChange(token: string, change: TokenChange): Promise<string> {
  const parts = token.split('.') as [string, string, string];
  switch (change.kind) {
    case 'character': {
      const at = change.at % token.length;
      return token.slice(0, at) + change.by + token.slice(at + 1);
    }
    case 'flip-bit': {
      let segment: Uint8Array;
      try {
        segment = base64url.decode(parts[change.segment] ?? '');
      } catch {
        return token; // An earlier change left this segment undecodable.
      }
      if (segment.length === 0) return token;
      const at = change.at % segment.length;
      segment[at] = (segment[at] ?? 0) ^ (1 << change.bit);
      parts[change.segment] = base64url.encode(segment);
      return parts.join('.');
    }
    case 'cut':
      return token.slice(0, change.at % token.length);
    case 'append':
      return token + change.tail;
    case 'reorder':
      return change.order.map((index) => parts[index]).join('.');
    case 'splice': {
      const pick = (index: number, part: number) =>
        genuine[index % genuine.length]!.split('.')[part];
      return [pick(change.header, 0), pick(change.payload, 1), pick(change.signature, 2)].join('.');
    }
    case 'header':
      return [text(change.header), parts[1], parts[2]].join('.');
    case 'resign': {
      const input = `${text(change.header)}.${text(change.claims)}`;
      return `${input}.${await signWith(change.signer, input, token)}`;
    }
  }
}

describe('verifyLicenseToken, fuzzed', () => {
  it('accepts every genuine token with both verifiers (a guard for the properties below)', async () => {
    for (const token of genuine) {
      for (const result of await verifyBoth(token)) expect(result.ok).toBe(true);
    }
  });

  it(
    'never accepts arbitrary text, whatever its shape',
    async () => {
      const segment = fc.oneof(
        fc.base64String({ maxLength: 80 }).map((value) => value.replace(/=+$/, '')),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('', 'e30', 'bnVsbA', 'W10'),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary', maxLength: 200 }),
            fc.tuple(segment, segment, segment).map((parts) => parts.join('.')),
            fc
              .tuple(fc.nat(), segment, segment)
              .map(([index, payload, signature]) =>
                [genuine[index % genuine.length]!.split('.')[0], payload, signature].join('.'),
              ),
          ),
          verifyOptions,
          async (token, options) => {
            const results = await verifyBoth(token, options);
            for (const result of results) {
              expect(result.ok).toBe(false);
              if (!result.ok) expect(LICENSE_ERRORS).toContain(result.error.code);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    timeout,
  );

  it(
    'never accepts a changed, spliced, re-headed or re-signed token',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(tokenChange, { minLength: 1, maxLength: 3 }),
          verifyOptions,
          async (index, changes, options) => {
            let token = genuine[index % genuine.length]!;
            for (const change of changes) token = await applyChange(token, change);
            expectNoForgery(token, await verifyBoth(token, options));
          },
        ),
        { numRuns: RUNS },
      );
    },
    timeout,
  );

  it(
    'accepts a genuine token exactly while it is valid, give or take the clock skew',
    async () => {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const skew = LICENSE_CLOCK_SKEW_SECONDS;
      const offset = fc.oneof(
        fc.integer({ min: -2 * 86_400, max: LIFETIME + 2 * 86_400 }),
        fc.constantFrom(-skew - 1, -skew, -skew + 1, LIFETIME + skew - 1, LIFETIME + skew),
      );
      await fc.assert(
        fc.asyncProperty(fc.nat(), offset, async (index, seconds) => {
          const token = genuine[index % genuine.length]!;
          const at = new Date((issuedAt + seconds) * 1000);
          const valid = seconds >= -skew && seconds < LIFETIME + skew;
          for (const result of await verifyBoth(token, { now: at })) {
            expect(result.ok ? 'ok' : result.error.code).toBe(
              valid ? 'ok' : seconds < 0 ? 'LICENSE_NOT_YET_VALID' : 'LICENSE_EXPIRED',
            );
          }
        }),
        { numRuns: RUNS },
      );
    },
    timeout,
  );

  it(
    'never accepts a token under a key set that does not pin its key',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.oneof(
            fc.anything({ maxDepth: 2 }),
            fc.constant(null).chain(() => mutated(pinned, { maxGrowth: 25 })),
          ),
          async (index, keys) => {
            const token = genuine[index % genuine.length]!;
            const key = index % genuine.length < grants.length ? current : previous;
            const results = await verifyBoth(token, { keys: keys as LicenseKeySet });
            for (const result of results) {
              if (!result.ok) {
                expect(LICENSE_ERRORS).toContain(result.error.code);
                continue;
              }
              // Accepted: the set still pins this very key under this kid.
              const set = keys as LicenseKeySet;
              expect(set.keys.some((pin) => pin.kid === key.kid && pin.x === key.publicJwk.x)).toBe(
                true,
              );
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    timeout,
  );
});
