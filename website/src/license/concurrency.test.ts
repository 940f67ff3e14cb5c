import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_ENTITLEMENTS } from '@flowdesk/shared/licensing';
import type { Plan } from '@flowdesk/shared/licensing';
import type { OpenedDatabase } from '../db/client';
import {
  activations,
  auditEvents,
  licenses,
  memberships,
  organizations,
  seats,
  users,
} from '../db/schema';
import { testDatabase } from '../../test/database';
import { errorCodeOf } from '../../test/error-code';
import { deactivateActivation, refreshLicense } from './activations';
import type { IssuedLicense } from './activations';
import { sha256Hex } from './codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from './config';
import type { LicenseServerConfig } from './config';
import { createDeviceLink, decideDeviceLink, pollDeviceLink } from './device-links';
import { activeSigningKey } from './signing-keys';

/**
 * The license server under simultaneous requests (issue 12): seats, devices per seat and
 * deactivation hold when many requests arrive at once. On PGlite the requests queue on its one
 * connection; on PostgreSQL (test/with-postgres.mjs) they really overlap, through a pool of 10.
 */

const config: LicenseServerConfig = {
  ...DEFAULT_LICENSE_SERVER_CONFIG,
  issuer: 'http://localhost:3000',
  signingKey: {},
};
const start = new Date('2026-12-01T10:00:00.000Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
  // Made once up front, so the requests race on seats and devices, not on creating the key.
  await activeSigningKey(opened.db, config.signingKey, start);
});
afterAll(() => opened.close());

const codeOf = errorCodeOf;

/** How many times each outcome occurred: an unexpected code shows up in the diff. */
function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A device link `userId` has approved, ready to be polled. Approving first keeps the approval
 * out of the race: only the polls, which activate, start together.
 */
async function approvedLink(userId: string, fingerprint: string, at = start): Promise<string> {
  const link = await createDeviceLink(
    opened.db,
    {
      deviceFingerprintHash: sha256Hex(fingerprint),
      deviceName: fingerprint,
      platform: 'linux',
      appVersion: '0.1.0',
    },
    config,
    at,
  );
  await decideDeviceLink(opened.db, { userCode: link.userCode, userId, approve: true }, at);
  return link.deviceCode;
}

/** Polls all the links at once; each outcome is 'ok' or the refusal's code, in link order. */
async function activateAll(deviceCodes: readonly string[], at = later(10)) {
  const issued: (IssuedLicense | undefined)[] = deviceCodes.map(() => undefined);
  const outcomes = await Promise.all(
    deviceCodes.map((deviceCode, index) =>
      codeOf(
        pollDeviceLink(opened.db, deviceCode, config, at).then((result) => {
          issued[index] = result;
        }),
      ),
    ),
  );
  return { outcomes, issued };
}

const liveActivationsOf = (licenseId: string) =>
  opened.db
    .select()
    .from(activations)
    .where(and(eq(activations.licenseId, licenseId), isNull(activations.deactivatedAt)))
    .orderBy(asc(activations.userId), asc(activations.deviceName));

async function organizationWithMembers(
  organizationId: string,
  memberCount: number,
  license: { plan: Plan; seats: number },
) {
  await opened.db.insert(organizations).values({ id: organizationId, name: organizationId });
  const members = Array.from({ length: memberCount }, (_, index) => `${organizationId}_${index}`);
  await opened.db.insert(users).values(members.map((id) => ({ id })));
  await opened.db
    .insert(memberships)
    .values(members.map((userId) => ({ organizationId, userId, role: 'org:member' })));
  const licenseId = `lic_${organizationId}`;
  await opened.db
    .insert(licenses)
    .values({ id: licenseId, ownerType: 'organization', ownerId: organizationId, ...license });
  return { members, licenseId };
}

describe('simultaneous activations', () => {
  it('gives exactly 5 of 50 members activating at once a seat on a 5-seat organization license, and refuses 45', async () => {
    const { members, licenseId } = await organizationWithMembers('org_rush', 50, {
      plan: 'team',
      seats: 5,
    });
    const deviceCodes = await Promise.all(members.map((userId) => approvedLink(userId, userId)));

    const { outcomes } = await activateAll(deviceCodes);

    expect(tally(outcomes)).toEqual({ ok: 5, SEAT_LIMIT_REACHED: 45 });
    const seated = members.filter((_, index) => outcomes[index] === 'ok').sort();
    // The rows agree with the answers: one seat and one live device per member that got 'ok'.
    const seatRows = await opened.db
      .select({ userId: seats.userId })
      .from(seats)
      .where(eq(seats.organizationId, 'org_rush'))
      .orderBy(asc(seats.userId));
    expect(seatRows.map((row) => row.userId)).toEqual(seated);
    const live = await liveActivationsOf(licenseId);
    expect(live.map((activation) => activation.userId)).toEqual(seated);
    const created = await opened.db
      .select({ actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.organizationId, 'org_rush'),
          eq(auditEvents.action, 'activation.created'),
        ),
      )
      .orderBy(asc(auditEvents.actorId));
    expect(created.map((event) => event.actorId)).toEqual(seated);
  });

  const deviceLimitCases: { plan: Plan; owner: string }[] = [
    { plan: 'free', owner: 'own license, made by the activations' },
    { plan: 'pro', owner: 'own license' },
    { plan: 'enterprise', owner: 'organization license' },
  ];
  for (const { plan, owner } of deviceLimitCases) {
    it(`gives one user activating 20 devices at once exactly the ${plan} plan's devices per seat (${owner})`, async () => {
      const allowed = PLAN_ENTITLEMENTS[plan].devicesPerSeat;
      let userId = `user_many_${plan}`;
      let organizationId: string | undefined;
      if (plan === 'enterprise') {
        organizationId = `org_many_${plan}`;
        const { members } = await organizationWithMembers(organizationId, 1, { plan, seats: 10 });
        userId = members[0]!;
      } else if (plan !== 'free') {
        // A free license is made by the activations themselves, so they also race to create it.
        await opened.db.insert(users).values({ id: userId });
        await opened.db
          .insert(licenses)
          .values({ id: `lic_${userId}`, ownerType: 'user', ownerId: userId, plan, seats: 1 });
      }
      const fingerprints = Array.from({ length: 20 }, (_, index) => `${userId}-device-${index}`);
      // One after another: approvals of a user not yet known would race to create the user row.
      const deviceCodes: string[] = [];
      for (const fingerprint of fingerprints) {
        deviceCodes.push(await approvedLink(userId, fingerprint));
      }

      const { outcomes } = await activateAll(deviceCodes);

      expect(allowed).toBeLessThan(20);
      expect(tally(outcomes)).toEqual({ ok: allowed, DEVICE_LIMIT_REACHED: 20 - allowed });
      const owned = await opened.db
        .select()
        .from(licenses)
        .where(
          organizationId
            ? eq(licenses.ownerId, organizationId)
            : and(eq(licenses.ownerType, 'user'), eq(licenses.ownerId, userId)),
        );
      expect(owned).toHaveLength(1);
      expect(owned[0]?.plan).toBe(plan);
      const live = await liveActivationsOf(owned[0]!.id);
      expect(live.map((activation) => activation.deviceName)).toEqual(
        fingerprints.filter((_, index) => outcomes[index] === 'ok').sort(),
      );
      expect(live.every((activation) => activation.userId === userId)).toBe(true);
      if (organizationId) {
        const seatRows = await opened.db
          .select({ userId: seats.userId })
          .from(seats)
          .where(eq(seats.organizationId, organizationId));
        expect(seatRows).toEqual([{ userId }]);
      }
    });
  }
});

describe('refresh racing deactivation', () => {
  it('never leaves a device active or re-activated when a refresh and a deactivation of it run at once', async () => {
    const rounds = 25;
    const activatedAt = later(10);
    const refreshAt = later(60);
    const deactivateAt = later(120);
    // Each round its own user and device (a free license each). Rounds run one after another:
    // all at once, the pool's queue rather than the stagger below would decide the order.
    const userIds = Array.from({ length: rounds }, (_, round) => `user_race_${round}`);
    const deviceCodes: string[] = [];
    for (const userId of userIds) deviceCodes.push(await approvedLink(userId, userId));
    const { outcomes, issued } = await activateAll(deviceCodes, activatedAt);
    expect(tally(outcomes)).toEqual({ ok: rounds });

    const race = async (userId: string, round: number) => {
      const device = issued[round]!;
      const request = {
        deviceSecret: device.deviceSecret,
        deviceFingerprintHash: sha256Hex(userId),
      };
      // The refresh starts from 3 ms early to 6 ms late (a deactivation takes more statements),
      // so both orders, and the refresh waiting on the deactivation's row lock, occur.
      const head = (round % 10) - 3;
      const [refreshed, deactivated] = await Promise.all([
        pause(Math.max(head, 0)).then(() =>
          codeOf(refreshLicense(opened.db, request, config, refreshAt)),
        ),
        pause(Math.max(-head, 0)).then(() =>
          codeOf(
            deactivateActivation(
              opened.db,
              device.activationId,
              round % 2 === 0 ? { userId } : { deviceSecret: device.deviceSecret },
              deactivateAt,
            ),
          ),
        ),
      ]);
      const after = await codeOf(refreshLicense(opened.db, request, config, later(180)));
      return { userId, activationId: device.activationId, refreshed, deactivated, after };
    };
    const raced: Awaited<ReturnType<typeof race>>[] = [];
    for (const [round, userId] of userIds.entries()) raced.push(await race(userId, round));

    for (const { userId, activationId, refreshed, deactivated, after } of raced) {
      expect({ userId, deactivated, after }).toEqual({
        userId,
        deactivated: 'ok',
        after: 'ACTIVATION_REVOKED',
      });
      expect(['ok', 'ACTIVATION_REVOKED']).toContain(refreshed);
      const [row] = await opened.db
        .select()
        .from(activations)
        .where(eq(activations.id, activationId));
      // Deactivated whichever came first; a refused refresh wrote nothing, an accepted one only
      // its check-in, which happened before the deactivation (a refresh never clears it).
      expect(row).toMatchObject({
        deactivatedAt: deactivateAt,
        lastCheckInAt: refreshed === 'ok' ? refreshAt : activatedAt,
      });
      const trail = await opened.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.targetId, activationId))
        .orderBy(asc(auditEvents.id));
      expect(trail.map((event) => event.action)).toEqual([
        'activation.created',
        'activation.deactivated',
      ]);
    }
    // Nor did any refresh leave another live activation behind for these users.
    const stillLive = await opened.db
      .select({ id: activations.id })
      .from(activations)
      .where(and(isNull(activations.deactivatedAt), inArray(activations.userId, userIds)));
    expect(stillLive).toEqual([]);
  });
});
