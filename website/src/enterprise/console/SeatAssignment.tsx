'use client';

import { useState, useTransition } from 'react';
import type { AdminResult } from '../console-session';

/** Whether a member's first device takes a free seat by itself, or administrators assign them. */
export function SeatAssignment({
  current,
  change,
  disabled,
}: {
  current: 'automatic' | 'manual';
  change: (assignment: string) => Promise<AdminResult<undefined>>;
  disabled: boolean;
}) {
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <label className="block text-sm">
      Seat assignment
      <select
        className="ml-2 rounded-md border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-950"
        value={value}
        disabled={disabled || pending}
        onChange={(event) => {
          const next = event.target.value as 'automatic' | 'manual';
          start(async () => {
            const answer = await change(next);
            if (answer.ok) {
              setValue(next);
              setError(null);
            } else setError(answer.message);
          });
        }}
      >
        <option value="automatic">Automatic: a member&apos;s first device takes a free seat</option>
        <option value="manual">Manual: administrators assign seats</option>
      </select>
      {error ? (
        <span role="alert" className="ml-2 text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </label>
  );
}
