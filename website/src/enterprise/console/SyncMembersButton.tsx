'use client';

import type { AdminResult } from '../console-session';
import { ActionButton } from './ActionButton';

/** "Sync with Clerk", saying what the sync changed (the counts are formatted in the browser). */
export function SyncMembersButton({
  action,
}: {
  action: () => Promise<AdminResult<{ added: number; updated: number; removed: number }>>;
}) {
  return (
    <ActionButton
      label="Sync with Clerk"
      pendingLabel="Syncing…"
      action={action}
      done={(value) => {
        const sync = value as { added: number; updated: number; removed: number };
        return `${sync.added} added, ${sync.updated} updated, ${sync.removed} removed.`;
      }}
    />
  );
}
