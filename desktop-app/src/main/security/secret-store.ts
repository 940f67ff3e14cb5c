import { z } from 'zod';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';

/**
 * Small secrets (proxy passwords) encrypted by the operating system's keyring through Electron's
 * safeStorage, and kept in their own file: never in the workspace store, never sent to the UI.
 * No Node modules here: the file and the cipher are injected, so the UI tests can run it too.
 */

/** safeStorage's asynchronous API, narrowed to what is used. */
export interface SecretCipher {
  /** False without a keyring: Linux with no Secret Service or KWallet, or before "ready". */
  available(): Promise<boolean>;
  encrypt(text: string): Promise<Uint8Array>;
  /** `shouldReEncrypt`: the keyring's key changed; the secret is written again with the new one. */
  decrypt(data: Uint8Array): Promise<{ text: string; shouldReEncrypt: boolean }>;
}

export interface SecretFile {
  /** The file's text, or undefined when there is none. Throws when it cannot be read. */
  read(): string | undefined;
  /** Writes atomically; removes the file when `text` is undefined. */
  write(text: string | undefined): void;
}

const secretFileSchema = z.strictObject({
  version: z.literal(1),
  secrets: z.record(z.string().max(200), z.base64().max(20_000)),
});

export type SecretKind = 'proxy' | 'backup-key' | 'license';
export type SecretKey = `${SecretKind}:${string}`;

export const proxySecretKey = (serviceId: string): SecretKey => `proxy:${serviceId}`;
export const backupKeySecretKey = (keyId: string): SecretKey => `backup-key:${keyId}`;

/**
 * Random backup keys kept in the secret store (so, by the system keyring): a "device-key"
 * backup opens only where its key is.
 */
export function deviceKeysIn(secrets: SecretStore, newKeyId: () => string) {
  return {
    async create(): Promise<{ keyId: string; key: Buffer }> {
      const keyId = newKeyId();
      const key = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32)));
      const stored = await secrets.set(backupKeySecretKey(keyId), key.toString('base64'));
      if (!stored.ok) throw stored.error;
      return { keyId, key };
    },
    async get(keyId: string): Promise<Buffer | undefined> {
      const text = await secrets.get(backupKeySecretKey(keyId));
      return text === undefined ? undefined : Buffer.from(text, 'base64');
    },
  };
}

export class SecretStore {
  private readonly secrets = new Map<string, string>();
  /** Set when the file existed but could not be used; the caller tells the user. */
  readonly damaged: boolean;

  constructor(
    private readonly file: SecretFile,
    private readonly cipher: SecretCipher,
  ) {
    let damaged = false;
    try {
      const text = file.read();
      if (text !== undefined) {
        const parsed = secretFileSchema.safeParse(JSON.parse(text));
        if (parsed.success) {
          for (const [key, value] of Object.entries(parsed.data.secrets)) {
            this.secrets.set(key, value);
          }
        } else {
          damaged = true;
        }
      }
    } catch {
      damaged = true;
    }
    this.damaged = damaged;
  }

  has(key: SecretKey): boolean {
    return this.secrets.has(key);
  }

  async set(key: SecretKey, value: string): Promise<Result<null>> {
    if (!(await this.cipher.available())) {
      return err(
        new FlowDeskError(
          'SECRET_STORAGE_UNAVAILABLE',
          'Flow Desk cannot keep this password safely: the system keyring (Keychain, Credential Manager, GNOME Keyring or KWallet) is not available. Unlock or install it, then try again.',
        ),
      );
    }
    try {
      this.secrets.set(key, toBase64(await this.cipher.encrypt(value)));
    } catch (error) {
      return err(
        new FlowDeskError(
          'SECRET_ENCRYPTION_FAILED',
          'The system keyring refused to encrypt the password. Unlock it and try again.',
          { cause: error },
        ),
      );
    }
    return this.persist();
  }

  /** The secret, or undefined when there is none or it can no longer be decrypted. */
  async get(key: SecretKey): Promise<string | undefined> {
    const stored = this.secrets.get(key);
    if (stored === undefined) return undefined;
    try {
      const { text, shouldReEncrypt } = await this.cipher.decrypt(fromBase64(stored));
      if (shouldReEncrypt) await this.set(key, text);
      return text;
    } catch {
      // Encrypted with a key the keyring no longer has (a new profile, a reset keyring).
      return undefined;
    }
  }

  delete(key: SecretKey): Result<null> {
    if (!this.secrets.delete(key)) return ok(null);
    return this.persist();
  }

  /** Removes every secret of this kind whose key is not in `keep` (services that are gone). */
  retainOnly(kind: SecretKind, keep: ReadonlySet<string>): Result<null> {
    const before = this.secrets.size;
    for (const key of [...this.secrets.keys()]) {
      if (key.startsWith(`${kind}:`) && !keep.has(key)) this.secrets.delete(key);
    }
    return this.secrets.size === before ? ok(null) : this.persist();
  }

  private persist(): Result<null> {
    try {
      this.file.write(
        this.secrets.size === 0
          ? undefined
          : `${JSON.stringify({ version: 1, secrets: Object.fromEntries(this.secrets) }, null, 2)}\n`,
      );
      return ok(null);
    } catch (error) {
      return err(
        new FlowDeskError(
          'SECRET_NOT_SAVED',
          'The password could not be saved to disk. Check that the disk is not full, then try again.',
          { cause: error },
        ),
      );
    }
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
