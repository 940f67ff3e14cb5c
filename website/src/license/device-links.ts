import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { auditEvents, deviceLinks, users } from '../db/schema';
import { apiError } from '../http/api-error';
import { activateDevice } from './activations';
import type { IssuedLicense } from './activations';
import { newId, newSecret, newUserCode, normalizeUserCode, sha256Hex } from './codes';
import type { LicenseServerConfig } from './config';

/**
 * The device-link sign-in (decision 9, RFC 8628 shape). The app asks for a link, opens the
 * verification page in the browser and polls; the signed-in user confirms the code and approves
 * or denies; the next poll receives the license token and the device secret.
 */

export const deviceDescriptionSchema = z.strictObject({
  /** SHA-256 (hex) of the device's fingerprint, computed by the app. */
  deviceFingerprintHash: z.string().regex(/^[0-9a-f]{64}$/),
  deviceName: z.string().trim().min(1).max(100),
  platform: z.enum(['darwin', 'win32', 'linux', 'ios', 'android']),
  appVersion: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]{1,40})?$/),
});

export type DeviceDescription = z.infer<typeof deviceDescriptionSchema>;

export interface DeviceLinkCreated {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresIn: number;
  interval: number;
}

export async function createDeviceLink(
  db: Database,
  device: DeviceDescription,
  config: LicenseServerConfig,
  now = new Date(),
): Promise<DeviceLinkCreated> {
  const deviceCode = newSecret();
  // A user code is unique among pending links; a clash (one in billions) takes another code.
  for (let attempt = 0; ; attempt += 1) {
    const userCode = newUserCode();
    const inserted = await db
      .insert(deviceLinks)
      .values({
        id: newId('dl'),
        deviceCodeHash: sha256Hex(deviceCode),
        userCode,
        ...device,
        interval: config.pollIntervalSeconds,
        expiresAt: new Date(now.getTime() + config.deviceLinkSeconds * 1000),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: deviceLinks.id });
    if (inserted.length === 1) {
      const verificationUri = new URL('/activate', config.issuer).toString();
      return {
        deviceCode,
        userCode,
        verificationUri,
        verificationUriComplete: `${verificationUri}?code=${encodeURIComponent(userCode)}`,
        expiresIn: config.deviceLinkSeconds,
        interval: config.pollIntervalSeconds,
      };
    }
    if (attempt >= 5) throw apiError(503, 'DEVICE_LINK_BUSY', 'Try signing in again.');
  }
}

/** What the /activate page shows before the user decides. */
export async function pendingDeviceLink(db: Database, userCodeInput: string, now = new Date()) {
  const userCode = normalizeUserCode(userCodeInput);
  if (!userCode) throw unknownCode();
  const [link] = await db
    .select()
    .from(deviceLinks)
    .where(
      and(
        eq(deviceLinks.userCode, userCode),
        eq(deviceLinks.status, 'pending'),
        gt(deviceLinks.expiresAt, now),
      ),
    )
    .limit(1);
  if (!link) throw unknownCode();
  return {
    userCode: link.userCode,
    deviceName: link.deviceName,
    platform: link.platform,
    appVersion: link.appVersion,
    expiresAt: link.expiresAt,
  };
}

/** The signed-in user approves or denies the device showing this code. */
export async function decideDeviceLink(
  db: Database,
  decision: { userCode: string; userId: string; approve: boolean },
  now = new Date(),
): Promise<void> {
  const userCode = normalizeUserCode(decision.userCode);
  if (!userCode) throw unknownCode();
  await db.transaction(async (tx) => {
    // The user may sign in before Clerk's webhook has told us about them.
    await tx.insert(users).values({ id: decision.userId }).onConflictDoNothing();
    const decided = await tx
      .update(deviceLinks)
      .set({
        status: decision.approve ? 'approved' : 'denied',
        userId: decision.userId,
        decidedAt: now,
      })
      .where(
        and(
          eq(deviceLinks.userCode, userCode),
          eq(deviceLinks.status, 'pending'),
          gt(deviceLinks.expiresAt, now),
        ),
      )
      .returning({ id: deviceLinks.id, deviceName: deviceLinks.deviceName });
    const [link] = decided;
    if (!link) throw unknownCode();
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'user',
      actorId: decision.userId,
      action: decision.approve ? 'device_link.approved' : 'device_link.denied',
      targetType: 'device_link',
      targetId: link.id,
      metadata: { deviceName: link.deviceName },
    });
  });
}

/**
 * The app's poll. Until the user decides: authorization_pending, or slow_down when it polls
 * faster than its interval (which then grows by 5 s). Then access_denied, expired_token, or the
 * license token and the device secret, once.
 */
export async function pollDeviceLink(
  db: Database,
  deviceCode: string,
  config: LicenseServerConfig,
  now = new Date(),
): Promise<IssuedLicense> {
  const [link] = await db
    .select()
    .from(deviceLinks)
    .where(eq(deviceLinks.deviceCodeHash, sha256Hex(deviceCode)))
    .limit(1);
  if (!link) {
    throw apiError(
      400,
      'invalid_grant',
      'This sign-in request is unknown. Start signing in again in the app.',
    );
  }
  if (link.status === 'consumed' || link.expiresAt <= now) {
    throw apiError(
      400,
      'expired_token',
      'This sign-in request has expired. Start signing in again in the app.',
    );
  }
  if (link.status === 'denied') {
    throw apiError(400, 'access_denied', 'The sign-in was denied in the browser.');
  }
  if (link.status === 'pending') {
    const tooSoon =
      link.lastPolledAt !== null &&
      now.getTime() - link.lastPolledAt.getTime() < link.interval * 1000;
    await db
      .update(deviceLinks)
      .set({ lastPolledAt: now, ...(tooSoon ? { interval: link.interval + 5 } : {}) })
      .where(eq(deviceLinks.id, link.id));
    if (tooSoon) {
      throw apiError(400, 'slow_down', 'Polling too fast.', { interval: link.interval + 5 });
    }
    throw apiError(400, 'authorization_pending', 'Waiting for approval in the browser.', {
      interval: link.interval,
    });
  }
  return activateDevice(db, link, config, now);
}

function unknownCode() {
  return apiError(
    404,
    'USER_CODE_UNKNOWN',
    'This code is not waiting for approval: it is mistyped, already used or expired. Check the code the app shows, or start signing in again in the app.',
  );
}
