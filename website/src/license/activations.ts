import { and, count, countDistinct, eq, isNull, ne } from 'drizzle-orm';
import { PLAN_ENTITLEMENTS, signLicenseToken } from '@flowdesk/shared/licensing';
import type { PolicyReport } from '@flowdesk/shared/policy';
import type { LicenseSigningKey, Plan } from '@flowdesk/shared/licensing';
import type { Database } from '../db/client';
import { activations, auditEvents, deviceLinks, licenses, memberships, users } from '../db/schema';
import { apiError } from '../http/api-error';
import { newId, newSecret, sha256Hex } from './codes';
import type { LicenseServerConfig } from './config';
import { activeSigningKey } from './signing-keys';
import { signedPolicyBundle } from '../enterprise/policies';
import { requireSeatForActivation } from '../enterprise/seats';
import { requireSsoSession } from '../enterprise/sso';

/**
 * Activations: a device holding a license. Activating, refreshing and deactivating happen in
 * transactions that lock the license row, so concurrent activations never exceed the plan's
 * seats or devices per seat.
 */

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
type License = typeof licenses.$inferSelect;
type Activation = typeof activations.$inferSelect;

export interface IssuedLicense {
  status: 'issued';
  licenseToken: string;
  deviceSecret: string;
  activationId: string;
}

/** Turns an approved device link into an activation and its first token (once). */
export async function activateDevice(
  db: Database,
  link: typeof deviceLinks.$inferSelect,
  config: LicenseServerConfig,
  now: Date,
): Promise<IssuedLicense> {
  const key = await activeSigningKey(db, config.signingKey, now);
  return db.transaction(async (tx) => {
    // Taken once: a second poll racing this one finds the link consumed.
    const [taken] = await tx
      .update(deviceLinks)
      .set({ status: 'consumed' })
      .where(and(eq(deviceLinks.id, link.id), eq(deviceLinks.status, 'approved')))
      .returning({ userId: deviceLinks.userId });
    if (!taken?.userId) {
      throw apiError(400, 'expired_token', 'This sign-in request was already used.');
    }
    const userId = taken.userId;
    const [account] = await tx
      .select({ deprovisionedAt: users.deprovisionedAt })
      .from(users)
      .where(eq(users.id, userId));
    if (account?.deprovisionedAt) {
      throw apiError(
        403,
        'ACCOUNT_DEPROVISIONED',
        'Your organization ended this account. Ask your administrator if you still need Flow Desk.',
      );
    }
    const license = await lockLicenseFor(tx, userId, now);
    if (license.status !== 'active') throw licenseRevoked();
    if (license.ownerType === 'organization') await requireSsoSession(tx, license.ownerId, userId);

    const deviceSecret = newSecret();
    const [existing] = await tx
      .select()
      .from(activations)
      .where(
        and(
          eq(activations.licenseId, license.id),
          eq(activations.deviceFingerprintHash, link.deviceFingerprintHash),
          isNull(activations.deactivatedAt),
        ),
      );
    let activation: Activation;
    if (existing) {
      // The same device signing in again: same activation, a new secret.
      [activation] = (await tx
        .update(activations)
        .set({
          userId,
          deviceName: link.deviceName,
          platform: link.platform,
          appVersion: link.appVersion,
          secretHash: sha256Hex(deviceSecret),
          lastCheckInAt: now,
        })
        .where(eq(activations.id, existing.id))
        .returning()) as [Activation];
    } else {
      await enforceLimits(tx, license, userId, now);
      [activation] = (await tx
        .insert(activations)
        .values({
          id: newId('act'),
          licenseId: license.id,
          userId,
          deviceFingerprintHash: link.deviceFingerprintHash,
          deviceName: link.deviceName,
          platform: link.platform,
          appVersion: link.appVersion,
          secretHash: sha256Hex(deviceSecret),
          createdAt: now,
          lastCheckInAt: now,
        })
        .returning()) as [Activation];
    }
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'user',
      actorId: userId,
      action: existing ? 'activation.renewed' : 'activation.created',
      targetType: 'activation',
      targetId: activation.id,
      organizationId: license.ownerType === 'organization' ? license.ownerId : null,
      metadata: { deviceName: link.deviceName, platform: link.platform },
    });
    const licenseToken = await tokenFor(license, activation, key, config, now);
    return { status: 'issued', licenseToken, deviceSecret, activationId: activation.id };
  });
}

/**
 * A fresh token for a device that presents its secret: it reflects plan changes and
 * revocations since the last one. A deactivated device or a revoked license gets a 403 the app
 * turns into fallback mode.
 */
export async function refreshLicense(
  db: Database,
  request: {
    deviceSecret: string;
    deviceFingerprintHash: string;
    appVersion?: string;
    policyReport?: PolicyReport;
  },
  config: LicenseServerConfig,
  now = new Date(),
): Promise<{ licenseToken: string; policyBundle?: string }> {
  const key = await activeSigningKey(db, config.signingKey, now);
  const secretHash = sha256Hex(request.deviceSecret);
  // The usual case in one statement: a live activation of this device on an active license
  // records its check-in and returns what the token needs.
  const [refreshed] = await db
    .update(activations)
    .set({ lastCheckInAt: now, ...(request.appVersion ? { appVersion: request.appVersion } : {}) })
    .from(licenses)
    .where(
      and(
        eq(activations.secretHash, secretHash),
        eq(activations.deviceFingerprintHash, request.deviceFingerprintHash),
        isNull(activations.deactivatedAt),
        eq(licenses.id, activations.licenseId),
        eq(licenses.status, 'active'),
      ),
    )
    .returning({
      activationId: activations.id,
      userId: activations.userId,
      deviceFingerprintHash: activations.deviceFingerprintHash,
      licenseId: licenses.id,
      plan: licenses.plan,
      seats: licenses.seats,
      ownerType: licenses.ownerType,
      ownerId: licenses.ownerId,
    });
  if (refreshed?.ownerType === 'organization') {
    await requireSsoSession(db, refreshed.ownerId, refreshed.userId);
    if (request.policyReport && request.policyReport.findings.length > 0) {
      await db.insert(auditEvents).values({
        at: now,
        actorType: 'device',
        actorId: refreshed.activationId,
        action: 'policy.findings_reported',
        targetType: 'user',
        targetId: refreshed.userId,
        organizationId: refreshed.ownerId,
        metadata: { ...request.policyReport },
      });
    }
  }
  if (refreshed) {
    // An organization's members also get its policies, signed (issue 10); apps that do not know
    // the field ignore it.
    const policyBundle =
      refreshed.ownerType === 'organization'
        ? (await signedPolicyBundle(db, refreshed.ownerId, { key, issuer: config.issuer, now }))
            .token
        : undefined;
    return {
      ...(policyBundle === undefined ? {} : { policyBundle }),
      licenseToken: await tokenFor(
        {
          id: refreshed.licenseId,
          plan: refreshed.plan,
          seats: refreshed.seats,
          ownerType: refreshed.ownerType,
          ownerId: refreshed.ownerId,
        },
        {
          id: refreshed.activationId,
          userId: refreshed.userId,
          deviceFingerprintHash: refreshed.deviceFingerprintHash,
        },
        key,
        config,
        now,
      ),
    };
  }
  throw await whyRefreshIsRefused(db, secretHash, request.deviceFingerprintHash);
}

/** The error for a refresh that matched no live activation on an active license. */
async function whyRefreshIsRefused(db: Database, secretHash: string, fingerprintHash: string) {
  const [found] = await db
    .select({ activation: activations, license: licenses })
    .from(activations)
    .innerJoin(licenses, eq(licenses.id, activations.licenseId))
    .where(eq(activations.secretHash, secretHash))
    .limit(1);
  if (!found) {
    return apiError(
      401,
      'DEVICE_NOT_RECOGNIZED',
      'This device is not signed in to a Flow Desk account. Sign in again in the app.',
    );
  }
  if (found.activation.deviceFingerprintHash !== fingerprintHash) {
    return apiError(
      403,
      'DEVICE_MISMATCH',
      'This sign-in belongs to another device. Sign in again on this one.',
    );
  }
  if (found.activation.deactivatedAt) {
    return apiError(
      403,
      'ACTIVATION_REVOKED',
      'This device was signed out of its Flow Desk account. Sign in again to use your plan.',
    );
  }
  if (found.license.status !== 'active') return licenseRevoked();
  // It changed between the two statements (signed in again, or reactivated): one more try.
  return apiError(
    409,
    'REFRESH_CONFLICT',
    'The license changed while it was being checked. Try again.',
  );
}

/** Deactivates a device: by the device itself (its secret) or by the account that owns it. */
export async function deactivateActivation(
  db: Database,
  activationId: string,
  actor: { deviceSecret: string } | { userId: string },
  now = new Date(),
): Promise<void> {
  const [activation] = await db
    .select()
    .from(activations)
    .where(eq(activations.id, activationId))
    .limit(1);
  const allowed =
    activation !== undefined &&
    ('deviceSecret' in actor
      ? activation.secretHash === sha256Hex(actor.deviceSecret)
      : activation.userId === actor.userId);
  // The same answer whether the id is unknown or not the caller's: ids are not probed.
  if (!activation || !allowed) {
    throw apiError(404, 'ACTIVATION_NOT_FOUND', 'There is no such device on your account.');
  }
  if (activation.deactivatedAt) return;
  await db.transaction(async (tx) => {
    await tx
      .update(activations)
      .set({ deactivatedAt: now })
      .where(eq(activations.id, activationId));
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'deviceSecret' in actor ? 'device' : 'user',
      actorId: 'deviceSecret' in actor ? activationId : actor.userId,
      action: 'activation.deactivated',
      targetType: 'activation',
      targetId: activationId,
      metadata: { deviceName: activation.deviceName },
    });
  });
}

/** The devices on a user's account, for the dashboard. */
export async function devicesOf(db: Database, userId: string) {
  return db
    .select({
      id: activations.id,
      deviceName: activations.deviceName,
      platform: activations.platform,
      appVersion: activations.appVersion,
      createdAt: activations.createdAt,
      lastCheckInAt: activations.lastCheckInAt,
      deactivatedAt: activations.deactivatedAt,
    })
    .from(activations)
    .where(eq(activations.userId, userId))
    .orderBy(activations.createdAt);
}

/**
 * The license a user's device activates against, locked for this transaction: their
 * organization's, if they belong to one that has a license, else their own (a free one is made
 * on first use).
 */
async function lockLicenseFor(tx: Transaction, userId: string, now: Date): Promise<License> {
  const [organizationLicense] = await tx
    .select({ id: licenses.id })
    .from(licenses)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, licenses.ownerId), eq(memberships.userId, userId)),
    )
    .where(and(eq(licenses.ownerType, 'organization'), eq(licenses.status, 'active')))
    .orderBy(licenses.createdAt)
    .limit(1);
  let licenseId = organizationLicense?.id;
  if (!licenseId) {
    await tx
      .insert(licenses)
      .values({
        id: newId('lic'),
        ownerType: 'user',
        ownerId: userId,
        plan: 'free',
        seats: PLAN_ENTITLEMENTS.free.includedSeats,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    const [own] = await tx
      .select({ id: licenses.id })
      .from(licenses)
      .where(and(eq(licenses.ownerType, 'user'), eq(licenses.ownerId, userId)));
    licenseId = own!.id;
  }
  const [locked] = await tx.select().from(licenses).where(eq(licenses.id, licenseId)).for('update');
  return locked!;
}

async function enforceLimits(
  tx: Transaction,
  license: License,
  userId: string,
  now: Date,
): Promise<void> {
  const entitlements = PLAN_ENTITLEMENTS[license.plan];
  // An organization's members need a seat (assigned, or taken automatically) first.
  if (license.ownerType === 'organization')
    await requireSeatForActivation(tx, license, userId, now);
  const live = and(eq(activations.licenseId, license.id), isNull(activations.deactivatedAt));
  const [mine] = await tx
    .select({ devices: count() })
    .from(activations)
    .where(and(live, eq(activations.userId, userId)));
  if ((mine?.devices ?? 0) >= entitlements.devicesPerSeat) {
    throw apiError(
      409,
      'DEVICE_LIMIT_REACHED',
      `Your ${entitlements.name} plan allows ${entitlements.devicesPerSeat} device${entitlements.devicesPerSeat === 1 ? '' : 's'}. Sign out of one on your dashboard, then try again.`,
    );
  }
  if (license.ownerType === 'user' && (mine?.devices ?? 0) === 0) {
    const [others] = await tx
      .select({ users: countDistinct(activations.userId) })
      .from(activations)
      .where(and(live, ne(activations.userId, userId)));
    if ((others?.users ?? 0) >= license.seats) {
      throw apiError(
        409,
        'SEAT_LIMIT_REACHED',
        `All ${license.seats} seats of this license are in use. Ask your administrator for a seat.`,
      );
    }
  }
}

/** A license token for this device: valid for one check interval plus the grace period. */
type TokenLicense = Pick<License, 'id' | 'plan' | 'seats' | 'ownerType' | 'ownerId'>;
type TokenActivation = Pick<Activation, 'id' | 'userId' | 'deviceFingerprintHash'>;

function tokenFor(
  license: TokenLicense,
  activation: TokenActivation,
  key: LicenseSigningKey,
  config: LicenseServerConfig,
  now: Date,
): Promise<string> {
  return signLicenseToken(grantFor(license, activation, config), {
    key,
    issuer: config.issuer,
    lifetimeSeconds: config.checkIntervalSeconds + config.graceSeconds,
    now,
    tokenId: newId('lt'),
  });
}

function grantFor(license: TokenLicense, activation: TokenActivation, config: LicenseServerConfig) {
  const plan: Plan = license.plan;
  return {
    sub: activation.userId,
    lic: license.id,
    plan,
    features: [...PLAN_ENTITLEMENTS[plan].features],
    seats: license.seats,
    device: { fph: activation.deviceFingerprintHash, aid: activation.id },
    checks: { interval: config.checkIntervalSeconds, grace: config.graceSeconds },
    ...(license.ownerType === 'organization' ? { org: { id: license.ownerId } } : {}),
  };
}

function licenseRevoked() {
  return apiError(
    403,
    'LICENSE_REVOKED',
    'This Flow Desk license was revoked. Your workspaces stay; check your plan on the website.',
  );
}
