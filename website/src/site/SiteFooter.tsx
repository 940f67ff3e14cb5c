import Link from 'next/link';

/** The footer of every page: the pages a visitor looks for last. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-neutral-200 dark:border-neutral-800">
      <nav
        aria-label="Footer"
        className="mx-auto flex max-w-5xl flex-wrap gap-6 px-6 py-6 text-sm text-neutral-600 dark:text-neutral-400"
      >
        <Link href="/changelog">Changelog</Link>
        <Link href="/security">Security &amp; privacy</Link>
        <Link href="/pricing">Pricing</Link>
        <Link href="/download">Download</Link>
        <span className="ml-auto">Flow Desk: your web apps, isolated, on your device.</span>
      </nav>
    </footer>
  );
}
