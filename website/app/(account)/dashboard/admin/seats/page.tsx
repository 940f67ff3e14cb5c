import type { Metadata } from 'next';
import Link from 'next/link';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { ActionButton } from '../../../../../src/enterprise/console/ActionButton';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { AdminRow, AdminTable } from '../../../../../src/enterprise/console/AdminTable';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { assignedByWords } from '../../../../../src/enterprise/console/labels';
import { Notice, Refused } from '../../../../../src/enterprise/console/Notice';
import { SeatAssignment } from '../../../../../src/enterprise/console/SeatAssignment';
import { seatOverview } from '../../../../../src/enterprise/seats';
import { database } from '../../../../../src/server/license-server';
import { assignSeatAction, releaseSeatAction, setSeatAssignmentAction } from '../actions';

export const metadata: Metadata = { title: 'Seats', robots: { index: false } };

/** The license's seats: who holds one, assigning and releasing them. */
export default async function SeatsPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const result = await runAdmin(database, (db, s) => seatOverview(db, s));
  const canAssign = authorizeAction(session, 'seats', 'assign');
  return (
    <AdminFrame session={session} current="/dashboard/admin/seats" title="Seats">
      {!result.ok ? (
        <Refused result={result} />
      ) : !result.value.plan ? (
        <Notice title="No organization plan yet">
          <p>
            Seats come with the Team and Enterprise plans.{' '}
            <Link href="/pricing" className="text-blue-700 underline dark:text-blue-400">
              Compare plans
            </Link>
            .
          </p>
        </Notice>
      ) : (
        <>
          <p className="mt-6" data-testid="seat-count">
            {result.value.members.filter((member) => member.seat).length} of {result.value.seats}{' '}
            seats assigned.
          </p>
          <div className="mt-3">
            <SeatAssignment
              current={result.value.assignment}
              change={setSeatAssignmentAction}
              disabled={!canAssign}
            />
          </div>
          <AdminTable
            caption="Seats of the organization's license"
            columns={['Member', 'Seat', 'Devices', '']}
          >
            {result.value.members.map((member) => {
              const who = member.name ?? member.email ?? member.userId;
              return (
                <AdminRow key={member.userId}>
                  <td className="py-2 pr-4">{who}</td>
                  <td className="py-2 pr-4">
                    {member.seat ? `Assigned ${assignedByWords(member.seat.assignedBy)}` : 'None'}
                  </td>
                  <td className="py-2 pr-4">{member.devices}</td>
                  <td className="py-2">
                    {!canAssign ? null : member.seat ? (
                      <ActionButton
                        label={`Release ${who}'s seat`}
                        pendingLabel="Releasing…"
                        tone="danger"
                        confirmation={`Release ${who}'s seat? Their ${member.devices} device(s) lose the organization's plan at their next license check.`}
                        action={releaseSeatAction.bind(null, member.userId)}
                      />
                    ) : (
                      <ActionButton
                        label={`Give ${who} a seat`}
                        pendingLabel="Assigning…"
                        action={assignSeatAction.bind(null, member.userId)}
                      />
                    )}
                  </td>
                </AdminRow>
              );
            })}
          </AdminTable>
        </>
      )}
    </AdminFrame>
  );
}
