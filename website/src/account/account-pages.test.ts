import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../db/client';
import {
  activations,
  deviceLinks,
  licenses,
  memberships,
  organizations,
  subscriptions,
  users,
} from '../db/schema';
import { RateLimiter } from '../http/rate-limit';
import { sha256Hex } from '../license/codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../license/config';
import { createDeviceLink, pollDeviceLink } from '../license/device-links';
import { testDatabase } from '../../test/database';
import { accountOverview } from './account-overview';
import { deactivateForUser, decideForUser, deviceForCode } from './device-approval';

/** What the /activate and /dashboard pages do for a signed-in user, on a real database. */

const config = {
  ...DEFAULT_LICENSE_SERVER_CONFIG,
  issuer: 'http://localhost:3000',
  signingKey: {},
};
let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

const generous = () => new RateLimiter(1_000, 60_000);

const linkFor = (name: string, fingerprint = name) =>
  createDeviceLink(
    opened.db,
    {
      deviceFingerprintHash: sha256Hex(fingerprint),
      deviceName: name,
      platform: 'darwin',
      appVersion: '1.4.0',
    },
    config,
  );

describe('approving a device from the /activate page', () => {
  it('shows the device behind a code, then approves it for the signed-in user', async () => {
    const link = await linkFor('<img src=x onerror=alert(1)> Mac');
    const found = await deviceForCode(
      opened.db,
      'user_page',
      link.userCode.toLowerCase(),
      generous(),
    );
    expect(found).toMatchObject({
      ok: true,
      device: {
        deviceName: '<img src=x onerror=alert(1)> Mac',
        platform: 'darwin',
        appVersion: '1.4.0',
      },
    });
    expect(
      await decideForUser(
        opened.db,
        'user_page',
        { code: link.userCode, approve: true },
        generous(),
      ),
    ).toEqual({ ok: true });
    const issued = await pollDeviceLink(opened.db, link.deviceCode, config);
    expect(issued.status).toBe('issued');
    // Decided codes are no longer shown or decidable.
    expect(await deviceForCode(opened.db, 'user_page', link.userCode, generous())).toMatchObject({
      ok: false,
      code: 'USER_CODE_UNKNOWN',
    });
    expect(
      await decideForUser(
        opened.db,
        'user_page',
        { code: link.userCode, approve: false },
        generous(),
      ),
    ).toMatchObject({
      ok: false,
      code: 'USER_CODE_UNKNOWN',
    });
  });

  it('denies, and the app hears access_denied', async () => {
    const link = await linkFor('Someone else’s PC');
    expect(
      await decideForUser(
        opened.db,
        'user_page',
        { code: link.userCode, approve: false },
        generous(),
      ),
    ).toEqual({ ok: true });
    await expect(pollDeviceLink(opened.db, link.deviceCode, config)).rejects.toMatchObject({
      code: 'access_denied',
    });
  });

  it('refuses malformed codes without touching the database, and limits guesses per user', async () => {
    for (const input of [undefined, '', 'x'.repeat(33), 42]) {
      expect(await deviceForCode(opened.db, 'user_page', input, generous())).toMatchObject({
        code: 'USER_CODE_INVALID',
      });
      expect(
        await decideForUser(opened.db, 'user_page', { code: input, approve: true }, generous()),
      ).toMatchObject({
        code: 'USER_CODE_INVALID',
      });
    }
    const limiter = new RateLimiter(3, 60_000);
    for (let guess = 0; guess < 3; guess += 1) {
      expect(
        await deviceForCode(opened.db, 'user_guesser', `BCDF-GHJ${'KLM'[guess]}`, limiter),
      ).toMatchObject({
        code: 'USER_CODE_UNKNOWN',
      });
    }
    const link = await linkFor('Real device');
    // Even the right code is refused once the user is over the limit…
    expect(await deviceForCode(opened.db, 'user_guesser', link.userCode, limiter)).toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(
      await decideForUser(
        opened.db,
        'user_guesser',
        { code: link.userCode, approve: true },
        limiter,
      ),
    ).toMatchObject({
      code: 'RATE_LIMITED',
    });
    // …and other users are not affected.
    expect(await deviceForCode(opened.db, 'user_other', link.userCode, limiter)).toMatchObject({
      ok: true,
    });
    const [row] = await opened.db
      .select()
      .from(deviceLinks)
      .where(eq(deviceLinks.userCode, link.userCode));
    expect(row?.status).toBe('pending');
  });
});

describe('the dashboard', () => {
  it('shows a new user the free plan and no devices', async () => {
    const overview = await accountOverview(opened.db, 'user_nobody');
    expect(overview).toMatchObject({
      license: { plan: 'free', owner: { type: 'user' }, periodEnd: null },
      devices: [],
    });
  });

  it('lists a user’s devices and signs one out, only for its owner', async () => {
    const link = await linkFor('Dashboard laptop');
    await decideForUser(opened.db, 'user_dash', { code: link.userCode, approve: true }, generous());
    const { activationId } = await pollDeviceLink(opened.db, link.deviceCode, config);
    const before = await accountOverview(opened.db, 'user_dash');
    expect(before.devices).toEqual([
      expect.objectContaining({
        id: activationId,
        deviceName: 'Dashboard laptop',
        platform: 'darwin',
        deactivatedAt: null,
      }),
    ]);
    expect(await deactivateForUser(opened.db, 'user_intruder', activationId)).toMatchObject({
      code: 'ACTIVATION_NOT_FOUND',
    });
    expect(await deactivateForUser(opened.db, 'user_dash', "act_x' OR 1=1 --")).toMatchObject({
      code: 'ACTIVATION_NOT_FOUND',
    });
    expect(await deactivateForUser(opened.db, 'user_dash', activationId)).toEqual({ ok: true });
    const after = await accountOverview(opened.db, 'user_dash');
    expect(after.devices[0]?.deactivatedAt).toBeInstanceOf(Date);
    const [row] = await opened.db
      .select()
      .from(activations)
      .where(eq(activations.id, activationId));
    expect(row?.deactivatedAt).toBeInstanceOf(Date);
  });

  it('shows the organization’s license and its subscription to a member', async () => {
    await opened.db.insert(users).values({ id: 'user_member' });
    await opened.db.insert(organizations).values({ id: 'org_dash', name: 'Dash & Co' });
    await opened.db
      .insert(memberships)
      .values({ organizationId: 'org_dash', userId: 'user_member', role: 'org:member' });
    await opened.db.insert(licenses).values({
      id: 'lic_dash',
      ownerType: 'organization',
      ownerId: 'org_dash',
      plan: 'team',
      seats: 12,
    });
    const periodEnd = new Date('2027-01-01T00:00:00Z');
    await opened.db.insert(subscriptions).values([
      {
        id: 'sub_old',
        ownerType: 'organization',
        ownerId: 'org_dash',
        plan: 'pro',
        status: 'ended',
        eventAt: new Date('2026-01-01T00:00:00Z'),
      },
      {
        id: 'sub_new',
        ownerType: 'organization',
        ownerId: 'org_dash',
        plan: 'team',
        status: 'active',
        periodEnd,
        eventAt: new Date('2026-06-01T00:00:00Z'),
      },
    ]);
    const overview = await accountOverview(opened.db, 'user_member');
    expect(overview.license).toEqual({
      plan: 'team',
      seats: 12,
      status: 'active',
      owner: { type: 'organization', name: 'Dash & Co' },
      periodEnd,
      subscriptionStatus: 'active',
    });
    expect(overview.devicesPerSeat).toBeGreaterThan(1);
  });
});
