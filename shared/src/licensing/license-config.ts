import { licenseKeySetSchema } from './keys';
import type { LicenseKeySet } from './keys';

/**
 * Where a build of the apps gets its license keys (decision 9). A release build has the
 * production public keys pinned at build time (FLOWDESK_LICENSE_PUBLIC_KEYS, a JWKS, read by the
 * desktop's electron.vite.config.ts and the mobile app's app.config.ts) and talks to the
 * production website. A development run may instead
 * trust a website on this computer, explicitly: FLOWDESK_DEV_LICENSE_SITE=http://localhost:3000
 * makes it fetch and trust that site's JWKS. Otherwise licensing is off and nothing is limited.
 */

export const PRODUCTION_SITE_URL = 'https://flowdesk.app';

export type LicenseConfig =
  | { kind: 'pinned'; siteUrl: string; keys: LicenseKeySet }
  | { kind: 'local-development'; siteUrl: string }
  | { kind: 'off'; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function licenseConfigFrom(options: {
  /** The pinned JWKS text of this build ('' when none was given). */
  pinnedKeys: string;
  /** The website of this build (production unless the build said otherwise). */
  siteUrl?: string;
  isPackaged: boolean;
  env: Record<string, string | undefined>;
}): LicenseConfig {
  const development = options.env.FLOWDESK_DEV_LICENSE_SITE;
  if (development && !options.isPackaged) {
    let url: URL | undefined;
    try {
      url = new URL(development);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
      return {
        kind: 'off',
        reason:
          'FLOWDESK_DEV_LICENSE_SITE must be a website on this computer (http://localhost:…).',
      };
    }
    return { kind: 'local-development', siteUrl: url.origin };
  }
  if (!options.pinnedKeys) {
    return { kind: 'off', reason: 'This build has no pinned license keys.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(options.pinnedKeys);
  } catch {
    parsed = undefined;
  }
  const keys = licenseKeySetSchema.safeParse(parsed);
  if (!keys.success) {
    return {
      kind: 'off',
      reason: 'The license keys pinned in this build are not a valid key set.',
    };
  }
  return {
    kind: 'pinned',
    siteUrl: new URL(options.siteUrl ?? PRODUCTION_SITE_URL).origin,
    keys: keys.data,
  };
}
