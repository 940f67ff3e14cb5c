import { describe, expect, it } from '@jest/globals';
import { LICENSE_SECRET_KEY } from '@flowdesk/shared/licensing';
import type { SecureKeyValue } from '../platform/secure-store';
import { memorySecureStore } from '../platform/memory-secure-store.test-support';
import { licenseSecretsIn } from './license-secrets';

describe('the license’s secrets on the phone', () => {
  it('keeps them under a key secure storage accepts', async () => {
    const { store, entries } = memorySecureStore();
    const secrets = licenseSecretsIn(store);
    expect(await secrets.set(LICENSE_SECRET_KEY, '{"a":1}')).toEqual({ ok: true, value: null });
    expect([...entries.keys()]).toEqual(['flowdesk.license.credentials']);
    expect(await secrets.get(LICENSE_SECRET_KEY)).toBe('{"a":1}');
  });

  it('runs calls in the order made: a sign-out’s delete never lands after the next sign-in', async () => {
    const entries = new Map<string, string>();
    const log: string[] = [];
    // A slow delete and a fast write, as secure storage may well behave.
    const store: SecureKeyValue = {
      get: (key) => Promise.resolve(entries.get(key)),
      set: (key, value) => {
        log.push('set');
        entries.set(key, value);
        return Promise.resolve();
      },
      delete: (key) =>
        new Promise((resolve) =>
          setTimeout(() => {
            log.push('delete');
            entries.delete(key);
            resolve();
          }, 20),
        ),
    };
    const secrets = licenseSecretsIn(store);
    expect(secrets.delete(LICENSE_SECRET_KEY)).toEqual({ ok: true, value: null });
    await secrets.set(LICENSE_SECRET_KEY, 'new sign-in');
    expect(log).toEqual(['delete', 'set']);
    expect(await secrets.get(LICENSE_SECRET_KEY)).toBe('new sign-in');
  });

  it('says so when secure storage refuses, and reads a locked one as nothing stored', async () => {
    const { store, state, entries } = memorySecureStore();
    entries.set('flowdesk.license.credentials', 'kept');
    const secrets = licenseSecretsIn(store);
    state.failWrites = true;
    const refused = await secrets.set(LICENSE_SECRET_KEY, 'x');
    expect(refused.ok ? 'stored' : refused.error.code).toBe('SECRET_STORAGE_UNAVAILABLE');
    state.failReads = true;
    expect(await secrets.get(LICENSE_SECRET_KEY)).toBeUndefined();
    // Nothing was deleted for it: once readable, the sign-in is there.
    state.failReads = false;
    expect(await secrets.get(LICENSE_SECRET_KEY)).toBe('kept');
  });
});
