import type { Metadata } from 'next';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { ActionButton } from '../../../../../src/enterprise/console/ActionButton';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { Refused } from '../../../../../src/enterprise/console/Notice';
import { generateUsageReport, getComplianceStatus } from '../../../../../src/enterprise/reports';
import { formatDateTime, platformName } from '../../../../../src/account/labels';
import { DEFAULT_STALE_AFTER_SECONDS, database } from '../../../../../src/server/license-server';
import { auditComplianceAction } from '../actions';

export const metadata: Metadata = { title: 'Reports', robots: { index: false } };

const DAY = 86_400_000;

/** Usage over the last 30 days and compliance now: counts and versions, never browsing. */
export default async function ReportsPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const now = new Date();
  const usage = await runAdmin(database, (db, s) =>
    generateUsageReport(db, s, { from: new Date(now.getTime() - 30 * DAY), to: now }),
  );
  const compliance = await runAdmin(database, (db, s) =>
    getComplianceStatus(db, s, { defaultStaleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS, now }),
  );
  return (
    <AdminFrame session={session} current="/dashboard/admin/reports" title="Reports">
      {!usage.ok ? (
        <Refused result={usage} />
      ) : (
        <section aria-labelledby="usage" className="mt-6">
          <h2 id="usage" className="text-lg font-semibold">
            Usage, last 30 days
          </h2>
          <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-neutral-500">Seats assigned</dt>
              <dd data-testid="seats-used">
                {usage.value.seats.assigned} of {usage.value.seats.total}
              </dd>
            </div>
            <div>
              <dt className="text-neutral-500">Devices</dt>
              <dd>{usage.value.devices.total}</dd>
            </div>
            <div>
              <dt className="text-neutral-500">Checked in this period</dt>
              <dd>{usage.value.devices.activeInPeriod}</dd>
            </div>
            <div>
              <dt className="text-neutral-500">Systems</dt>
              <dd>
                {usage.value.platforms
                  .map((entry) => `${platformName(entry.platform)} ${entry.devices}`)
                  .join(', ') || '—'}
              </dd>
            </div>
          </dl>
          <p className="mt-2 text-sm">
            App versions:{' '}
            {usage.value.appVersions
              .map((entry) => `${entry.version} (${entry.devices})`)
              .join(', ') || 'no devices yet'}
          </p>
          <p className="mt-1 text-xs text-neutral-500">
            Flow Desk reports only its version and check-in times: nothing about what people open or
            browse ever leaves their devices.
          </p>
        </section>
      )}
      {compliance.ok ? (
        <section aria-labelledby="compliance" className="mt-8">
          <h2 id="compliance" className="text-lg font-semibold">
            Compliance: {compliance.value.status === 'compliant' ? 'all good' : 'needs attention'}
          </h2>
          <p className="mt-1 text-sm">
            Minimum version: {compliance.value.minimumVersion ?? 'none set'}. A device counts as
            stale after {compliance.value.staleAfterHours} hours without a license check.
          </p>
          {[
            ['Below the minimum version', compliance.value.belowMinimumVersion],
            ['Not checking in', compliance.value.staleCheckIns],
          ].map(([title, devices]) => (
            <div key={title as string} className="mt-3">
              <h3 className="font-semibold">{title as string}</h3>
              {(devices as typeof compliance.value.staleCheckIns).length === 0 ? (
                <p className="text-sm">None.</p>
              ) : (
                <ul className="list-disc pl-5 text-sm">
                  {(devices as typeof compliance.value.staleCheckIns).map((device) => (
                    <li key={device.activationId}>
                      {device.deviceName} ({device.email ?? device.userId}), {device.appVersion},
                      last check {formatDateTime(new Date(device.lastCheckInAt))}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          <div className="mt-3">
            <h3 className="font-semibold">What apps reported (30 days)</h3>
            {compliance.value.violations.length === 0 ? (
              <p className="text-sm">Nothing blocked or flagged.</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {compliance.value.violations.map((violation) => (
                  <li key={`${violation.policyId}-${violation.outcome}`}>
                    {violation.policyId}: {violation.count} {violation.outcome} on{' '}
                    {violation.devices} device(s)
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="mt-4">
            <ActionButton
              label="Record a compliance check"
              pendingLabel="Recording…"
              action={auditComplianceAction}
              done="Recorded in the audit log."
            />
          </div>
        </section>
      ) : null}
    </AdminFrame>
  );
}
