import { ClerkProvider } from '@clerk/nextjs';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AccountsNotConfigured } from '../../src/account/AccountsNotConfigured';
import { clerkConfiguration } from '../../src/server/clerk-settings';

/**
 * The account pages (sign-in, dashboard, device approval) are the only ones that load Clerk:
 * the public pages stay free of third-party scripts. Without Clerk settings they explain what
 * to configure instead.
 */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  if (clerkConfiguration.status !== 'configured') {
    return <AccountsNotConfigured configuration={clerkConfiguration} />;
  }
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <ClerkProvider
      publishableKey={clerkConfiguration.settings.publishableKey}
      signInUrl="/sign-in"
      signUpUrl="/sign-up"
      {...(nonce ? { nonce } : {})}
      dynamic
    >
      {children}
    </ClerkProvider>
  );
}
