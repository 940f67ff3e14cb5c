import { jest } from '@jest/globals';
import {
  LICENSE_AUDIENCE,
  evaluateLicense,
  licenseClaimsSchema,
  newLicenseRecord,
  recordCheckFailed,
  recordCheckSucceeded,
  recordRevoked,
} from '@flowdesk/shared/licensing';
import type { LicenseSnapshot, Plan } from '@flowdesk/shared/licensing';
import type { LicenseView } from './license-provider';

/**
 * License views in each state, made by the shared state machine from a license and a record as
 * the manager keeps them, so a screen test sees exactly what the app would show.
 */
export const NOW = Date.parse('2026-12-02T12:00:00Z');
const DAY = 86_400_000;

export type Scenario = 'unlicensed' | 'active' | 'grace' | 'expired' | 'revoked';

function claimsFor(plan: Plan, issuedAt: number, organization?: string) {
  const iat = Math.floor(issuedAt / 1000);
  return licenseClaimsSchema.parse({
    iss: 'https://flowdesk.example',
    aud: LICENSE_AUDIENCE,
    sub: 'user_1',
    jti: 'lt_1',
    iat,
    nbf: iat,
    exp: iat + 30 * 86_400,
    lic: 'lic_1',
    plan,
    features: [],
    seats: 1,
    device: { fph: 'f'.repeat(64), aid: 'act_1' },
    checks: { interval: 86_400, grace: 14 * 86_400 },
    ...(organization ? { org: { id: 'org_1', name: organization, role: 'member' } } : {}),
  });
}

export function snapshotIn(
  scenario: Scenario,
  extra: Partial<LicenseSnapshot> & { organization?: string } = {},
): LicenseSnapshot {
  const { organization, ...rest } = extra;
  const checkedAt = { active: NOW, grace: NOW - 3 * DAY, expired: NOW - 20 * DAY }[
    scenario as 'active'
  ];
  let record = newLicenseRecord(NOW - 30 * DAY);
  let claims;
  if (scenario !== 'unlicensed') {
    const at = checkedAt ?? NOW - DAY;
    claims = claimsFor('pro', at, organization);
    record = recordCheckSucceeded(record, at, at);
  }
  if (scenario === 'grace') record = recordCheckFailed(record, NOW);
  if (scenario === 'revoked') record = recordRevoked(record, NOW, 'ACTIVATION_REVOKED');
  return {
    state: evaluateLicense(claims, record, NOW),
    ...(claims ? { claims } : {}),
    ...(record.lastCheckAt === undefined ? {} : { lastCheckedAt: record.lastCheckAt }),
    secureStorage: true,
    ...rest,
  };
}

export function licenseView(
  snapshot: LicenseSnapshot | undefined,
  extra: Partial<LicenseView> = {},
): LicenseView {
  return {
    loading: false,
    available: snapshot !== undefined,
    ...(snapshot ? { snapshot, deviceName: 'Ana’s iPhone' } : {}),
    manageUrl: 'https://flowdesk.example/dashboard',
    locks: { workspaceIds: [], serviceIds: [] },
    startSignIn: jest.fn<LicenseView['startSignIn']>(() =>
      Promise.resolve({
        ok: true as const,
        value: { userCode: 'BCDF-GHJK', verificationUri: 'https://x/activate', expiresAt: NOW },
      }),
    ),
    cancelSignIn: jest.fn(),
    checkNow: jest.fn<LicenseView['checkNow']>(() => Promise.resolve()),
    signOut: jest.fn<LicenseView['signOut']>(() =>
      Promise.resolve({ ok: true as const, value: { deactivatedOnWebsite: true } }),
    ),
    ...extra,
  };
}
