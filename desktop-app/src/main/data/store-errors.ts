import { FlowDeskError } from '@flowdesk/shared/core';

/** The refusal of a change that would leave an invalid store (used by the store and its manager). */
export function storeInvalidError(cause: unknown): FlowDeskError {
  return new FlowDeskError(
    'STORE_INVALID',
    'The change was not saved because it would damage your workspaces.',
    { cause },
  );
}
