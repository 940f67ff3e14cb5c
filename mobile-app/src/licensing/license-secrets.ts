import { FlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { LicenseSecrets } from '@flowdesk/shared/licensing';
import type { SecureKeyValue } from '../platform/secure-store';

/**
 * The license manager's secrets in the phone's secure storage. Its calls run one after another
 * in the order made, so a sign-out's delete can never land after the next sign-in's write.
 * Secure storage keys allow only letters, digits, '.', '-' and '_'.
 */
export function licenseSecretsIn(store: SecureKeyValue): LicenseSecrets {
  let last: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
  const keyOf = (name: string) => `flowdesk.${name.replace(/[^\w.-]/g, '.')}`;
  return {
    // Unreadable (a locked keychain, a broken entry) counts as nothing stored: nothing is lost.
    get: (name) => inOrder(() => store.get(keyOf(name))).catch(() => undefined),
    set: (name, value) =>
      inOrder(() => store.set(keyOf(name), value)).then(
        (): Result<null> => ({ ok: true, value: null }),
        (error: unknown): Result<null> => ({
          ok: false,
          error: new FlowDeskError(
            'SECRET_STORAGE_UNAVAILABLE',
            'This phone’s secure storage could not keep the sign-in, so it lasts until the app is closed.',
            { cause: error },
          ),
        }),
      ),
    delete: (name) => {
      void inOrder(() => store.delete(keyOf(name))).catch(() => undefined);
      return { ok: true, value: null };
    },
  };
}
