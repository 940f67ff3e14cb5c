import Link from 'next/link';

const LINKS = [
  { href: '/features', label: 'Features' },
  { href: '/services', label: 'Services' },
  { href: '/pricing', label: 'Pricing' },
  { href: '/security', label: 'Security & privacy' },
  { href: '/download', label: 'Download' },
] as const;

/** The header of every public page: the name, home, and the main sections. */
export function SiteHeader() {
  return (
    <header className="border-b border-neutral-200 dark:border-neutral-800">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-6 px-6 py-4"
      >
        <Link href="/" className="font-semibold">
          Flow Desk
        </Link>
        {LINKS.map((link) => (
          <Link
            key={link.href}
            href={link.href}
            className="text-neutral-600 hover:text-neutral-900 dark:text-neutral-300 dark:hover:text-white"
          >
            {link.label}
          </Link>
        ))}
        <Link
          href="/dashboard"
          className="ml-auto rounded-md border border-neutral-300 px-3 py-1 hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-900"
        >
          Account
        </Link>
      </nav>
    </header>
  );
}
