import { randomBytes } from 'node:crypto';
import type { DeviceKeyStore } from './crypto';

/** Device keys kept in memory, standing in for the keyring-held ones in tests. */
export class MemoryDeviceKeys implements DeviceKeyStore {
  readonly keys = new Map<string, Buffer>();

  create() {
    const keyId = `k${this.keys.size + 1}`;
    const key = randomBytes(32);
    this.keys.set(keyId, key);
    return Promise.resolve({ keyId, key });
  }

  get(keyId: string) {
    return Promise.resolve(this.keys.get(keyId));
  }
}
