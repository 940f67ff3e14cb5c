import { auth } from '@clerk/nextjs/server';
import { clerkConfiguration } from '../server/clerk-settings';
import type { ActionOutcome } from './device-approval';

/**
 * The signed-in user of an account page, sending a signed-out visitor to sign in. Without Clerk
 * settings there is no user: the account layout explains what to configure, and the page (which
 * Next.js renders alongside the layout) must not call Clerk at all.
 */
export async function signedInUserId(): Promise<string | undefined> {
  if (clerkConfiguration.status !== 'configured') return undefined;
  const { userId } = await auth.protect();
  return userId;
}

/** The signed-in user of a server action, or undefined (signed out, or no accounts here). */
export async function actionUserId(): Promise<string | undefined> {
  if (clerkConfiguration.status !== 'configured') return undefined;
  return (await auth()).userId ?? undefined;
}

/** What a server action answers a caller who is not signed in. */
export const SIGNED_OUT: ActionOutcome = {
  ok: false,
  code: 'SIGNED_OUT',
  message: 'Your session ended. Sign in again.',
};
