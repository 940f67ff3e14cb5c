import type { Metadata } from 'next';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { ActionButton } from '../../../../../src/enterprise/console/ActionButton';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { Refused } from '../../../../../src/enterprise/console/Notice';
import { SsoForm } from '../../../../../src/enterprise/console/SsoForm';
import { ssoConnectionOf } from '../../../../../src/enterprise/sso';
import { clerkServices, database } from '../../../../../src/server/license-server';
import { removeSsoAction, saveSsoAction } from '../actions';

export const metadata: Metadata = { title: 'Single sign-on', robots: { index: false } };

/** SAML or OIDC through a Clerk enterprise connection, and whether it is required. */
export default async function SsoPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const result = await runAdmin(database, (db, s) => ssoConnectionOf(db, s));
  const manage = authorizeAction(session, 'sso', 'manage');
  return (
    <AdminFrame session={session} current="/dashboard/admin/sso" title="Single sign-on">
      {!result.ok ? (
        <Refused result={result} />
      ) : (
        <>
          <p className="mt-6 text-neutral-700 dark:text-neutral-300">
            {result.value
              ? `${result.value.provider.toUpperCase()} for ${result.value.domain}${result.value.required ? ', required' : ''}. ${
                  result.value.clerkConnectionId
                    ? `Clerk connection ${result.value.clerkConnectionId}: test and activate it in the Clerk dashboard (Configure → SSO connections).`
                    : 'Not linked to Clerk yet: set CLERK_SECRET_KEY on the website and save again.'
                }`
              : 'No single sign-on yet: members sign in with their own Clerk accounts.'}
          </p>
          {!clerkServices ? (
            <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
              This site has no Clerk secret key: settings are recorded here only, and SSO cannot be
              required until Clerk holds the connection.
            </p>
          ) : null}
          <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            LDAP directories connect through SCIM directory sync (your identity provider&apos;s SCIM
            app pointed at Clerk), not as a sign-in method.
          </p>
          {manage ? (
            <>
              <SsoForm
                current={
                  result.value
                    ? {
                        provider: result.value.provider,
                        domain: result.value.domain,
                        endpoint: result.value.endpoint,
                        required: result.value.required,
                      }
                    : null
                }
                save={saveSsoAction}
              />
              {result.value ? (
                <div className="mt-4">
                  <ActionButton
                    label="Remove single sign-on"
                    pendingLabel="Removing…"
                    tone="danger"
                    confirmation="Remove single sign-on here? Members can then use their devices without it. The Clerk connection stays until you delete it in Clerk."
                    action={removeSsoAction}
                  />
                </div>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </AdminFrame>
  );
}
