import type { OrgSession } from '@flowdesk/shared/enterprise';
import { signedInUserId } from '../../account/session';
import { consoleSession } from '../console-session';

/**
 * The session of a console page: a signed-out visitor is sent to sign in first (as on the rest
 * of the dashboard); without Clerk settings there is none and the account layout explains.
 */
export async function adminPageSession(): Promise<OrgSession | undefined> {
  if (!(await signedInUserId())) return undefined;
  return consoleSession();
}
