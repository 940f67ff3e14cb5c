import type { Metadata } from 'next';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { SyncMembersButton } from '../../../../../src/enterprise/console/SyncMembersButton';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { AdminRow, AdminTable } from '../../../../../src/enterprise/console/AdminTable';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { Notice, Refused } from '../../../../../src/enterprise/console/Notice';
import { memberOverview } from '../../../../../src/enterprise/seats';
import { formatDateTime } from '../../../../../src/account/labels';
import { database } from '../../../../../src/server/license-server';
import { syncMembersAction } from '../actions';

export const metadata: Metadata = { title: 'Members', robots: { index: false } };

const roleName = (role: string) =>
  role === 'org:admin' ? 'Administrator' : role === 'org:member' ? 'Member' : role;

/** Who belongs to the organization (from Clerk), their seat and devices; sync with Clerk. */
export default async function MembersPage() {
  const session = await adminPageSession();
  if (!session) return null;
  const result = await runAdmin(database, (db, s) => memberOverview(db, s));
  return (
    <AdminFrame session={session} current="/dashboard/admin/members" title="Members">
      {!result.ok ? (
        <Refused result={result} />
      ) : (
        <>
          <p className="mt-6 text-neutral-700 dark:text-neutral-300">
            Invite people and change roles in the organization menu (Clerk). Directory sync (SCIM)
            adds and removes people as your identity provider does. If a change did not arrive, sync
            the list:
          </p>
          <div className="mt-3">
            <SyncMembersButton action={syncMembersAction} />
          </div>
          {result.value.members.length === 0 ? (
            <Notice title="No members yet">
              <p>Members appear here as Clerk tells this site about them.</p>
            </Notice>
          ) : (
            <AdminTable
              caption="Members of the organization"
              columns={['Member', 'Role', 'Seat', 'Devices', 'Last check-in']}
            >
              {result.value.members.map((member) => (
                <AdminRow key={member.userId}>
                  <td className="py-2 pr-4">{member.name ?? member.email ?? member.userId}</td>
                  <td className="py-2 pr-4">{roleName(member.role)}</td>
                  <td className="py-2 pr-4">{member.seat ? 'Yes' : 'No'}</td>
                  <td className="py-2 pr-4">{member.devices}</td>
                  <td className="py-2">
                    {member.lastCheckInAt ? formatDateTime(member.lastCheckInAt) : '—'}
                  </td>
                </AdminRow>
              ))}
            </AdminTable>
          )}
        </>
      )}
    </AdminFrame>
  );
}
