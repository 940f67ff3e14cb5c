import type { LicenseStatus } from '@flowdesk/shared/ipc';
import { strings } from '../strings';

/** The banner over the services column while the license is in grace, lapsed or revoked. */
export function licenseBannerText(license: LicenseStatus | undefined): string | undefined {
  if (!license?.available) return undefined;
  if (license.state === 'grace') return strings.licenseBanner.grace(license.daysLeft ?? 0);
  if (license.state === 'expired') return strings.licenseBanner.expired;
  if (license.state === 'revoked') return strings.licenseBanner.revoked;
  return undefined;
}
