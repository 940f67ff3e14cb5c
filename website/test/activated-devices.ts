import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import type { OpenDatabaseOptions } from '../src/db/client';
import { sha256Hex } from '../src/license/codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../src/license/config';
import { createDeviceLink, decideDeviceLink, pollDeviceLink } from '../src/license/device-links';
import { websiteFolder } from './next-process';

/**
 * Devices activated through the real sign-in flow (device link, approval, token), straight in
 * the database the website will serve: what each then sends to /api/v1/licenses/refresh.
 * Used by the load test and the license API benchmark.
 */
export async function activateDevices(
  options: OpenDatabaseOptions,
  count: number,
): Promise<{ deviceSecret: string; deviceFingerprintHash: string }[]> {
  const opened = await openDatabase({
    ...options,
    migrationsFolder: join(websiteFolder, 'drizzle'),
  });
  const config = { ...DEFAULT_LICENSE_SERVER_CONFIG, issuer: 'http://localhost', signingKey: {} };
  const start = new Date();
  const devices = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const fingerprint = sha256Hex(`load-device-${index}`);
      const link = await createDeviceLink(
        opened.db,
        {
          deviceFingerprintHash: fingerprint,
          deviceName: `Load ${index}`,
          platform: 'linux',
          appVersion: '0.1.0',
        },
        config,
        start,
      );
      await decideDeviceLink(
        opened.db,
        { userCode: link.userCode, userId: `user_load_${index}`, approve: true },
        start,
      );
      const issued = await pollDeviceLink(
        opened.db,
        link.deviceCode,
        config,
        new Date(start.getTime() + 10_000),
      );
      devices.push({ deviceSecret: issued.deviceSecret, deviceFingerprintHash: fingerprint });
    }
  } finally {
    await opened.close();
  }
  return devices;
}
