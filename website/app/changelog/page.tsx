import type { Metadata } from 'next';
import { CHANGELOG } from '../../src/site/changelog';

export const metadata: Metadata = {
  title: 'Changelog',
  description: 'What changed in each Flow Desk release.',
};

const KIND_NAMES = {
  added: 'Added',
  changed: 'Changed',
  fixed: 'Fixed',
  security: 'Security',
} as const;

export default function ChangelogPage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold">Changelog</h1>
      {CHANGELOG.map((entry) => (
        <section key={entry.version} aria-labelledby={`v-${entry.version}`} className="mt-10">
          <h2 id={`v-${entry.version}`} className="text-xl font-semibold">
            {entry.version}
            {entry.date ? (
              <time dateTime={entry.date} className="ml-3 text-base font-normal text-neutral-500">
                {entry.date}
              </time>
            ) : null}
          </h2>
          <ul className="mt-4 space-y-2">
            {entry.changes.map((change) => (
              <li key={change.text} className="text-neutral-700 dark:text-neutral-300">
                <span className="mr-2 rounded bg-neutral-100 px-2 py-0.5 text-xs font-medium uppercase dark:bg-neutral-800">
                  {KIND_NAMES[change.kind]}
                </span>
                {change.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
