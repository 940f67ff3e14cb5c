import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';

const words = strings.pages.license;

const dateTime = (iso: string | undefined) =>
  iso === undefined
    ? words.never
    : new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Settings → License: the plan and what it allows, this computer's sign-in (by a code approved
 * in the browser), checking now, signing out, and the website's account page.
 */
export function LicensePage() {
  const { license, call } = useFlowDesk();
  const [checking, setChecking] = useState(false);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [signedOutOffline, setSignedOutOffline] = useState(false);
  if (!license) return <p role="status">{strings.loading}</p>;

  const intro = (
    <>
      <h2>{words.title}</h2>
      <p className="hint">{words.description}</p>
    </>
  );
  if (!license.available) {
    return (
      <>
        {intro}
        <p role="status">{words.off}</p>
      </>
    );
  }

  const signedIn = license.state !== 'unlicensed';
  const checkNow = async () => {
    setChecking(true);
    await call('license:check-now', undefined);
    setChecking(false);
  };
  const signOut = async () => {
    setConfirmSignOut(false);
    const result = await call('license:sign-out', undefined);
    setSignedOutOffline(result?.deactivatedOnWebsite === false);
  };

  return (
    <>
      {intro}
      <dl className="definition license-facts">
        <dt>{words.plan}</dt>
        <dd data-testid="license-plan">
          {words.planNames[license.plan]}{' '}
          {license.licensedPlan ? words.was(words.planNames[license.licensedPlan]) : null}
        </dd>
        <dt>{words.status}</dt>
        <dd data-testid="license-state">{words.states[license.state]}</dd>
        {license.organization ? (
          <>
            <dt>{words.organization}</dt>
            <dd>{license.organization}</dd>
          </>
        ) : null}
        <dt>{words.limits}</dt>
        <dd>
          {words.limitsText(license.limits.maxWorkspaces, license.limits.maxServicesPerWorkspace)}
        </dd>
        <dt>{words.device}</dt>
        <dd>{license.deviceName}</dd>
        {signedIn ? (
          <>
            <dt>{words.lastChecked}</dt>
            <dd>{dateTime(license.lastCheckedAt)}</dd>
            {license.nextCheckAt && license.state !== 'revoked' ? (
              <>
                <dt>{words.nextCheck}</dt>
                <dd>{dateTime(license.nextCheckAt)}</dd>
              </>
            ) : null}
            {license.graceEndsAt && (license.state === 'due' || license.state === 'grace') ? (
              <>
                <dt>{words.graceEnds}</dt>
                <dd>{dateTime(license.graceEndsAt)}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>

      {license.locked.workspaceIds.length + license.locked.serviceIds.length > 0 ? (
        <p role="status" className="notice warning">
          {words.locked(license.locked.workspaceIds.length, license.locked.serviceIds.length)}
        </p>
      ) : null}
      {!license.secureStorage ? <p className="notice warning">{words.insecureStorage}</p> : null}
      {license.clockRollback ? <p className="notice warning">{words.clockRollback}</p> : null}
      {license.problem ? (
        <p role="alert" className="notice error">
          {license.problem.message}
        </p>
      ) : null}
      {signedOutOffline ? <p className="notice warning">{words.signedOutOffline}</p> : null}

      {license.signIn ? (
        <section aria-live="polite" className="license-sign-in">
          <p>{words.signInHint}</p>
          <p className="user-code" data-testid="user-code">
            {license.signIn.userCode}
          </p>
          <p className="hint">
            {words.waiting} {words.codeExpires(dateTime(license.signIn.expiresAt))}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() =>
                void call('app:open-external', {
                  url: `${license.signIn!.verificationUri}?code=${encodeURIComponent(license.signIn!.userCode)}`,
                })
              }
            >
              {words.openAgain}
            </button>
            <button type="button" onClick={() => void call('license:cancel-sign-in', undefined)}>
              {words.cancel}
            </button>
          </div>
        </section>
      ) : (
        <div className="actions">
          {license.state === 'unlicensed' || license.state === 'revoked' ? (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setSignedOutOffline(false);
                void call('license:sign-in', undefined);
              }}
            >
              {words.signIn}
            </button>
          ) : (
            <>
              <button type="button" disabled={checking} onClick={() => void checkNow()}>
                {checking ? words.checking : words.checkNow}
              </button>
              <button type="button" className="danger" onClick={() => setConfirmSignOut(true)}>
                {words.signOut}
              </button>
            </>
          )}
          {license.manageUrl ? (
            <button
              type="button"
              onClick={() => void call('app:open-external', { url: license.manageUrl! })}
            >
              {words.manage}
            </button>
          ) : null}
        </div>
      )}
      {confirmSignOut ? (
        <ConfirmDialog
          title={words.signOut}
          confirmLabel={words.signOut}
          onConfirm={() => void signOut()}
          onCancel={() => setConfirmSignOut(false)}
        >
          <p>{words.signOutQuestion}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
