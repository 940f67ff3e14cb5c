import { FlowDeskError } from '../core';
import type { Result } from '../core';
import type { LicenseSecrets } from './license-manager';

/**
 * The license manager's keyring, in memory, for tests: the map is what is stored; `keyring:
 * false` behaves like a computer without a system keyring.
 */
export function memoryLicenseSecrets(
  secrets = new Map<string, string>(),
  options: { keyring?: () => boolean } = {},
): LicenseSecrets {
  return {
    get: (name) => Promise.resolve(secrets.get(name)),
    set: (name, value): Promise<Result<null>> => {
      if (options.keyring && !options.keyring()) {
        return Promise.resolve({
          ok: false,
          error: new FlowDeskError('SECRET_STORAGE_UNAVAILABLE', 'No keyring.'),
        });
      }
      secrets.set(name, value);
      return Promise.resolve({ ok: true, value: null });
    },
    delete: (name) => {
      secrets.delete(name);
      return { ok: true, value: null };
    },
  };
}
