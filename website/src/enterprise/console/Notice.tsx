import type { ReactNode } from 'react';

/** A refusal or an empty state, said plainly in the page instead of an error page. */
export function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div
      role="status"
      className="mt-6 rounded-lg border border-dashed border-neutral-300 p-6 text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1">{children}</div>
    </div>
  );
}

/** The page's answer when the admin function refused or failed. */
export function Refused({ result }: { result: { code: string; message: string } }) {
  return (
    <Notice
      title={
        result.code === 'ADMIN_FORBIDDEN'
          ? 'Not available to your role'
          : 'Could not load this page'
      }
    >
      <p data-testid="refused">{result.message}</p>
    </Notice>
  );
}
