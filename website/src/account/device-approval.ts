import { z } from 'zod';
import { toFlowDeskError } from '@flowdesk/shared/core';
import type { Database } from '../db/client';
import { RateLimiter } from '../http/rate-limit';
import { deactivateActivation } from '../license/activations';
import { decideDeviceLink, pendingDeviceLink } from '../license/device-links';

/**
 * What the account pages do for a signed-in user: look up the code a device shows, approve or
 * deny it, sign a device out. Code look-ups are limited per user, so a session cannot be used
 * to guess codes (8 letters of 20: 2.6 × 10¹⁰ codes, each alive 15 minutes).
 */

export type ActionOutcome = { ok: true } | { ok: false; code: string; message: string };

export const CODE_LOOKUPS_PER_USER = { limit: 20, windowMs: 10 * 60_000 } as const;

const codeLookups = new RateLimiter(CODE_LOOKUPS_PER_USER.limit, CODE_LOOKUPS_PER_USER.windowMs);

const userCodeSchema = z.string().trim().min(1).max(32);
const activationIdSchema = z.string().regex(/^act_[A-Za-z0-9_-]{1,64}$/);

function failure(thrown: unknown): ActionOutcome & { ok: false } {
  const error = toFlowDeskError(thrown, 'ACCOUNT_ACTION_FAILED', 'That did not work. Try again.');
  return { ok: false, code: error.code, message: error.message };
}

function invalidCode(): ActionOutcome & { ok: false } {
  return {
    ok: false,
    code: 'USER_CODE_INVALID',
    message: 'Type the code the app shows, such as BCDF-GHJK.',
  };
}

/** The device waiting for this code, for the user to check before deciding. */
export async function deviceForCode(
  db: Database,
  userId: string,
  codeInput: unknown,
  limiter: RateLimiter = codeLookups,
) {
  const code = userCodeSchema.safeParse(codeInput);
  if (!code.success) return invalidCode();
  try {
    limiter.take(`user:${userId}`);
    return { ok: true as const, device: await pendingDeviceLink(db, code.data) };
  } catch (error) {
    return failure(error);
  }
}

export async function decideForUser(
  db: Database,
  userId: string,
  input: { code: unknown; approve: boolean },
  limiter: RateLimiter = codeLookups,
): Promise<ActionOutcome> {
  const code = userCodeSchema.safeParse(input.code);
  if (!code.success) return invalidCode();
  try {
    limiter.take(`user:${userId}`);
    await decideDeviceLink(db, { userCode: code.data, userId, approve: input.approve });
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function deactivateForUser(
  db: Database,
  userId: string,
  activationIdInput: unknown,
): Promise<ActionOutcome> {
  const activationId = activationIdSchema.safeParse(activationIdInput);
  if (!activationId.success) {
    return {
      ok: false,
      code: 'ACTIVATION_NOT_FOUND',
      message: 'There is no such device on your account.',
    };
  }
  try {
    await deactivateActivation(db, activationId.data, { userId });
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}
