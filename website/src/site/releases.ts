import { z } from 'zod';

/**
 * The download page's data: the latest GitHub Release of the configured repository, its
 * installers sorted by system, and the visitor's system guessed from the request. GitHub allows
 * 60 unauthenticated API calls an hour, so the answer is kept for ten minutes.
 */

export type DesktopOs = 'mac' | 'windows' | 'linux';

export interface Installer {
  os: DesktopOs;
  arch: 'x64' | 'arm64' | 'universal';
  format: 'dmg' | 'zip' | 'exe' | 'AppImage' | 'deb' | 'rpm';
  name: string;
  url: string;
  size: number;
}

export interface LatestRelease {
  version: string;
  publishedAt: Date | null;
  pageUrl: string;
  installers: Installer[];
}

export type ReleaseLookup =
  | { status: 'found'; release: LatestRelease }
  | { status: 'not-configured' }
  | { status: 'none-published'; releasesUrl: string }
  | { status: 'unavailable'; releasesUrl: string };

const releaseSchema = z.object({
  tag_name: z.string().min(1).max(100),
  html_url: z.url(),
  published_at: z.string().nullable(),
  assets: z
    .array(
      z.object({
        name: z.string().max(300),
        browser_download_url: z.url(),
        size: z.number().int().nonnegative(),
      }),
    )
    .max(500),
});

/** owner/name as GitHub allows them (an owner never starts with a dot; a name is never . or ..). */
const repositorySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/);

/** What an asset's file name says it is; checksums, blockmaps and update feeds are not installers. */
export function classifyAsset(name: string): Omit<Installer, 'name' | 'url' | 'size'> | undefined {
  const lower = name.toLowerCase();
  const arch = /arm64|aarch64/.test(lower)
    ? 'arm64'
    : /universal/.test(lower)
      ? 'universal'
      : 'x64';
  if (lower.endsWith('.dmg')) return { os: 'mac', arch, format: 'dmg' };
  if (lower.endsWith('.zip') && /mac|darwin|osx/.test(lower))
    return { os: 'mac', arch, format: 'zip' };
  if (lower.endsWith('.exe')) return { os: 'windows', arch, format: 'exe' };
  if (lower.endsWith('.appimage')) return { os: 'linux', arch, format: 'AppImage' };
  if (lower.endsWith('.deb')) return { os: 'linux', arch, format: 'deb' };
  if (lower.endsWith('.rpm')) return { os: 'linux', arch, format: 'rpm' };
  return undefined;
}

/** The visitor's desktop system from Client Hints or the User-Agent; undefined for phones and unknowns. */
export function detectDesktopOs(headers: {
  get(name: string): string | null;
}): DesktopOs | undefined {
  const hint = headers.get('sec-ch-ua-platform')?.replaceAll('"', '').toLowerCase();
  const agent = headers.get('user-agent')?.toLowerCase() ?? '';
  if (hint === 'android' || hint === 'ios' || /android|iphone|ipad/.test(agent)) return undefined;
  if (hint === 'macos' || agent.includes('mac os x') || agent.includes('macintosh')) return 'mac';
  if (hint === 'windows' || agent.includes('windows')) return 'windows';
  if (
    hint === 'linux' ||
    hint === 'chrome os' ||
    agent.includes('linux') ||
    agent.includes('x11')
  ) {
    return 'linux';
  }
  return undefined;
}

export interface ReleaseSource {
  repository?: string | undefined;
  apiUrl?: string | undefined;
  fetch?: typeof fetch;
  cacheMs?: number;
}

let cached: { key: string; expiresAt: number; lookup: ReleaseLookup } | undefined;

export async function latestRelease(
  source: ReleaseSource,
  now = Date.now(),
): Promise<ReleaseLookup> {
  const repository = repositorySchema.safeParse(source.repository);
  if (!repository.success) return { status: 'not-configured' };
  const apiUrl = (source.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
  const key = `${apiUrl} ${repository.data}`;
  if (cached?.key === key && now < cached.expiresAt) return cached.lookup;

  const releasesUrl = `https://github.com/${repository.data}/releases`;
  let lookup: ReleaseLookup;
  try {
    const response = await (source.fetch ?? fetch)(
      `${apiUrl}/repos/${repository.data}/releases/latest`,
      {
        headers: { accept: 'application/vnd.github+json', 'user-agent': 'flowdesk-website' },
        signal: AbortSignal.timeout(5_000),
      },
    );
    if (response.status === 404) {
      lookup = { status: 'none-published', releasesUrl };
    } else if (!response.ok) {
      lookup = { status: 'unavailable', releasesUrl };
    } else {
      const release = releaseSchema.parse(await response.json());
      lookup = {
        status: 'found',
        release: {
          version: release.tag_name.replace(/^v/, ''),
          publishedAt: release.published_at ? new Date(release.published_at) : null,
          pageUrl: release.html_url,
          installers: release.assets.flatMap((asset) => {
            const kind = classifyAsset(asset.name);
            return kind && asset.browser_download_url.startsWith('https://')
              ? [{ ...kind, name: asset.name, url: asset.browser_download_url, size: asset.size }]
              : [];
          }),
        },
      };
    }
  } catch {
    // Unreachable, slow or a body we do not understand: the page links to GitHub instead.
    lookup = { status: 'unavailable', releasesUrl };
  }
  // A failure is kept for a minute only, so the page recovers soon after GitHub does.
  const keepMs = lookup.status === 'unavailable' ? 60_000 : (source.cacheMs ?? 600_000);
  cached = { key, expiresAt: now + keepMs, lookup };
  return lookup;
}

export function forgetCachedRelease(): void {
  cached = undefined;
}
