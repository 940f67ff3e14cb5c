'use client';

import { useActionState } from 'react';
import type { ActionOutcome } from './device-approval';

/** Approve or deny the device showing `code`; an error stays on the page with the buttons. */
export function DeviceDecisionForm({
  code,
  decide,
}: {
  code: string;
  decide: (previous: ActionOutcome | null, form: FormData) => Promise<ActionOutcome>;
}) {
  const [outcome, formAction, pending] = useActionState(decide, null);
  return (
    <form action={formAction} className="mt-6">
      <input type="hidden" name="code" value={code} />
      {outcome && !outcome.ok ? (
        <p role="alert" className="mb-4 text-red-700 dark:text-red-400">
          {outcome.message}
        </p>
      ) : null}
      <div className="flex gap-3">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
        >
          Approve this device
        </button>
        <button
          type="submit"
          name="decision"
          value="deny"
          disabled={pending}
          className="rounded-md border border-neutral-300 px-4 py-2 font-medium hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          Deny
        </button>
      </div>
    </form>
  );
}
