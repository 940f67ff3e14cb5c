import { SecretStore } from './secret-store';
import type { SecretCipher } from './secret-store';

/**
 * A secret store on memory with a stand-in cipher (bytes reversed, so the stored text is never
 * the secret), for the UI tests and the contract suite. `keyring.available` plays a system with
 * or without a keyring.
 */
export function memorySecretStore(keyring = { available: true }) {
  const file: { text: string | undefined } = { text: undefined };
  const cipher: SecretCipher = {
    available: () => Promise.resolve(keyring.available),
    encrypt: (text) => Promise.resolve(new TextEncoder().encode(text).reverse()),
    decrypt: (data) =>
      Promise.resolve({
        text: new TextDecoder().decode(Uint8Array.from(data).reverse()),
        shouldReEncrypt: false,
      }),
  };
  const store = new SecretStore(
    {
      read: () => file.text,
      write: (text) => {
        file.text = text;
      },
    },
    cipher,
  );
  return { store, file, keyring };
}
