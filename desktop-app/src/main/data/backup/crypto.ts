import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import type { CipherGCM, DecipherGCM } from 'node:crypto';
import type { BackupEncryption } from '@flowdesk/shared/workspace';
import { backupError } from './format';

/**
 * Keys and ciphers of the backup payload: AES-256-GCM with a 96-bit random IV, the key either
 * derived from the user's passphrase with scrypt or a random key kept by the system keyring.
 */

/**
 * scrypt cost for new backups: the work of OWASP's N=2^17, r=8, p=1 (128 · N · r · p) with a
 * quarter of its memory (32 MiB), so a backup stays within its memory budget. The parameters go
 * in the header, so they can be raised later without breaking old backups.
 */
export const BACKUP_KDF = { N: 2 ** 15, r: 8, p: 4 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const SALT_BYTES = 16;

export type PassphraseEncryption = Extract<BackupEncryption, { method: 'passphrase' }>;
export type DeviceKeyEncryption = Extract<BackupEncryption, { method: 'device-key' }>;

/** Keeps random keys in the system keyring (safeStorage in the app, memory in tests). */
export interface DeviceKeyStore {
  /** A new random key under a new id. Fails when no keyring can keep it. */
  create(): Promise<{ keyId: string; key: Buffer }>;
  /** The key, or undefined when this device does not have it (a backup from elsewhere). */
  get(keyId: string): Promise<Buffer | undefined>;
}

export function newPassphraseEncryption(): PassphraseEncryption {
  return {
    method: 'passphrase',
    algorithm: 'aes-256-gcm',
    kdf: { name: 'scrypt', ...BACKUP_KDF, salt: randomBytes(SALT_BYTES).toString('base64') },
    iv: randomBytes(IV_BYTES).toString('base64'),
  };
}

export function newDeviceKeyEncryption(keyId: string): DeviceKeyEncryption {
  return {
    method: 'device-key',
    algorithm: 'aes-256-gcm',
    keyId,
    iv: randomBytes(IV_BYTES).toString('base64'),
  };
}

export function checkPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw backupError(
      'BACKUP_PASSPHRASE_TOO_SHORT',
      `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easy to remember and hard to guess.`,
    );
  }
}

export function deriveKey(passphrase: string, kdf: PassphraseEncryption['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      KEY_BYTES,
      // Node refuses costs above maxmem; 128 * N * r * p bytes is what scrypt needs.
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export function createPayloadCipher(key: Buffer, iv: string, aad: Buffer): CipherGCM {
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  cipher.setAAD(aad);
  return cipher;
}

export function createPayloadDecipher(
  key: Buffer,
  iv: string,
  aad: Buffer,
  tag: Buffer,
): DecipherGCM {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return decipher;
}

/** What the reader needs to open an encrypted backup. */
export interface KeySource {
  passphrase?: string;
  deviceKeys?: DeviceKeyStore;
}

/** The payload key for a backup's encryption header, or an error the user can act on. */
export async function keyFor(encryption: BackupEncryption, source: KeySource): Promise<Buffer> {
  if (encryption.method === 'none') {
    throw backupError('BACKUP_NOT_ENCRYPTED', 'This backup is not encrypted.');
  }
  if (encryption.method === 'passphrase') {
    if (source.passphrase === undefined || source.passphrase === '') {
      throw backupError(
        'BACKUP_PASSPHRASE_REQUIRED',
        'This backup is protected by a passphrase. Enter it to continue.',
      );
    }
    return deriveKey(source.passphrase, encryption.kdf);
  }
  const key = await source.deviceKeys?.get(encryption.keyId);
  if (!key) {
    throw backupError(
      'BACKUP_DEVICE_KEY_MISSING',
      'This backup is locked to the computer it was made on and cannot be opened here. On a new computer, restore a backup protected by a passphrase.',
    );
  }
  return key;
}
