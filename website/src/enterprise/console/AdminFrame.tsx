import { OrganizationSwitcher } from '@clerk/nextjs';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import { AdminNav } from './AdminNav';
import { Notice } from './Notice';

/** Every console page: its title, the organization switcher and the sections the role may see. */
export function AdminFrame({
  session,
  current,
  title,
  children,
}: {
  session: OrgSession;
  current: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <p className="text-sm">
        <Link href="/dashboard" className="text-blue-700 underline dark:text-blue-400">
          Your account
        </Link>{' '}
        / Organization
      </p>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl={current} />
      </div>
      {session.orgId ? (
        <>
          <AdminNav session={session} current={current} />
          {children}
        </>
      ) : (
        <Notice title="Choose an organization">
          <p>
            These pages manage an organization&apos;s seats, policies and sign-in. Choose one with
            the switcher above, or create one for your team.
          </p>
        </Notice>
      )}
    </main>
  );
}
