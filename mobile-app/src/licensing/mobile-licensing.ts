import { ed25519 } from '@noble/curves/ed25519.js';
import { z } from 'zod';
import { FlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { LicenseClient, LicenseManager, licenseConfigFrom } from '@flowdesk/shared/licensing';
import type { LicenseKeySet, LicenseSnapshot } from '@flowdesk/shared/licensing';
import { describeDevice } from '../platform/device';
import type { SecureKeyValue } from '../platform/secure-store';
import { licenseSecretsIn } from './license-secrets';

/**
 * The phone's license (issue 11): the desktop's LicenseManager from shared/, with the phone's
 * secure storage, a record file in the app's documents, the system browser for the device link,
 * and @noble/curves checking signatures because Hermes has no WebCrypto Ed25519.
 */

/** What a build pins (app.config.ts `extra.license`, from the build's environment). */
export const licenseBuildSettingsSchema = z
  .object({
    siteUrl: z.string().optional(),
    publicKeys: z.string().optional(),
    developmentSite: z.string().optional(),
  })
  .catch({});
export type LicenseBuildSettings = z.infer<typeof licenseBuildSettingsSchema>;

export type MobileLicensing =
  | { kind: 'on'; manager: LicenseManager; siteUrl: string; deviceName: string }
  | { kind: 'off'; reason: string };

export interface MobileLicensingOptions {
  settings: LicenseBuildSettings;
  /** A development build may trust a website on the computer it runs from (as the desktop). */
  development: boolean;
  store: SecureKeyValue;
  recordFile: { read(): string | undefined; write(text: string): void };
  openUrl(url: string): Promise<unknown>;
  onChange(snapshot: LicenseSnapshot): void;
  fetch?: typeof fetch;
}

export async function startMobileLicensing(
  options: MobileLicensingOptions,
): Promise<MobileLicensing> {
  const { settings } = options;
  const config = licenseConfigFrom({
    pinnedKeys: settings.publicKeys ?? '',
    ...(settings.siteUrl ? { siteUrl: settings.siteUrl } : {}),
    isPackaged: !options.development,
    env: { FLOWDESK_DEV_LICENSE_SITE: settings.developmentSite },
  });
  if (config.kind === 'off') return { kind: 'off', reason: config.reason };
  const client = new LicenseClient({
    siteUrl: config.siteUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let keys: LicenseKeySet;
  if (config.kind === 'pinned') {
    keys = config.keys;
  } else {
    try {
      keys = await client.publishedKeys();
    } catch {
      return {
        kind: 'off',
        reason: `The development website's license keys could not be read from ${config.siteUrl}.`,
      };
    }
  }
  const device = await describeDevice(options.store);
  const manager = new LicenseManager({
    client,
    verification: {
      keys,
      issuer: config.siteUrl,
      ed25519Verify: (signature, message, publicKey) =>
        ed25519.verify(signature, message, publicKey),
    },
    device,
    secrets: licenseSecretsIn(options.store),
    recordFile: options.recordFile,
    openExternal: (url) => openOnSite(url, config.siteUrl, (target) => options.openUrl(target)),
    // The phone keeps no audit log: the website records each activation and sign-out.
    audit: () => undefined,
    onChange: (snapshot) => options.onChange(snapshot),
  });
  await manager.start();
  return { kind: 'on', manager, siteUrl: config.siteUrl, deviceName: device.deviceName };
}

/** Opens a page of the license website in the system browser; any other address is refused. */
export async function openOnSite(
  url: string,
  siteUrl: string,
  openUrl: (url: string) => Promise<unknown>,
): Promise<Result<null>> {
  let target: URL | undefined;
  try {
    target = new URL(url);
  } catch {
    target = undefined;
  }
  if (!target || target.origin !== new URL(siteUrl).origin) {
    return {
      ok: false,
      error: new FlowDeskError(
        'LICENSE_LINK_REFUSED',
        'The sign-in page is not on the Flow Desk website, so it was not opened. Open the address shown by hand.',
      ),
    };
  }
  try {
    await openUrl(target.href);
    return { ok: true, value: null };
  } catch (error) {
    return {
      ok: false,
      error: new FlowDeskError(
        'BROWSER_UNAVAILABLE',
        'The browser could not be opened. Open the address shown and enter the code.',
        { cause: error },
      ),
    };
  }
}
