export {
  LICENSE_AUDIENCE,
  LICENSE_CLOCK_SKEW_SECONDS,
  LICENSE_TOKEN_TYPE,
  PLANS,
  licenseClaimsSchema,
  planSchema,
} from './claims';
export type { LicenseClaims, LicenseGrant, Plan } from './claims';
export { licenseKeySetSchema, licensePublicKeySchema } from './keys';
export type { LicenseKeySet, LicensePublicKey } from './keys';
export { generateLicenseSigningKey, importLicenseSigningKey, signLicenseToken } from './signer';
export type { LicenseSigningKey, SignLicenseOptions } from './signer';
export { licenseError, verifyLicenseToken } from './verifier';
export type { Ed25519Verify, LicenseErrorCode, VerifyLicenseOptions } from './verifier';
export { FEATURES, PLAN_ENTITLEMENTS } from './plans';
export type { PlanEntitlements } from './plans';
export {
  CLOCK_ROLLBACK_TOLERANCE_MS,
  LICENSE_STATUSES,
  evaluateLicense,
  licenseRecordSchema,
  licenseTime,
  newLicenseRecord,
  observeClock,
  recordCheckFailed,
  recordCheckSucceeded,
  recordRevoked,
} from './license-state';
export type { LicenseRecord, LicenseState, LicenseStatusCode } from './license-state';
export { LICENSE_REFUSAL_CODES, LicenseClient, isLicenseRefusal } from './license-client';
export type {
  DeviceDescription,
  DeviceLink,
  IssuedLicense,
  LicenseClientOptions,
  RefreshedLicense,
} from './license-client';
export { planLocks } from './fallback';
export type { PlanLocks } from './fallback';
export { LICENSE_SECRET_KEY, LicenseManager } from './license-manager';
export type {
  LicenseChange,
  LicenseManagerOptions,
  LicenseSecrets,
  LicenseSnapshot,
  PendingSignIn,
} from './license-manager';
export { PRODUCTION_SITE_URL, licenseConfigFrom } from './license-config';
export type { LicenseConfig } from './license-config';
