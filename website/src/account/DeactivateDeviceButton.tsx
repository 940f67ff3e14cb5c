'use client';

import { useActionState } from 'react';
import type { ActionOutcome } from './device-approval';

/** Signs one device out of the account; it drops to the free plan at its next check. */
export function DeactivateDeviceButton({
  activationId,
  deviceName,
  deactivate,
}: {
  activationId: string;
  deviceName: string;
  deactivate: (previous: ActionOutcome | null, form: FormData) => Promise<ActionOutcome>;
}) {
  const [outcome, formAction, pending] = useActionState(deactivate, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="activationId" value={activationId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Sign out ${deviceName}`}
        className="rounded-md border border-neutral-300 px-3 py-1 text-sm hover:bg-neutral-100 focus-visible:outline-2 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {outcome && !outcome.ok ? (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
