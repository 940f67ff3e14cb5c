import type { Metadata } from 'next';
import Link from 'next/link';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import { runAdmin } from '../../../../src/enterprise/console-session';
import { AdminFrame } from '../../../../src/enterprise/console/AdminFrame';
import { ADMIN_SECTIONS } from '../../../../src/enterprise/console/AdminNav';
import { adminPageSession } from '../../../../src/enterprise/console/admin-page';
import { Refused } from '../../../../src/enterprise/console/Notice';
import { seatOverview } from '../../../../src/enterprise/seats';
import { DEFAULT_STALE_AFTER_SECONDS, database } from '../../../../src/server/license-server';
import { getComplianceStatus } from '../../../../src/enterprise/reports';

export const metadata: Metadata = { title: 'Organization', robots: { index: false } };

/** What the signed-in member may manage, with the seat and compliance summary when allowed. */
export default async function AdminOverviewPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const seats = authorizeAction(session, 'seats', 'read')
    ? await runAdmin(database, (db, s) => seatOverview(db, s))
    : undefined;
  const compliance = authorizeAction(session, 'reports', 'read')
    ? await runAdmin(database, (db, s) =>
        getComplianceStatus(db, s, { defaultStaleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS }),
      )
    : undefined;
  return (
    <AdminFrame session={session} current="/dashboard/admin" title="Organization">
      <p className="mt-6 text-neutral-700 dark:text-neutral-300">
        Your role:{' '}
        <span data-testid="role">
          {session.orgRole === 'org:admin' ? 'Administrator' : 'Member'}
        </span>
        {session.orgPermissions.length > 0 ? `, allowed: ${session.orgPermissions.join(', ')}` : ''}
        .
      </p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        {seats ? (
          seats.ok ? (
            <section className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
              <h2 className="font-semibold">Seats</h2>
              <p className="mt-1">
                {seats.value.plan
                  ? `${seats.value.members.filter((member) => member.seat).length} of ${seats.value.seats} assigned`
                  : 'No Team or Enterprise plan yet.'}
              </p>
            </section>
          ) : (
            <Refused result={seats} />
          )
        ) : null}
        {compliance?.ok ? (
          <section className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
            <h2 className="font-semibold">Compliance</h2>
            <p className="mt-1">
              {compliance.value.status === 'compliant'
                ? 'Every device is up to date and checking in.'
                : `${compliance.value.belowMinimumVersion.length} below the minimum version, ${compliance.value.staleCheckIns.length} not checking in.`}
            </p>
          </section>
        ) : null}
      </div>
      <ul className="mt-6 list-disc pl-5">
        {ADMIN_SECTIONS.slice(1)
          .filter((section) => section.visible(session))
          .map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="text-blue-700 underline dark:text-blue-400">
                {section.label}
              </Link>
            </li>
          ))}
      </ul>
    </AdminFrame>
  );
}
