import { createHash } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import { memorySecureStore } from './memory-secure-store.test-support';
import {
  DEVICE_ID_KEY,
  appVersion,
  describeDevice,
  deviceFingerprintHash,
  randomId,
} from './device';

jest.mock('expo-crypto', () => jest.requireActual('./web-crypto-expo.test-support'));
jest.mock('expo-constants', () => ({ __esModule: true, default: { deviceName: '  ' } }));

describe('this phone’s identity', () => {
  it('is made once and kept; only its hash is used, as on the desktop', async () => {
    const { store, entries } = memorySecureStore();
    const first = await deviceFingerprintHash(store);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const id = entries.get(DEVICE_ID_KEY)!;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toContain(id);
    expect(await deviceFingerprintHash(store)).toBe(first);
    // The desktop's rule: SHA-256 of "flowdesk-device:" and the id.
    expect(first).toBe(createHash('sha256').update(`flowdesk-device:${id}`).digest('hex'));
  });

  it('makes a new one over a damaged id, and still has one when storage refuses', async () => {
    const { store, entries, state } = memorySecureStore();
    entries.set(DEVICE_ID_KEY, 'damaged');
    const replaced = await deviceFingerprintHash(store);
    expect(entries.get(DEVICE_ID_KEY)).toMatch(/^[0-9a-f]{64}$/);
    state.failReads = true;
    state.failWrites = true;
    const unkept = await deviceFingerprintHash(store);
    expect(unkept).toMatch(/^[0-9a-f]{64}$/);
    expect(unkept).not.toBe(replaced);
  });

  it('names the phone by its platform when the system gives no name', async () => {
    const description = await describeDevice(memorySecureStore().store);
    expect(description).toMatchObject({
      deviceName: 'iPhone or iPad',
      platform: 'ios',
      appVersion: '0.0.0',
    });
    expect(appVersion()).toBe('0.0.0');
    expect(randomId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
