import { describe, expect, it } from 'vitest';
import { memorySecretStore } from './memory-secrets.test-support';
import { SecretStore, deviceKeysIn, proxySecretKey } from './secret-store';
import type { SecretCipher } from './secret-store';

const reversing: SecretCipher = {
  available: () => Promise.resolve(true),
  encrypt: (text) => Promise.resolve(new TextEncoder().encode(text).reverse()),
  decrypt: (data) =>
    Promise.resolve({
      text: new TextDecoder().decode(Uint8Array.from(data).reverse()),
      shouldReEncrypt: false,
    }),
};

describe('SecretStore', () => {
  it('keeps secrets encrypted in its file and reads them back after a restart', async () => {
    const { store, file } = memorySecretStore();
    expect(await store.set(proxySecretKey('s1'), 'pässwörd ✓')).toEqual({ ok: true, value: null });
    expect(file.text).toBeDefined();
    expect(file.text).not.toContain('pässwörd');
    const reopened = new SecretStore({ read: () => file.text, write: () => undefined }, reversing);
    expect(reopened.damaged).toBe(false);
    expect(reopened.has('proxy:s1')).toBe(true);
    expect(await reopened.get('proxy:s1')).toBe('pässwörd ✓');
    expect(await reopened.get('proxy:nope')).toBeUndefined();
  });

  it('refuses to keep a secret without a keyring, and says what to do', async () => {
    const { store, file } = memorySecretStore({ available: false });
    const result = await store.set('proxy:s1', 'x');
    expect(!result.ok && result.error.code).toBe('SECRET_STORAGE_UNAVAILABLE');
    expect(!result.ok && result.error.message).toMatch(/GNOME Keyring or KWallet/);
    expect(file.text).toBeUndefined();
  });

  it('reports a cipher or disk failure as an error, not a crash', async () => {
    const failing = new SecretStore(
      { read: () => undefined, write: () => undefined },
      { ...reversing, encrypt: () => Promise.reject(new Error('locked')) },
    );
    const refused = await failing.set('proxy:s1', 'x');
    expect(!refused.ok && refused.error.code).toBe('SECRET_ENCRYPTION_FAILED');

    const diskFull = new SecretStore(
      {
        read: () => undefined,
        write: () => {
          throw new Error('ENOSPC');
        },
      },
      reversing,
    );
    const unsaved = await diskFull.set('proxy:s1', 'x');
    expect(!unsaved.ok && unsaved.error.code).toBe('SECRET_NOT_SAVED');
  });

  it('gives nothing for a secret the keyring can no longer decrypt', async () => {
    const { store, file } = memorySecretStore();
    await store.set('proxy:s1', 'x');
    const otherKeyring = new SecretStore(
      { read: () => file.text, write: () => undefined },
      { ...reversing, decrypt: () => Promise.reject(new Error('bad key')) },
    );
    expect(await otherKeyring.get('proxy:s1')).toBeUndefined();
  });

  it('re-encrypts a secret when the keyring rotated its key', async () => {
    const { store, file } = memorySecretStore();
    await store.set('proxy:s1', 'secret');
    let encryptions = 0;
    const rotated = new SecretStore(
      {
        read: () => file.text,
        write: (text) => {
          file.text = text;
        },
      },
      {
        ...reversing,
        encrypt: (text) => {
          encryptions += 1;
          return reversing.encrypt(text);
        },
        decrypt: async (data) => ({ ...(await reversing.decrypt(data)), shouldReEncrypt: true }),
      },
    );
    expect(await rotated.get('proxy:s1')).toBe('secret');
    expect(encryptions).toBe(1);
  });

  it('treats a damaged file as empty and says so', () => {
    for (const text of [
      '{not json',
      '{"version":2,"secrets":{}}',
      '{"version":1,"secrets":{"a":"%%"}}',
    ]) {
      const store = new SecretStore({ read: () => text, write: () => undefined }, reversing);
      expect(store.damaged).toBe(true);
      expect(store.has('proxy:a')).toBe(false);
    }
    const unreadable = new SecretStore(
      {
        read: () => {
          throw new Error('EACCES');
        },
        write: () => undefined,
      },
      reversing,
    );
    expect(unreadable.damaged).toBe(true);
  });

  it('deletes secrets, and keeps only those still wanted', async () => {
    const { store, file } = memorySecretStore();
    await store.set('proxy:a', '1');
    await store.set('proxy:b', '2');
    expect(store.delete('proxy:missing')).toEqual({ ok: true, value: null });
    await store.set('backup-key:k1', 'key');
    expect(store.retainOnly('proxy', new Set(['proxy:a', 'proxy:b']))).toEqual({
      ok: true,
      value: null,
    });
    expect(store.retainOnly('proxy', new Set(['proxy:b']))).toEqual({ ok: true, value: null });
    expect(store.has('proxy:a')).toBe(false);
    // Other kinds of secret are left alone.
    expect(store.has('backup-key:k1')).toBe(true);
    expect(store.delete('backup-key:k1')).toEqual({ ok: true, value: null });
    expect(store.delete('proxy:b')).toEqual({ ok: true, value: null });
    // Nothing left: no file at all.
    expect(file.text).toBeUndefined();
  });
});

describe('device keys for backups', () => {
  it('keeps random keys by id in the secret store, encrypted', async () => {
    const { store, file } = memorySecretStore();
    let id = 0;
    const keys = deviceKeysIn(store, () => `k${++id}`);
    const created = await keys.create();
    expect(created.keyId).toBe('k1');
    expect(created.key).toHaveLength(32);
    expect((await keys.get('k1'))?.equals(created.key)).toBe(true);
    expect(await keys.get('k9')).toBeUndefined();
    expect(file.text).not.toContain(created.key.toString('base64'));
  });

  it('fails to create a key without a keyring', async () => {
    const { store } = memorySecretStore({ available: false });
    await expect(deviceKeysIn(store, () => 'k1').create()).rejects.toMatchObject({
      code: 'SECRET_STORAGE_UNAVAILABLE',
    });
  });
});
