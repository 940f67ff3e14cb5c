import type { ClerkConfiguration } from '../server/clerk-settings';

/** What an account page shows when this server has no (or broken) Clerk settings. */
export function AccountsNotConfigured({
  configuration,
}: {
  configuration: Exclude<ClerkConfiguration, { status: 'configured' }>;
}) {
  return (
    <main className="mx-auto max-w-2xl px-6 py-16">
      <h1 className="text-2xl font-semibold">Accounts are not set up on this server</h1>
      {configuration.status === 'invalid' ? (
        <p role="alert" className="mt-4 text-red-700 dark:text-red-400">
          The Clerk settings are not valid: {configuration.problem}
        </p>
      ) : null}
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        Sign-in, the dashboard and device approval need a Clerk application. Set these variables and
        restart the server:
      </p>
      <ul className="mt-4 list-disc space-y-1 pl-6 font-mono text-sm">
        <li>NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY</li>
        <li>CLERK_SECRET_KEY</li>
        <li>CLERK_JWT_KEY (optional: verifies sessions without fetching Clerk&apos;s keys)</li>
      </ul>
      <p className="mt-4 text-neutral-700 dark:text-neutral-300">
        docs/website.md in the Flow Desk repository walks through it. The public pages and the
        license API work without accounts.
      </p>
    </main>
  );
}
