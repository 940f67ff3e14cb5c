import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteFooter } from '../src/site/SiteFooter';
import { SiteHeader } from '../src/site/SiteHeader';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.FLOWDESK_SITE_URL ?? 'http://localhost:3000'),
  title: { default: 'Flow Desk', template: '%s · Flow Desk' },
  description:
    'The web apps you work in, grouped into workspaces of isolated, hardened browser views. Nothing leaves your device but license checks.',
  applicationName: 'Flow Desk',
  openGraph: { type: 'website', siteName: 'Flow Desk', locale: 'en' },
  twitter: { card: 'summary_large_image' },
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0a0a0a' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="bg-white font-sans text-neutral-900 antialiased dark:bg-neutral-950 dark:text-neutral-100">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-neutral-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <div id="content">{children}</div>
        <SiteFooter />
      </body>
    </html>
  );
}
