import Constants from 'expo-constants';
import * as Crypto from 'expo-crypto';
import { Platform } from 'react-native';
import type { DeviceDescription } from '@flowdesk/shared/licensing';
import type { SecureKeyValue } from './secure-store';

/**
 * This installation's identity for licensing, as on the desktop: a random id made once and kept
 * in secure storage; only its SHA-256 leaves the phone. No hardware or advertising ids are read.
 */

export const DEVICE_ID_KEY = 'flowdesk.device-id';
const ID_PATTERN = /^[0-9a-f]{64}$/;

export async function deviceFingerprintHash(store: SecureKeyValue): Promise<string> {
  let id = (await store.get(DEVICE_ID_KEY).catch(() => undefined))?.trim() ?? '';
  if (!ID_PATTERN.test(id)) {
    id = toHex(Crypto.getRandomBytes(32));
    // Not kept: this run still has an identity; the next one signs in again.
    await store.set(DEVICE_ID_KEY, id).catch(() => undefined);
  }
  return Crypto.digestStringAsync(Crypto.CryptoDigestAlgorithm.SHA256, `flowdesk-device:${id}`);
}

/** What the website is told about this phone when it signs in (shown in the user's devices). */
export async function describeDevice(store: SecureKeyValue): Promise<DeviceDescription> {
  const platform = Platform.OS === 'ios' ? 'ios' : 'android';
  return {
    deviceFingerprintHash: await deviceFingerprintHash(store),
    deviceName:
      Constants.deviceName?.trim().slice(0, 100) ||
      (platform === 'ios' ? 'iPhone or iPad' : 'Android device'),
    platform,
    appVersion: appVersion(),
  };
}

export function appVersion(): string {
  return Constants.expoConfig?.version ?? '0.0.0';
}

/** Ids for new workspaces and services: Hermes has no crypto.randomUUID, expo-crypto does. */
export const randomId = (): string => Crypto.randomUUID();

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
