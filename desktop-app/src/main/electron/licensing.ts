import { app } from 'electron';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Result } from '@flowdesk/shared/core';
import type { LicenseStatus } from '@flowdesk/shared/ipc';
import { LicenseClient, LicenseManager, licenseConfigFrom } from '@flowdesk/shared/licensing';
import type {
  DeviceDescription,
  LicenseChange,
  LicenseKeySet,
  LicenseManagerOptions,
} from '@flowdesk/shared/licensing';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { readTextFile, writeFileAtomic } from '../data/atomic-file';
import { deviceFingerprintHash } from '../licensing/device-identity';
import { LicenseService } from '../licensing/license-service';
import type { SecretStore } from '../security/secret-store';

/** The JWKS pinned by the release build (electron.vite.config.ts); '' in development. */
declare const __FLOWDESK_LICENSE_KEYS__: string;
declare const __FLOWDESK_SITE_URL__: string;

export interface LicensingSetup {
  dataDirectory: string;
  secrets: SecretStore;
  store: () => WorkspaceStore;
  /** Opens the website's approval page (already validated as a web address by the caller). */
  openExternal(url: string): Result<null>;
  audit(change: LicenseChange): void;
  /** The license changed: tell the UI, re-apply the fallback locks. */
  changed(status: LicenseStatus): void;
  warn(message: string, details: Record<string, unknown>): void;
  /**
   * Policies (issue 10): the keys, website and organization a policy bundle must be signed for,
   * known once the license is; and a bundle that came with a refresh.
   */
  policyTrust?(trust: PolicyTrust): void;
  policyBundle?(token: string, trust: PolicyTrust): void;
  /** The policy counts each check carries, and the check interval policies impose. */
  policyReport?: LicenseManagerOptions['policyReport'];
  maxCheckIntervalSeconds?: () => number | undefined;
}

export interface PolicyTrust {
  keys: LicenseKeySet;
  issuer: string;
  organizationId: string;
}

/** Starts licensing as this build is configured; the service answers at once, licensed or not. */
export function startLicensing(setup: LicensingSetup): LicenseService {
  const config = licenseConfigFrom({
    pinnedKeys: typeof __FLOWDESK_LICENSE_KEYS__ === 'string' ? __FLOWDESK_LICENSE_KEYS__ : '',
    ...(typeof __FLOWDESK_SITE_URL__ === 'string' && __FLOWDESK_SITE_URL__
      ? { siteUrl: __FLOWDESK_SITE_URL__ }
      : {}),
    isPackaged: app.isPackaged,
    env: process.env,
  });
  const device: DeviceDescription = {
    deviceFingerprintHash: deviceFingerprintHash(join(setup.dataDirectory, 'device-id')),
    deviceName: hostname().trim().slice(0, 100) || 'This computer',
    platform:
      process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux',
    appVersion: app.getVersion(),
  };
  const siteUrl = config.kind === 'off' ? undefined : config.siteUrl;
  const service = new LicenseService({
    store: setup.store,
    deviceName: device.deviceName,
    ...(siteUrl ? { manageUrl: new URL('/dashboard', siteUrl).toString() } : {}),
  });
  if (config.kind === 'off') {
    setup.warn('Licensing is off', { reason: config.reason });
    return service;
  }
  const client = new LicenseClient({ siteUrl: config.siteUrl });
  const recordPath = join(setup.dataDirectory, 'license.json');
  const begin = (keys: LicenseKeySet) => {
    const manager = new LicenseManager({
      client,
      verification: { keys, issuer: config.siteUrl },
      device,
      secrets: setup.secrets,
      recordFile: {
        read: () => {
          const file = readTextFile(recordPath);
          return file.kind === 'text' ? file.text : undefined;
        },
        write: (text) => writeFileAtomic(recordPath, text),
      },
      openExternal: (url) => Promise.resolve(setup.openExternal(url)),
      audit: (change) => setup.audit(change),
      onChange: (snapshot) => setup.changed(service.status(snapshot)),
      ...(setup.policyReport ? { policyReport: setup.policyReport } : {}),
      ...(setup.maxCheckIntervalSeconds
        ? { maxCheckIntervalSeconds: setup.maxCheckIntervalSeconds }
        : {}),
      onPolicyBundle: (token, claims) => {
        if (claims.org) {
          setup.policyBundle?.(token, {
            keys,
            issuer: config.siteUrl,
            organizationId: claims.org.id,
          });
        }
      },
    });
    service.attach(manager);
    void manager.start().then((snapshot) => {
      const organizationId = snapshot.claims?.org?.id;
      if (organizationId) setup.policyTrust?.({ keys, issuer: config.siteUrl, organizationId });
    });
  };
  if (config.kind === 'pinned') {
    begin(config.keys);
  } else {
    // Development: this computer's website is trusted explicitly (FLOWDESK_DEV_LICENSE_SITE).
    client.publishedKeys().then(begin, (error: unknown) =>
      setup.warn('The local website’s license keys could not be read; licensing is off', {
        siteUrl: config.siteUrl,
        error,
      }),
    );
  }
  return service;
}
