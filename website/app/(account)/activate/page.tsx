import type { Metadata } from 'next';
import Link from 'next/link';
import { DeviceDecisionForm } from '../../../src/account/DeviceDecisionForm';
import { deviceForCode } from '../../../src/account/device-approval';
import { formatDateTime, platformName } from '../../../src/account/labels';
import { signedInUserId } from '../../../src/account/session';
import { database } from '../../../src/server/license-server';
import { decideDevice } from './actions';

export const metadata: Metadata = { title: 'Approve a device', robots: { index: false } };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function CodeForm({ code }: { code?: string }) {
  return (
    <form method="get" action="/activate" className="mt-6 flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-1">
        <span className="text-sm font-medium">Code shown in the app</span>
        <input
          name="code"
          defaultValue={code}
          required
          autoFocus
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          placeholder="BCDF-GHJK"
          className="rounded-md border border-neutral-300 px-3 py-2 font-mono uppercase tracking-widest dark:border-neutral-700 dark:bg-neutral-900"
        />
      </label>
      <button
        type="submit"
        className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        Continue
      </button>
    </form>
  );
}

/**
 * Where the app sends its user to sign a device in (the device link's verificationUri): the
 * signed-in user checks the code and the device the app described, then approves or denies.
 */
export default async function ActivatePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const userId = await signedInUserId();
  if (!userId) return null;
  const parameters = await searchParams;
  const decided = first(parameters.decided);
  const code = first(parameters.code);

  if (decided === 'approved' || decided === 'denied') {
    return (
      <main className="mx-auto max-w-xl px-6 py-16">
        <h1 className="text-2xl font-semibold">
          {decided === 'approved' ? 'Device approved' : 'Sign-in denied'}
        </h1>
        <p role="status" className="mt-4 text-neutral-700 dark:text-neutral-300">
          {decided === 'approved'
            ? 'Go back to Flow Desk: it finishes signing in within a few seconds.'
            : 'The device was not signed in. If you did not start this sign-in, nothing else is needed.'}
        </p>
        <p className="mt-6">
          <Link href="/dashboard" className="text-blue-700 underline dark:text-blue-400">
            See your devices
          </Link>
        </p>
      </main>
    );
  }

  const found = code ? await deviceForCode(await database(), userId, code) : undefined;
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Sign in a device</h1>
      {!found ? (
        <p className="mt-4 text-neutral-700 dark:text-neutral-300">
          Type the code Flow Desk shows on the device you are signing in.
        </p>
      ) : null}
      {found && !found.ok ? (
        <>
          <p role="alert" className="mt-4 text-red-700 dark:text-red-400">
            {found.message}
          </p>
          <CodeForm {...(code ? { code } : {})} />
        </>
      ) : null}
      {!found ? <CodeForm /> : null}
      {found?.ok ? (
        <section aria-labelledby="device-heading" className="mt-6">
          <p className="text-neutral-700 dark:text-neutral-300">
            Check that this is the device in front of you and that it shows the code{' '}
            <strong className="font-mono tracking-widest">{found.device.userCode}</strong>.
          </p>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
            <dt id="device-heading" className="text-neutral-500">
              Device
            </dt>
            <dd data-testid="device-name">{found.device.deviceName}</dd>
            <dt className="text-neutral-500">System</dt>
            <dd>{platformName(found.device.platform)}</dd>
            <dt className="text-neutral-500">Flow Desk version</dt>
            <dd>{found.device.appVersion}</dd>
            <dt className="text-neutral-500">Code valid until</dt>
            <dd>{formatDateTime(found.device.expiresAt)}</dd>
          </dl>
          <DeviceDecisionForm code={found.device.userCode} decide={decideDevice} />
        </section>
      ) : null}
    </main>
  );
}
