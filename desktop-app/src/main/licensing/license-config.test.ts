import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deviceFingerprintHash } from './device-identity';
import { PRODUCTION_SITE_URL, licenseConfigFrom } from './license-config';

const jwks = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k1', alg: 'EdDSA', use: 'sig' }],
});
const folder = mkdtempSync(join(tmpdir(), 'flowdesk-device-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('where the license keys come from', () => {
  it('uses the keys pinned in a release build and the production website', () => {
    expect(licenseConfigFrom({ pinnedKeys: jwks, isPackaged: true, env: {} })).toMatchObject({
      kind: 'pinned',
      siteUrl: PRODUCTION_SITE_URL,
      keys: { keys: [{ kid: 'k1' }] },
    });
  });

  it('trusts a local website only in development, only on this computer, only when asked', () => {
    expect(
      licenseConfigFrom({
        pinnedKeys: '',
        isPackaged: false,
        env: { FLOWDESK_DEV_LICENSE_SITE: 'http://localhost:3000/x' },
      }),
    ).toEqual({ kind: 'local-development', siteUrl: 'http://localhost:3000' });
    // A packaged app ignores the variable: its pinned keys decide.
    expect(
      licenseConfigFrom({
        pinnedKeys: jwks,
        isPackaged: true,
        env: { FLOWDESK_DEV_LICENSE_SITE: 'http://localhost:3000' },
      }).kind,
    ).toBe('pinned');
    for (const site of ['https://evil.example', 'http://192.168.1.5:3000', 'not a url']) {
      expect(
        licenseConfigFrom({
          pinnedKeys: '',
          isPackaged: false,
          env: { FLOWDESK_DEV_LICENSE_SITE: site },
        }).kind,
      ).toBe('off');
    }
  });

  it('is off, saying why, with no keys or broken ones', () => {
    expect(licenseConfigFrom({ pinnedKeys: '', isPackaged: true, env: {} })).toMatchObject({
      kind: 'off',
    });
    expect(
      licenseConfigFrom({ pinnedKeys: '{"keys":[]}', isPackaged: true, env: {} }),
    ).toMatchObject({
      kind: 'off',
      reason: expect.stringContaining('not a valid key set') as string,
    });
    expect(licenseConfigFrom({ pinnedKeys: '{', isPackaged: true, env: {} }).kind).toBe('off');
  });
});

describe('the device identity', () => {
  it('is made once, kept, and only its hash is used', () => {
    const path = join(folder, 'device-id');
    const first = deviceFingerprintHash(path);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceFingerprintHash(path)).toBe(first);
    expect(readFileSync(path, 'utf8')).not.toContain(first);
    writeFileSync(path, 'damaged');
    expect(deviceFingerprintHash(path)).not.toBe(first);
    // A folder that does not exist yet is made; one that cannot be still gives an identity.
    expect(deviceFingerprintHash(join(folder, 'new', 'device-id'))).toMatch(/^[0-9a-f]{64}$/);
    expect(deviceFingerprintHash(join(path, 'inside-a-file', 'device-id'))).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});
