import { performance } from 'node:perf_hooks';
import { ed25519 } from '@noble/curves/ed25519.js';
import { expect, it } from 'vitest';
import {
  evaluateLicense,
  generateLicenseSigningKey,
  newLicenseRecord,
  signLicenseToken,
  verifyLicenseToken,
} from '@flowdesk/shared/licensing';
import type { LicenseKeySet } from '@flowdesk/shared/licensing';
import { writeBenchResults } from './results-file';

/**
 * Offline license checks per second (issue 12), in one run on one machine: the desktop's path
 * (jose on WebCrypto Ed25519) and the mobile app's (@noble/curves, as in Hermes), the ratio of
 * the two, and the whole state decision (verify + evaluate) the apps make on each tick.
 */

const ISSUER = 'https://flowdesk.example';
const SECONDS = 5;

/** Runs `check` back to back for `seconds`, returning checks per second and the median. */
async function rate(seconds: number, check: () => Promise<unknown>) {
  const timings: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const started = performance.now();
    await check();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return {
    checks: timings.length,
    perSecond: Math.round(timings.length / seconds),
    medianMs: Number(timings[Math.floor(timings.length / 2)]!.toFixed(3)),
  };
}

it('verifies license tokens offline: WebCrypto and the pure-JS fallback', async () => {
  const key = await generateLicenseSigningKey('k1');
  const keys: LicenseKeySet = { keys: [key.publicJwk] };
  const token = await signLicenseToken(
    {
      sub: 'user_1',
      lic: 'lic_1',
      plan: 'team',
      features: [],
      seats: 5,
      device: { fph: 'f'.repeat(64), aid: 'act_1' },
      checks: { interval: 86_400, grace: 14 * 86_400 },
    },
    { key, issuer: ISSUER, lifetimeSeconds: 15 * 86_400, tokenId: 'lt_bench' },
  );
  const webCrypto = () => verifyLicenseToken(token, { keys, issuer: ISSUER });
  const noble = () =>
    verifyLicenseToken(token, {
      keys,
      issuer: ISSUER,
      ed25519Verify: (signature, message, publicKey) =>
        ed25519.verify(signature, message, publicKey),
    });
  // Both accept the token before anything is timed.
  expect((await webCrypto()).ok).toBe(true);
  expect((await noble()).ok).toBe(true);

  const record = newLicenseRecord(Date.now());
  const webCryptoRate = await rate(SECONDS, webCrypto);
  const nobleRate = await rate(SECONDS, noble);
  const decisionRate = await rate(SECONDS, async () => {
    const verified = await webCrypto();
    return evaluateLicense(verified.ok ? verified.value : undefined, record, Date.now());
  });
  writeBenchResults('license-verify', {
    seconds: SECONDS,
    webCrypto: webCryptoRate,
    noble: nobleRate,
    nobleOfWebCrypto: Number((nobleRate.perSecond / webCryptoRate.perSecond).toFixed(2)),
    verifyAndEvaluate: decisionRate,
  });
  // An app checks once per tick (10 minutes): even the slower path must take well under 50 ms.
  expect(nobleRate.medianMs).toBeLessThan(50);
});
