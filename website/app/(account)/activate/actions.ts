'use server';

import { redirect } from 'next/navigation';
import { decideForUser } from '../../../src/account/device-approval';
import type { ActionOutcome } from '../../../src/account/device-approval';
import { SIGNED_OUT, actionUserId } from '../../../src/account/session';
import { database } from '../../../src/server/license-server';

export async function decideDevice(
  _previous: ActionOutcome | null,
  form: FormData,
): Promise<ActionOutcome> {
  const userId = await actionUserId();
  if (!userId) return SIGNED_OUT;
  const approve = form.get('decision') === 'approve';
  const outcome = await decideForUser(await database(), userId, {
    code: form.get('code'),
    approve,
  });
  if (outcome.ok) redirect(`/activate?decided=${approve ? 'approved' : 'denied'}`);
  return outcome;
}
