import { UserButton } from '@clerk/nextjs';
import type { Metadata } from 'next';
import Link from 'next/link';
import { accountOverview } from '../../../src/account/account-overview';
import { DeactivateDeviceButton } from '../../../src/account/DeactivateDeviceButton';
import { formatDateTime, planName, platformName } from '../../../src/account/labels';
import { clerkSettings } from '../../../src/server/clerk-settings';
import { signedInUserId } from '../../../src/account/session';
import { database } from '../../../src/server/license-server';
import { deactivateDevice } from './actions';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

/** The signed-in user's plan, license and devices, and signing a device out. */
export default async function DashboardPage() {
  const userId = await signedInUserId();
  if (!userId) return null;
  const overview = await accountOverview(await database(), userId);
  const { license } = overview;
  const live = overview.devices.filter((device) => !device.deactivatedAt);
  const signedOut = overview.devices.filter((device) => device.deactivatedAt);
  return (
    <main className="mx-auto max-w-4xl px-6 py-12">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Your account</h1>
        <div className="flex items-center gap-4">
          <Link
            href="/dashboard/admin"
            className="text-sm text-blue-700 underline dark:text-blue-400"
          >
            Organization
          </Link>
          <UserButton />
        </div>
      </div>

      <section
        aria-labelledby="plan-heading"
        className="mt-8 rounded-lg border border-neutral-200 p-6 dark:border-neutral-800"
      >
        <h2 id="plan-heading" className="text-lg font-semibold">
          Plan: <span data-testid="plan">{planName(license.plan)}</span>
        </h2>
        <p className="mt-2 text-neutral-700 dark:text-neutral-300">
          {license.owner.type === 'organization'
            ? `Through ${license.owner.name}: ${license.seats} seats, ${overview.devicesPerSeat} devices per person.`
            : `Personal license: up to ${overview.devicesPerSeat} devices.`}
          {license.status === 'revoked'
            ? ' This license is revoked: devices run in the free mode.'
            : ''}
        </p>
        {license.periodEnd ? (
          <p className="mt-1 text-sm text-neutral-500">
            {license.subscriptionStatus === 'canceled' ? 'Ends' : 'Renews'} on{' '}
            {formatDateTime(license.periodEnd)}
          </p>
        ) : null}
        <p className="mt-4">
          <Link href="/pricing" className="text-blue-700 underline dark:text-blue-400">
            {clerkSettings()?.billing ? 'Change plan or billing' : 'Compare plans'}
          </Link>
        </p>
      </section>

      <section aria-labelledby="devices-heading" className="mt-8">
        <h2 id="devices-heading" className="text-lg font-semibold">
          Devices ({live.length} of {overview.devicesPerSeat})
        </h2>
        {live.length === 0 ? (
          <p className="mt-4 rounded-lg border border-dashed border-neutral-300 p-6 text-neutral-700 dark:border-neutral-700 dark:text-neutral-300">
            No devices are signed in yet. Install Flow Desk (
            <Link href="/download" className="text-blue-700 underline dark:text-blue-400">
              download
            </Link>
            ) and choose Sign in: the app opens this site to approve it.
          </p>
        ) : (
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Devices signed in to your account</caption>
              <thead className="border-b border-neutral-200 dark:border-neutral-800">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Device
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    System
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Version
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Last check-in
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {live.map((device) => (
                  <tr
                    key={device.id}
                    className="border-b border-neutral-100 dark:border-neutral-900"
                  >
                    <td className="py-2 pr-4">{device.deviceName}</td>
                    <td className="py-2 pr-4">{platformName(device.platform)}</td>
                    <td className="py-2 pr-4">{device.appVersion}</td>
                    <td className="py-2 pr-4">{formatDateTime(device.lastCheckInAt)}</td>
                    <td className="py-2">
                      <DeactivateDeviceButton
                        activationId={device.id}
                        deviceName={device.deviceName}
                        deactivate={deactivateDevice}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {signedOut.length > 0 ? (
          <details className="mt-6">
            <summary className="cursor-pointer text-neutral-700 dark:text-neutral-300">
              Signed-out devices ({signedOut.length})
            </summary>
            <ul className="mt-2 space-y-1 text-sm text-neutral-600 dark:text-neutral-400">
              {signedOut.map((device) => (
                <li key={device.id}>
                  {device.deviceName} ({platformName(device.platform)}), signed out on{' '}
                  {formatDateTime(device.deactivatedAt!)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </main>
  );
}
