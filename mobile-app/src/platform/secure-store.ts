import * as SecureStore from 'expo-secure-store';

/** A string store the app keeps secrets in; the phone's in production, a map in tests. */
export interface SecureKeyValue {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * The iOS Keychain or Android's Keystore-encrypted storage, readable after the first unlock and
 * never moved to another phone by a backup restore: the license and the device id belong to
 * this device (a restored phone signs in again and gets its own).
 */
const OPTIONS: SecureStore.SecureStoreOptions = {
  keychainAccessible: SecureStore.AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY,
};

export const phoneSecureStore: SecureKeyValue = {
  get: async (key) => (await SecureStore.getItemAsync(key, OPTIONS)) ?? undefined,
  set: (key, value) => SecureStore.setItemAsync(key, value, OPTIONS),
  delete: (key) => SecureStore.deleteItemAsync(key, OPTIONS),
};
