import type { Metadata } from 'next';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import { runAdmin } from '../../../../../src/enterprise/console-session';
import { AdminFrame } from '../../../../../src/enterprise/console/AdminFrame';
import { AdminRow, AdminTable } from '../../../../../src/enterprise/console/AdminTable';
import { AuditExport } from '../../../../../src/enterprise/console/AuditExport';
import { fieldClass, secondaryButtonClass } from '../../../../../src/enterprise/console/classes';
import { adminPageSession } from '../../../../../src/enterprise/console/admin-page';
import { Notice, Refused } from '../../../../../src/enterprise/console/Notice';
import { auditEventsOf } from '../../../../../src/enterprise/reports';
import { formatDateTime } from '../../../../../src/account/labels';
import { database } from '../../../../../src/server/license-server';
import { exportAuditAction } from '../actions';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

const FILTERS = ['from', 'to', 'actor', 'type'] as const;

/** Every admin action and provisioning event of the organization, filtered, and its export. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await adminPageSession();
  if (!session) return null;
  const query = await searchParams;
  const filters = Object.fromEntries(
    FILTERS.flatMap((name) => {
      const value = query[name];
      return typeof value === 'string' && value.trim() ? [[name, value.trim()]] : [];
    }),
  );
  const result = await runAdmin(database, (db, s) =>
    auditEventsOf(db, s, { ...filters, limit: 200 }),
  );
  return (
    <AdminFrame session={session} current="/dashboard/admin/audit" title="Audit log">
      <form
        method="get"
        className="mt-6 flex flex-wrap items-end gap-3 text-sm"
        aria-label="Filter the audit log"
      >
        <label>
          From
          <input type="date" name="from" defaultValue={filters.from} className={fieldClass} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filters.to} className={fieldClass} />
        </label>
        <label>
          Actor
          <input
            name="actor"
            defaultValue={filters.actor}
            placeholder="user_…"
            className={fieldClass}
          />
        </label>
        <label>
          Type
          <input
            name="type"
            defaultValue={filters.type}
            placeholder="seat. or policy.updated"
            className={fieldClass}
          />
        </label>
        <button type="submit" className={secondaryButtonClass}>
          Filter
        </button>
      </form>
      {authorizeAction(session, 'audit', 'export') ? (
        <div className="mt-4">
          <AuditExport filters={filters} exportLog={exportAuditAction} />
        </div>
      ) : null}
      {!result.ok ? (
        <Refused result={result} />
      ) : result.value.events.length === 0 ? (
        <Notice title="Nothing recorded">
          <p>No events match these filters.</p>
        </Notice>
      ) : (
        <>
          <AdminTable
            caption="Audit events, newest first"
            columns={['When', 'Who', 'What', 'Target']}
          >
            {result.value.events.map((event, index) => (
              <AdminRow key={index}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {formatDateTime(new Date(event.at))}
                </td>
                <td className="py-2 pr-4">{event.actorId ?? event.actorType}</td>
                <td className="py-2 pr-4">{event.action}</td>
                <td className="py-2">
                  {[event.targetType, event.targetId].filter(Boolean).join(' ')}
                </td>
              </AdminRow>
            ))}
          </AdminTable>
          {result.value.truncated ? (
            <p className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
              Showing the newest 200: export for the rest, or narrow the filters.
            </p>
          ) : null}
        </>
      )}
    </AdminFrame>
  );
}
