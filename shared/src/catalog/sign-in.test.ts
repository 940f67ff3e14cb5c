import { describe, expect, it } from 'vitest';
import { SIGN_IN_PROVIDERS, SIGN_IN_PROVIDER_IDS, signInOriginsFor } from './sign-in';

describe('SIGN_IN_PROVIDERS', () => {
  it('describes every provider id under its own key', () => {
    expect(Object.keys(SIGN_IN_PROVIDERS).sort()).toEqual([...SIGN_IN_PROVIDER_IDS].sort());
    for (const id of SIGN_IN_PROVIDER_IDS) {
      expect(SIGN_IN_PROVIDERS[id].id).toBe(id);
      expect(SIGN_IN_PROVIDERS[id].name).not.toBe('');
    }
  });

  it('lists exact https origins only', () => {
    for (const provider of Object.values(SIGN_IN_PROVIDERS)) {
      for (const origin of provider.origins) {
        const url = new URL(origin);
        expect(url.protocol).toBe('https:');
        expect(url.origin).toBe(origin);
      }
    }
  });

  it('knows the major providers’ sign-in pages', () => {
    expect(SIGN_IN_PROVIDERS.google.origins).toEqual(['https://accounts.google.com']);
    expect(SIGN_IN_PROVIDERS.microsoft.origins).toEqual([
      'https://login.microsoftonline.com',
      'https://login.live.com',
      'https://login.microsoft.com',
    ]);
    expect(SIGN_IN_PROVIDERS.apple.origins).toEqual(['https://appleid.apple.com']);
    expect(SIGN_IN_PROVIDERS.atlassian.origins).toContain('https://id.atlassian.com');
  });

  it('marks per-organisation providers and says where they sign in', () => {
    expect(SIGN_IN_PROVIDERS.okta).toMatchObject({ origins: [], tenantSpecific: true });
    expect(SIGN_IN_PROVIDERS.okta.note).toMatch(/okta\.com/);
    expect(SIGN_IN_PROVIDERS.google.tenantSpecific).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(SIGN_IN_PROVIDERS)).toBe(true);
    expect(Object.isFrozen(SIGN_IN_PROVIDERS.google.origins)).toBe(true);
  });
});

describe('signInOriginsFor', () => {
  it('joins the origins of several providers, each once, in order', () => {
    expect(signInOriginsFor(['bitbucket', 'atlassian', 'google'])).toEqual([
      'https://bitbucket.org',
      'https://id.atlassian.com',
      'https://auth.atlassian.com',
      'https://accounts.google.com',
    ]);
    expect(signInOriginsFor([])).toEqual([]);
    expect(signInOriginsFor(['okta'])).toEqual([]);
  });
});
