import type { SecureKeyValue } from './secure-store';

/** The phone's secure storage, in memory for tests; `failWrites` acts like a locked keychain. */
export function memorySecureStore(entries = new Map<string, string>()) {
  const state = { failWrites: false, failReads: false };
  const store: SecureKeyValue = {
    get: (key) =>
      state.failReads
        ? Promise.reject(new Error('The keychain is locked.'))
        : Promise.resolve(entries.get(key)),
    set: (key, value) => {
      if (state.failWrites) return Promise.reject(new Error('The keychain is locked.'));
      entries.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
  return { store, entries, state };
}
