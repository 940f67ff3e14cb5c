'use server';

import { revalidatePath } from 'next/cache';
import { deactivateForUser } from '../../../src/account/device-approval';
import type { ActionOutcome } from '../../../src/account/device-approval';
import { SIGNED_OUT, actionUserId } from '../../../src/account/session';
import { database } from '../../../src/server/license-server';

export async function deactivateDevice(
  _previous: ActionOutcome | null,
  form: FormData,
): Promise<ActionOutcome> {
  const userId = await actionUserId();
  if (!userId) return SIGNED_OUT;
  const outcome = await deactivateForUser(await database(), userId, form.get('activationId'));
  if (outcome.ok) revalidatePath('/dashboard');
  return outcome;
}
