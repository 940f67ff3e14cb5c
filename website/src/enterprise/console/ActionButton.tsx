'use client';

import { useState, useTransition } from 'react';
import type { AdminResult } from '../console-session';
import { ResultMessage } from './ResultMessage';
import type { ResultText } from './ResultMessage';

/**
 * One admin action behind a button: pending state while it runs, an optional confirmation for
 * what cannot be undone, and the outcome announced to screen readers.
 */
export function ActionButton({
  label,
  pendingLabel,
  action,
  confirmation,
  done,
  tone = 'normal',
}: {
  label: string;
  pendingLabel: string;
  action: () => Promise<AdminResult<unknown>>;
  /** Asked before running (e.g. what releasing a seat does to the member's devices). */
  confirmation?: string;
  /**
   * What to say when it worked; by default nothing (the page refreshes). A server component can
   * pass only text: functions do not cross to the browser (wrap the button in a client
   * component, as SyncMembersButton does, to describe the result).
   */
  done?: string | ((value: unknown) => string);
  tone?: 'normal' | 'danger';
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<ResultText | null>(null);
  const run = () => {
    if (confirmation && !window.confirm(confirmation)) return;
    start(async () => {
      const result = await action();
      setMessage(
        result.ok
          ? done
            ? { ok: true, text: typeof done === 'string' ? done : done(result.value) }
            : null
          : { ok: false, text: result.message },
      );
    });
  };
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        onClick={run}
        disabled={pending}
        className={`rounded-md border px-3 py-1 text-sm focus-visible:outline-2 disabled:opacity-60 ${
          tone === 'danger'
            ? 'border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950'
            : 'border-neutral-300 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900'
        }`}
      >
        {pending ? pendingLabel : label}
      </button>
      <span aria-live="polite" className="text-sm">
        <ResultMessage message={message} />
      </span>
    </span>
  );
}
