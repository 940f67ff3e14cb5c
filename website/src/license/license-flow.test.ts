import { eq } from 'drizzle-orm';
import { exportPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLicenseSigningKey, verifyLicenseToken } from '@flowdesk/shared/licensing';
import { verifyPolicyBundle } from '@flowdesk/shared/policy';
import type { OpenedDatabase } from '../db/client';
import {
  activations,
  auditEvents,
  licenses,
  memberships,
  organizations,
  policies,
  users,
} from '../db/schema';
import { testDatabase } from '../../test/database';
import { errorCodeOf } from '../../test/error-code';
import { deactivateActivation, devicesOf, refreshLicense } from './activations';
import { sha256Hex } from './codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from './config';
import type { LicenseServerConfig } from './config';
import {
  createDeviceLink,
  decideDeviceLink,
  pendingDeviceLink,
  pollDeviceLink,
} from './device-links';
import type { DeviceDescription } from './device-links';
import { activeSigningKey, publishedKeySet, rotateSigningKey } from './signing-keys';

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
});
afterAll(() => opened.close());

const device = (name = 'Work laptop', fingerprint = 'laptop'): DeviceDescription => ({
  deviceFingerprintHash: sha256Hex(fingerprint),
  deviceName: name,
  platform: 'linux',
  appVersion: '0.1.0',
});

const codeOf = errorCodeOf;

/** A device signs in: link, approval by `userId`, then the poll that receives the token. */
async function signIn(userId: string, description = device(), at = start) {
  const link = await createDeviceLink(opened.db, description, config, at);
  await decideDeviceLink(opened.db, { userCode: link.userCode, userId, approve: true }, at);
  return pollDeviceLink(
    opened.db,
    link.deviceCode,
    config,
    later((at.getTime() - start.getTime()) / 1000 + 10),
  );
}

describe('device-link sign-in', () => {
  it('links a device after approval, once, with a token that verifies against the JWKS', async () => {
    const link = await createDeviceLink(opened.db, device(), config, start);
    expect(link.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(link.deviceCode).toHaveLength(43);
    expect(link.verificationUriComplete).toBe(
      `http://localhost:3000/activate?code=${link.userCode}`,
    );
    expect(link).toMatchObject({ expiresIn: 900, interval: 5 });

    // The page shows the device before the user decides; the code may be typed loosely.
    const shown = await pendingDeviceLink(
      opened.db,
      link.userCode.toLowerCase().replace('-', ' '),
      start,
    );
    expect(shown).toMatchObject({ deviceName: 'Work laptop', platform: 'linux' });

    expect(await codeOf(pollDeviceLink(opened.db, link.deviceCode, config, later(1)))).toBe(
      'authorization_pending',
    );
    await decideDeviceLink(
      opened.db,
      { userCode: link.userCode, userId: 'user_alice', approve: true },
      later(20),
    );
    const issued = await pollDeviceLink(opened.db, link.deviceCode, config, later(30));
    const verified = await verifyLicenseToken(issued.licenseToken, {
      keys: await publishedKeySet(opened.db),
      issuer: config.issuer,
      now: later(30),
    });
    if (!verified.ok) throw verified.error;
    expect(verified.value).toMatchObject({
      sub: 'user_alice',
      plan: 'free',
      device: { fph: sha256Hex('laptop'), aid: issued.activationId },
      checks: { interval: 86_400, grace: 14 * 86_400 },
    });
    expect(verified.value.exp - verified.value.iat).toBe(15 * 86_400);
    // Once only.
    expect(await codeOf(pollDeviceLink(opened.db, link.deviceCode, config, later(40)))).toBe(
      'expired_token',
    );
  });

  it('tells a fast poller to slow down and lengthens its interval', async () => {
    const link = await createDeviceLink(opened.db, device(), config, start);
    expect(await codeOf(pollDeviceLink(opened.db, link.deviceCode, config, later(5)))).toBe(
      'authorization_pending',
    );
    let error: unknown;
    await pollDeviceLink(opened.db, link.deviceCode, config, later(6)).catch((e: unknown) => {
      error = e;
    });
    expect(error).toMatchObject({ code: 'slow_down', details: { interval: 10 } });
    expect(await codeOf(pollDeviceLink(opened.db, link.deviceCode, config, later(12)))).toBe(
      'slow_down',
    );
    expect(await codeOf(pollDeviceLink(opened.db, link.deviceCode, config, later(40)))).toBe(
      'authorization_pending',
    );
  });

  it('refuses a denied, expired or unknown link, and codes that cannot exist', async () => {
    const denied = await createDeviceLink(opened.db, device(), config, start);
    await decideDeviceLink(
      opened.db,
      { userCode: denied.userCode, userId: 'user_bob', approve: false },
      start,
    );
    expect(await codeOf(pollDeviceLink(opened.db, denied.deviceCode, config, later(10)))).toBe(
      'access_denied',
    );

    const expired = await createDeviceLink(opened.db, device(), config, start);
    expect(
      await codeOf(
        decideDeviceLink(
          opened.db,
          { userCode: expired.userCode, userId: 'user_bob', approve: true },
          later(901),
        ),
      ),
    ).toBe('USER_CODE_UNKNOWN');
    expect(await codeOf(pollDeviceLink(opened.db, expired.deviceCode, config, later(901)))).toBe(
      'expired_token',
    );
    expect(await codeOf(pollDeviceLink(opened.db, 'not-a-device-code', config, start))).toBe(
      'invalid_grant',
    );
    for (const typed of ['', "'; drop table users; --", 'AAAA-AAAA', 'BCDF-GHJ']) {
      expect(await codeOf(pendingDeviceLink(opened.db, typed, start))).toBe('USER_CODE_UNKNOWN');
    }
  });

  it('keeps a device name as text, whatever it holds', async () => {
    const name = `<script>alert(1)</script>'; drop table activations; --`;
    const issued = await signIn('user_carol', device(name, 'carol-pc'));
    const [stored] = await opened.db
      .select()
      .from(activations)
      .where(eq(activations.id, issued.activationId));
    expect(stored?.deviceName).toBe(name);
  });
});

describe('activations', () => {
  it('refreshes with the device secret, reflecting plan changes, until deactivated', async () => {
    const issued = await signIn('user_dave', device('Dave', 'dave-pc'));
    const request = {
      deviceSecret: issued.deviceSecret,
      deviceFingerprintHash: sha256Hex('dave-pc'),
    };
    await opened.db.update(licenses).set({ plan: 'pro' }).where(eq(licenses.ownerId, 'user_dave'));
    const { licenseToken } = await refreshLicense(
      opened.db,
      { ...request, appVersion: '0.2.0' },
      config,
      later(3600),
    );
    const verified = await verifyLicenseToken(licenseToken, {
      keys: await publishedKeySet(opened.db),
      issuer: config.issuer,
      now: later(3600),
    });
    expect(verified.ok && verified.value.plan).toBe('pro');
    expect(verified.ok && verified.value.features).toContain('backups.sessions');
    const [listed] = await devicesOf(opened.db, 'user_dave');
    expect(listed).toMatchObject({ deviceName: 'Dave', appVersion: '0.2.0' });
    expect(listed?.lastCheckInAt).toEqual(later(3600));

    expect(
      await codeOf(
        refreshLicense(opened.db, { ...request, deviceFingerprintHash: sha256Hex('x') }, config),
      ),
    ).toBe('DEVICE_MISMATCH');
    expect(
      await codeOf(refreshLicense(opened.db, { ...request, deviceSecret: 'guess' }, config)),
    ).toBe('DEVICE_NOT_RECOGNIZED');

    // Someone else cannot deactivate it; its owner can.
    expect(
      await codeOf(deactivateActivation(opened.db, issued.activationId, { userId: 'user_eve' })),
    ).toBe('ACTIVATION_NOT_FOUND');
    await deactivateActivation(opened.db, issued.activationId, { userId: 'user_dave' });
    expect(await codeOf(refreshLicense(opened.db, request, config))).toBe('ACTIVATION_REVOKED');
    // Twice is fine.
    await deactivateActivation(opened.db, issued.activationId, {
      deviceSecret: issued.deviceSecret,
    });
    const trail = await opened.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, issued.activationId));
    expect(trail.map((event) => event.action)).toEqual([
      'activation.created',
      'activation.deactivated',
    ]);
  });

  it('holds a free plan to one device; the same device signing in again keeps its place', async () => {
    const first = await signIn('user_frank', device('Laptop', 'frank-laptop'));
    const again = await signIn('user_frank', device('Laptop (renamed)', 'frank-laptop'));
    expect(again.activationId).toBe(first.activationId);
    // The old secret no longer refreshes.
    expect(
      await codeOf(
        refreshLicense(
          opened.db,
          { deviceSecret: first.deviceSecret, deviceFingerprintHash: sha256Hex('frank-laptop') },
          config,
        ),
      ),
    ).toBe('DEVICE_NOT_RECOGNIZED');
    expect(await codeOf(signIn('user_frank', device('Desktop', 'frank-desktop')))).toBe(
      'DEVICE_LIMIT_REACHED',
    );
    // Signing one out frees its place.
    await deactivateActivation(opened.db, first.activationId, { userId: 'user_frank' });
    expect(await codeOf(signIn('user_frank', device('Desktop', 'frank-desktop')))).toBe('ok');
  });

  it('never gives more seats than an organization license has, even all at once', async () => {
    await opened.db.insert(organizations).values({ id: 'org_acme', name: 'Acme' });
    const members = Array.from({ length: 8 }, (_, index) => `user_acme_${index}`);
    await opened.db.insert(users).values(members.map((id) => ({ id })));
    await opened.db
      .insert(memberships)
      .values(
        members.map((userId) => ({ organizationId: 'org_acme', userId, role: 'org:member' })),
      );
    await opened.db.insert(licenses).values({
      id: 'lic_acme',
      ownerType: 'organization',
      ownerId: 'org_acme',
      plan: 'team',
      seats: 5,
    });
    const outcomes = await Promise.all(
      members.map((userId) => codeOf(signIn(userId, device(userId, userId)))),
    );
    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'SEAT_LIMIT_REACHED')).toHaveLength(3);
    // A member with a seat may add devices up to the plan's devices per seat.
    const seated = members[outcomes.indexOf('ok')]!;
    expect(await codeOf(signIn(seated, device('Second', `${seated}-2`)))).toBe('ok');

    // Refreshing, a member's app also gets the organization's policies, signed.
    await opened.db.insert(policies).values({
      organizationId: 'org_acme',
      policyId: 'approved-apps',
      name: 'Approved apps',
      type: 'access',
      enforcement: 'strict',
      version: 1,
      rules: [{ kind: 'blocked-service-types', types: ['discord'] }],
      updatedBy: 'user_admin',
    });
    const issued = await signIn(seated, device('Third', `${seated}-3`));
    const refreshed = await refreshLicense(
      opened.db,
      { deviceSecret: issued.deviceSecret, deviceFingerprintHash: sha256Hex(`${seated}-3`) },
      config,
      later(60),
    );
    const bundle = await verifyPolicyBundle(refreshed.policyBundle ?? '', {
      keys: await publishedKeySet(opened.db),
      issuer: config.issuer,
      organizationId: 'org_acme',
    });
    expect(bundle.ok && bundle.value.policies.map((policy) => policy.name)).toEqual([
      'Approved apps',
    ]);
  });

  it('refuses every device of a revoked license', async () => {
    const issued = await signIn('user_gina', device('Gina', 'gina-pc'));
    await opened.db
      .update(licenses)
      .set({ status: 'revoked' })
      .where(eq(licenses.ownerId, 'user_gina'));
    expect(
      await codeOf(
        refreshLicense(
          opened.db,
          { deviceSecret: issued.deviceSecret, deviceFingerprintHash: sha256Hex('gina-pc') },
          config,
        ),
      ),
    ).toBe('LICENSE_REVOKED');
    expect(await codeOf(signIn('user_gina', device('Gina 2', 'gina-2')))).toBe('LICENSE_REVOKED');
  });
});

describe('signing keys', () => {
  it('keeps tokens of a rotated-out key verifiable, and signs new ones with the new key', async () => {
    const before = await activeSigningKey(opened.db, {}, start);
    const issued = await signIn('user_hal', device('Hal', 'hal-pc'));
    const rotated = await rotateSigningKey(opened.db, later(60));
    expect(rotated.kid).not.toBe(before.kid);
    expect((await activeSigningKey(opened.db, {}, later(61))).kid).toBe(rotated.kid);
    const published = await publishedKeySet(opened.db);
    expect(published.keys.map((key) => key.kid)).toEqual(
      expect.arrayContaining([before.kid, rotated.kid]),
    );
    expect(published.keys.every((key) => !('d' in key))).toBe(true);
    const verified = await verifyLicenseToken(issued.licenseToken, {
      keys: published,
      issuer: config.issuer,
      now: later(120),
    });
    expect(verified.ok).toBe(true);
  });

  it('uses the configured production key and publishes only its public half', async () => {
    const production = await generateLicenseSigningKey('prod-1');
    const source = { pkcs8: await exportPKCS8(production.privateKey), kid: 'prod-1' };
    const key = await activeSigningKey(opened.db, source, start);
    expect(key.publicJwk.x).toBe(production.publicJwk.x);
    const published = await publishedKeySet(opened.db);
    expect(published.keys.find((found) => found.kid === 'prod-1')?.x).toBe(production.publicJwk.x);
  });
});
