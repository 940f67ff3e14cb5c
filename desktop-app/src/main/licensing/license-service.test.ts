import { describe, expect, it, vi } from 'vitest';
import {
  FEATURES,
  PLAN_ENTITLEMENTS,
  evaluateLicense,
  newLicenseRecord,
} from '@flowdesk/shared/licensing';
import { licenseStatusSchema } from '@flowdesk/shared/ipc';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { LicenseSnapshot } from '@flowdesk/shared/licensing';
import { LicenseService } from './license-service';

const now = Date.parse('2026-12-01T12:00:00Z');
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  workspaces: ['a', 'b', 'c'].map((id) => ({
    id,
    name: id,
    createdAt: new Date(now).toISOString(),
    services: Array.from({ length: 8 }, (_, index) => ({
      id: `${id}${index}`,
      type: 'custom',
      name: `${id}${index}`,
      url: `https://${id}${index}.example`,
      createdAt: new Date(now).toISOString(),
    })),
  })),
});

const expiredPro: LicenseSnapshot = {
  state: {
    ...evaluateLicense(undefined, newLicenseRecord(now), now),
    status: 'expired',
    licensedPlan: 'pro',
    graceEndsAt: now - 1000,
  },
  lastCheckedAt: now - 20 * 86_400_000,
  signIn: {
    userCode: 'BCDF-GHJK',
    verificationUri: 'https://flowdesk.example/activate',
    expiresAt: now + 900_000,
  },
  secureStorage: false,
  problem: { code: 'LICENSE_SERVER_UNREACHABLE', message: 'Offline.' },
};

function manager(snapshot: LicenseSnapshot) {
  return {
    snapshot: () => snapshot,
    startSignIn: vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          userCode: 'BCDF-GHJK',
          verificationUri: 'https://x.example/activate',
          expiresAt: now,
        },
      }),
    ),
    cancelSignIn: vi.fn(),
    checkNow: vi.fn(() => Promise.resolve()),
    reschedule: vi.fn(),
    signOut: vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { deactivatedOnWebsite: true } }),
    ),
  };
}

describe('the license as the rest of the app sees it', () => {
  it('limits nothing, and says licensing is off, without a manager', async () => {
    const service = new LicenseService({ store: () => store, deviceName: 'Laptop' });
    const status = service.status();
    expect(licenseStatusSchema.parse(status)).toMatchObject({
      state: 'unlicensed',
      available: false,
      limits: { maxWorkspaces: null },
      locked: { workspaceIds: [], serviceIds: [] },
    });
    expect(service.isServiceLocked('c7')).toBe(false);
    expect(service.requireFeature(FEATURES.appLock, 'The app lock').ok).toBe(true);
    for (const result of [
      await service.startSignIn(),
      service.cancelSignIn(),
      await service.checkNow(),
      await service.signOut(),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'LICENSING_NOT_AVAILABLE' } });
    }
  });

  it('shows a lapsed license: Free limits, the plan it was, locks, dates, the pending code and the problem', () => {
    const service = new LicenseService({
      store: () => store,
      deviceName: 'Laptop',
      manager: manager(expiredPro),
      manageUrl: 'https://flowdesk.example/dashboard',
    });
    const status = licenseStatusSchema.parse(service.status());
    expect(status).toMatchObject({
      state: 'expired',
      plan: 'free',
      licensedPlan: 'pro',
      available: true,
      secureStorage: false,
      graceEndsAt: new Date(now - 1000).toISOString(),
      lastCheckedAt: new Date(now - 20 * 86_400_000).toISOString(),
      signIn: { userCode: 'BCDF-GHJK', expiresAt: new Date(now + 900_000).toISOString() },
      problem: { code: 'LICENSE_SERVER_UNREACHABLE' },
      manageUrl: 'https://flowdesk.example/dashboard',
    });
    // Free: 2 workspaces of 6 services; the third workspace and the services over 6 are locked.
    expect(status.locked.workspaceIds).toEqual(['c']);
    expect(status.locked.serviceIds).toEqual([
      'a6',
      'a7',
      'b6',
      'b7',
      ...Array.from({ length: 8 }, (_, i) => `c${i}`),
    ]);
    expect(service.isServiceLocked('a7')).toBe(true);
    expect(service.isServiceLocked('a0')).toBe(false);
    expect(
      service.requireFeature(FEATURES.backupSessions, 'Backups that keep you signed in'),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'FEATURE_NOT_IN_PLAN',
        message: expect.stringContaining('Free plan') as string,
      },
    });
    expect(PLAN_ENTITLEMENTS.free.maxWorkspaces).toBe(2);
  });

  it('passes sign-in, cancel, check, sign-out and policy changes to a manager attached later', async () => {
    const service = new LicenseService({ store: () => store, deviceName: 'Laptop' });
    const attached = manager(expiredPro);
    service.attach(attached);
    expect(await service.startSignIn()).toEqual({
      ok: true,
      value: {
        userCode: 'BCDF-GHJK',
        verificationUri: 'https://x.example/activate',
        expiresAt: new Date(now).toISOString(),
      },
    });
    expect(service.cancelSignIn()).toEqual({ ok: true, value: null });
    expect(attached.cancelSignIn).toHaveBeenCalled();
    expect((await service.checkNow()).ok).toBe(true);
    expect(attached.checkNow).toHaveBeenCalled();
    expect(await service.signOut()).toEqual({ ok: true, value: { deactivatedOnWebsite: true } });
    service.policiesChanged();
    expect(attached.reschedule).toHaveBeenCalledOnce();
  });
});
