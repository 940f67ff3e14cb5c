import { FlowDeskError } from '@flowdesk/shared/core';

/** The stable code a piece of work fails with, or 'ok'. */
export async function errorCodeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return error instanceof FlowDeskError ? error.code : String(error);
  }
}
