import { describe, expect, it, jest } from '@jest/globals';
import { phoneSecureStore } from './secure-store';

const mockCalls: unknown[][] = [];
const mockItems = new Map<string, string>();
jest.mock('expo-secure-store', () => ({
  AFTER_FIRST_UNLOCK_THIS_DEVICE_ONLY: 7,
  getItemAsync: (key: string, options: unknown) => {
    mockCalls.push(['get', key, options]);
    return Promise.resolve(mockItems.get(key) ?? null);
  },
  setItemAsync: (key: string, value: string, options: unknown) => {
    mockCalls.push(['set', key, options]);
    mockItems.set(key, value);
    return Promise.resolve();
  },
  deleteItemAsync: (key: string, options: unknown) => {
    mockCalls.push(['delete', key, options]);
    mockItems.delete(key);
    return Promise.resolve();
  },
}));

describe('the phone’s secure storage', () => {
  it('keeps items for this device only, readable after the first unlock', async () => {
    expect(await phoneSecureStore.get('flowdesk.device-id')).toBeUndefined();
    await phoneSecureStore.set('flowdesk.device-id', 'abc');
    expect(await phoneSecureStore.get('flowdesk.device-id')).toBe('abc');
    await phoneSecureStore.delete('flowdesk.device-id');
    expect(await phoneSecureStore.get('flowdesk.device-id')).toBeUndefined();
    const thisDeviceOnly = { keychainAccessible: 7 };
    expect(mockCalls.map(([, , options]) => options)).toEqual(
      Array<unknown>(mockCalls.length).fill(thisDeviceOnly),
    );
  });
});
