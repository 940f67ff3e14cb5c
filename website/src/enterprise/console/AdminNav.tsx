import Link from 'next/link';
import { authorizeAction } from '@flowdesk/shared/enterprise';
import type { OrgSession } from '@flowdesk/shared/enterprise';

/** The console's sections, each shown only to those whose role may read it. */
export const ADMIN_SECTIONS = [
  {
    href: '/dashboard/admin',
    label: 'Overview',
    visible: (s: OrgSession) => authorizeAction(s, 'organization', 'read'),
  },
  {
    href: '/dashboard/admin/policies',
    label: 'Policies',
    visible: (s: OrgSession) => authorizeAction(s, 'policies', 'read'),
  },
  {
    href: '/dashboard/admin/members',
    label: 'Members',
    visible: (s: OrgSession) => authorizeAction(s, 'members', 'read'),
  },
  {
    href: '/dashboard/admin/seats',
    label: 'Seats',
    visible: (s: OrgSession) => authorizeAction(s, 'seats', 'read'),
  },
  {
    href: '/dashboard/admin/sso',
    label: 'Single sign-on',
    visible: (s: OrgSession) => authorizeAction(s, 'sso', 'read'),
  },
  {
    href: '/dashboard/admin/audit',
    label: 'Audit log',
    visible: (s: OrgSession) => authorizeAction(s, 'audit', 'read'),
  },
  {
    href: '/dashboard/admin/reports',
    label: 'Reports',
    visible: (s: OrgSession) => authorizeAction(s, 'reports', 'read'),
  },
] as const;

export function AdminNav({ session, current }: { session: OrgSession; current: string }) {
  return (
    <nav
      aria-label="Organization administration"
      className="mt-6 border-b border-neutral-200 dark:border-neutral-800"
    >
      <ul className="flex flex-wrap gap-1">
        {ADMIN_SECTIONS.filter((section) => section.visible(session)).map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              aria-current={current === section.href ? 'page' : undefined}
              className="inline-block rounded-t-md px-3 py-2 text-sm hover:bg-neutral-100 focus-visible:outline-2 aria-[current=page]:border-b-2 aria-[current=page]:border-blue-700 aria-[current=page]:font-semibold dark:hover:bg-neutral-900 dark:aria-[current=page]:border-blue-400"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
