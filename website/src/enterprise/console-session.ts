import { auth } from '@clerk/nextjs/server';
import { toFlowDeskError } from '@flowdesk/shared/core';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { Database } from '../db/client';
import { clerkConfiguration } from '../server/clerk-settings';

/**
 * The admin console's session and its one way of running domain functions (issue 10): pages
 * and server actions read the organization claims from Clerk's session (the middleware has
 * verified it), call the same functions as the admin API, and turn a refusal or a bad input
 * into a result the page shows instead of an error page.
 */

export type AdminResult<T> =
  { ok: true; value: T } | { ok: false; code: string; message: string; field?: string };

/** The signed-in user with their active organization's role and permissions. */
export async function consoleSession(): Promise<OrgSession | undefined> {
  if (clerkConfiguration.status !== 'configured') return undefined;
  const session = await auth();
  if (!session.userId) return undefined;
  return {
    userId: session.userId,
    ...(session.orgId ? { orgId: session.orgId } : {}),
    ...(session.orgRole ? { orgRole: session.orgRole } : {}),
    orgPermissions: session.orgPermissions ?? [],
  };
}

export async function runAdmin<T>(
  database: () => Promise<Database>,
  work: (db: Database, session: OrgSession) => Promise<T>,
): Promise<AdminResult<T>> {
  const session = await consoleSession();
  if (!session) {
    return { ok: false, code: 'SIGNED_OUT', message: 'Your session ended. Sign in again.' };
  }
  try {
    return { ok: true, value: await work(await database(), session) };
  } catch (thrown) {
    const error = toFlowDeskError(thrown, 'ADMIN_ACTION_FAILED', 'That did not work. Try again.');
    const field = error.details.field;
    return {
      ok: false,
      code: error.code,
      message: error.message,
      ...(typeof field === 'string' && field ? { field } : {}),
    };
  }
}
