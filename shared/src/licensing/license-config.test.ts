import { describe, expect, it } from 'vitest';
import { PRODUCTION_SITE_URL, licenseConfigFrom } from './license-config';

const jwks = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k1', alg: 'EdDSA', use: 'sig' }],
});

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
