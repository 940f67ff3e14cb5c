import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Security and privacy',
  description:
    'What Flow Desk keeps on your device, the one thing it sends (license checks), and how each service is isolated.',
};

/** Exactly what leaves a device: the claims here match the license API and the apps' code. */
export default function SecurityPage() {
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Security and privacy</h1>
      <h2 className="mt-10 text-xl font-semibold">What leaves your device</h2>
      <p className="mt-3">
        License checks, and nothing else. A signed-in app sends this website, when it signs in and
        then about once a day, a random device secret, a SHA-256 hash of the device’s fingerprint,
        the device name, its platform and the app version: the license API takes nothing more. The
        answer is a signed license token that the app verifies offline. There are no analytics, no
        crash uploads and no API integrations with the services you use.
      </p>
      <h2 className="mt-10 text-xl font-semibold">What stays on your device</h2>
      <p className="mt-3">
        Your workspaces, your sign-ins, your browsing data, your backups (encrypted with your
        passphrase or your computer’s keyring) and the audit log. Flow Desk has no servers that
        could read them.
      </p>
      <h2 className="mt-10 text-xl font-semibold">How services are isolated</h2>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          Every service page runs sandboxed, with context isolation and no access to the app or to
          your files, and is treated as hostile.
        </li>
        <li>
          Services you mark as isolated get their own browser session: separate cookies and storage,
          so two accounts of the same service can sit side by side.
        </li>
        <li>
          Camera, microphone, notifications and screen sharing are asked for per service and
          remembered per service; navigation outside a service’s own sites opens in your browser.
        </li>
      </ul>
    </main>
  );
}
