import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Features',
  description:
    'Workspaces, isolated and hardened service views, hibernation, encrypted backups that keep your sign-ins, privacy by design, and administration for teams.',
};

interface Feature {
  id: string;
  title: string;
  points: string[];
}

/** What the desktop app does today; each point is something a user can check in the app. */
const FEATURES: Feature[] = [
  {
    id: 'workspaces',
    title: 'Workspaces',
    points: [
      'Group services by job, client or project; switch with Ctrl+Shift+1…9 or find any service of any workspace with Ctrl+K.',
      '75+ services ready to add from the catalog, or any web address as a custom service.',
      'Unread counts per service and per workspace, in the sidebar, the tray and the dock.',
    ],
  },
  {
    id: 'isolation',
    title: 'Isolation',
    points: [
      'Every service runs in its own sandboxed browser view and is treated as hostile content: no Node.js, no bridge into the app.',
      'Each service can have its own storage, so two accounts of the same service sit side by side.',
      'Camera, microphone, notifications and screen sharing are asked per service; links that leave a service open in your browser.',
    ],
  },
  {
    id: 'hibernation',
    title: 'Hibernation and memory',
    points: [
      'Services you are not using go to sleep after a time you choose, and wake where you left them.',
      'A memory limit per workspace puts the least recently used services to sleep first.',
    ],
  },
  {
    id: 'backups',
    title: 'Backups',
    points: [
      'Encrypted backups (AES-256-GCM) with a passphrase, or a key kept by your computer’s keyring.',
      'Backups can carry your sign-ins, so services stay signed in on a new computer.',
      'Every backup can be checked byte by byte; restoring takes a safety snapshot first and undoes everything if a step fails.',
    ],
  },
  {
    id: 'privacy',
    title: 'Privacy',
    points: [
      'No integrations and no scraping: Flow Desk shows each service’s own web page.',
      'Nothing leaves your device but license checks (the security page lists exactly what they send).',
      'An app lock with a password, and an audit trail on your device of what changed and when.',
    ],
  },
  {
    id: 'enterprise',
    title: 'For teams and enterprises',
    points: [
      'Team and Enterprise licenses with seats; people sign their devices in with their work account.',
      'Administrators see and sign out devices from the dashboard.',
      'Single sign-on, directory sync and signed policies for what runs in people’s workspaces are being built.',
    ],
  },
];

export default function FeaturesPage() {
  return (
    <main className="mx-auto max-w-4xl px-6 py-16">
      <h1 className="text-3xl font-semibold">Features</h1>
      <p className="mt-4 text-lg text-neutral-700 dark:text-neutral-300">
        Flow Desk keeps the web apps you work in together, apart from each other, and on your
        device.
      </p>
      <nav aria-label="On this page" className="mt-6 flex flex-wrap gap-4 text-sm">
        {FEATURES.map((feature) => (
          <a
            key={feature.id}
            href={`#${feature.id}`}
            className="text-blue-700 underline dark:text-blue-400"
          >
            {feature.title}
          </a>
        ))}
      </nav>
      {FEATURES.map((feature) => (
        <section
          key={feature.id}
          id={feature.id}
          aria-labelledby={`${feature.id}-heading`}
          className="mt-12"
        >
          <h2 id={`${feature.id}-heading`} className="text-2xl font-semibold">
            {feature.title}
          </h2>
          <ul className="mt-4 list-disc space-y-2 pl-6 text-neutral-700 dark:text-neutral-300">
            {feature.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </section>
      ))}
      <p className="mt-16">
        <Link
          href="/download"
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
        >
          Download Flow Desk
        </Link>
      </p>
    </main>
  );
}
