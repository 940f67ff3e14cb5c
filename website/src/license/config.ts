import type { SigningKeySource } from './signing-keys';

/** How the license server behaves: the seed's LicensingConfig, server side. */
export interface LicenseServerConfig {
  /** The website's origin: the tokens' issuer and the base of verification links. */
  issuer: string;
  /** Seconds between the app's check-ins (licenseCheckInterval). */
  checkIntervalSeconds: number;
  /** Seconds the app keeps working offline after a missed check-in (offlineGracePeriod). */
  graceSeconds: number;
  /** Seconds a device link waits for approval. */
  deviceLinkSeconds: number;
  /** Seconds the app waits between polls; slow_down adds 5. */
  pollIntervalSeconds: number;
  signingKey: SigningKeySource;
}

export const DEFAULT_LICENSE_SERVER_CONFIG: Omit<LicenseServerConfig, 'issuer' | 'signingKey'> = {
  checkIntervalSeconds: 24 * 3600,
  graceSeconds: 14 * 24 * 3600,
  deviceLinkSeconds: 15 * 60,
  pollIntervalSeconds: 5,
};
