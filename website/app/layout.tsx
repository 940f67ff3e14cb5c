import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '../src/site/SiteHeader';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.FLOWDESK_SITE_URL ?? 'http://localhost:3000'),
  title: { default: 'Flow Desk', template: '%s · Flow Desk' },
  description:
    'The web apps you work in, grouped into workspaces of isolated, hardened browser views. Nothing leaves your device but license checks.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <SiteHeader />
        {children}
      </body>
    </html>
  );
}
