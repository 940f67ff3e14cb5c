import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { detectDesktopOs, latestRelease } from '../../src/site/releases';
import type { DesktopOs, Installer } from '../../src/site/releases';

export const metadata: Metadata = {
  title: 'Download',
  description: 'Flow Desk for macOS, Windows and Linux: signed installers from the latest release.',
};

const OS_NAMES: Record<DesktopOs, string> = { mac: 'macOS', windows: 'Windows', linux: 'Linux' };
const ARCH_NAMES = {
  x64: 'Intel / AMD (x64)',
  arm64: 'ARM (arm64)',
  universal: 'Apple silicon and Intel',
};
const FORMAT_NOTES: Record<Installer['format'], string> = {
  dmg: 'disk image',
  zip: 'zip archive',
  exe: 'installer',
  AppImage: 'AppImage, runs anywhere',
  deb: 'Debian, Ubuntu',
  rpm: 'Fedora, openSUSE',
};

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;

function InstallerList({ installers }: { installers: Installer[] }) {
  return (
    <ul className="mt-3 space-y-2">
      {installers.map((installer) => (
        <li key={installer.name}>
          <a href={installer.url} className="text-blue-700 underline dark:text-blue-400">
            {installer.name}
          </a>{' '}
          <span className="text-sm text-neutral-500">
            {ARCH_NAMES[installer.arch]}, {FORMAT_NOTES[installer.format]},{' '}
            {megabytes(installer.size)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The latest release's installers, the visitor's system first. */
export default async function DownloadPage() {
  const requestHeaders = await headers();
  const visitorOs = detectDesktopOs(requestHeaders);
  const lookup = await latestRelease({
    repository: process.env.FLOWDESK_RELEASES_REPO,
    apiUrl: process.env.FLOWDESK_GITHUB_API_URL,
  });
  const systems: DesktopOs[] = ['mac', 'windows', 'linux'];
  const ordered = visitorOs ? [visitorOs, ...systems.filter((os) => os !== visitorOs)] : systems;

  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold">Download Flow Desk</h1>
      {lookup.status === 'found' ? (
        <>
          <p className="mt-4 text-neutral-700 dark:text-neutral-300">
            Version {lookup.release.version}
            {lookup.release.publishedAt
              ? `, released ${lookup.release.publishedAt.toISOString().slice(0, 10)}`
              : ''}
            .{' '}
            <a href={lookup.release.pageUrl} className="text-blue-700 underline dark:text-blue-400">
              Release notes
            </a>
          </p>
          {ordered.map((os) => {
            const installers = lookup.release.installers.filter((installer) => installer.os === os);
            const recommended = os === visitorOs;
            return (
              <section
                key={os}
                aria-labelledby={`os-${os}`}
                className={`mt-8 rounded-lg border p-6 ${recommended ? 'border-blue-600' : 'border-neutral-200 dark:border-neutral-800'}`}
              >
                <h2 id={`os-${os}`} className="text-xl font-semibold">
                  {OS_NAMES[os]}
                  {recommended ? (
                    <span className="ml-3 text-sm font-normal text-blue-700 dark:text-blue-400">
                      Your system
                    </span>
                  ) : null}
                </h2>
                {installers.length > 0 ? (
                  <InstallerList installers={installers} />
                ) : (
                  <p className="mt-3 text-neutral-600 dark:text-neutral-400">
                    No {OS_NAMES[os]} build in this release.
                  </p>
                )}
              </section>
            );
          })}
        </>
      ) : (
        <p role="status" className="mt-4 text-neutral-700 dark:text-neutral-300">
          {lookup.status === 'not-configured'
            ? 'No release has been published from this site yet. Flow Desk builds from source: see the README of the repository.'
            : lookup.status === 'none-published'
              ? 'No release has been published yet.'
              : 'The list of installers could not be loaded just now.'}{' '}
          {lookup.status !== 'not-configured' ? (
            <a href={lookup.releasesUrl} className="text-blue-700 underline dark:text-blue-400">
              See all releases on GitHub
            </a>
          ) : null}
        </p>
      )}
      <p className="mt-10 text-sm text-neutral-600 dark:text-neutral-400">
        Phones and tablets: a Flow Desk mobile app is in development. Already installed on a
        computer?{' '}
        <Link href="/dashboard" className="underline">
          Manage your devices
        </Link>
        .
      </p>
    </main>
  );
}
