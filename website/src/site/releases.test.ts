import { beforeEach, describe, expect, it } from 'vitest';
import { classifyAsset, detectDesktopOs, forgetCachedRelease, latestRelease } from './releases';

const headers = (values: Record<string, string>) => new Headers(values);

const release = {
  tag_name: 'v1.2.3',
  html_url: 'https://github.com/flowdesk/flowdesk/releases/tag/v1.2.3',
  published_at: '2026-11-20T10:00:00Z',
  assets: [
    {
      name: 'Flow-Desk-1.2.3-arm64.dmg',
      browser_download_url: 'https://github.com/d/a.dmg',
      size: 120_000_000,
    },
    {
      name: 'Flow-Desk-1.2.3-mac.zip',
      browser_download_url: 'https://github.com/d/a.zip',
      size: 110_000_000,
    },
    {
      name: 'Flow-Desk-Setup-1.2.3.exe',
      browser_download_url: 'https://github.com/d/a.exe',
      size: 90_000_000,
    },
    {
      name: 'Flow-Desk-1.2.3.AppImage',
      browser_download_url: 'https://github.com/d/a.AppImage',
      size: 130_000_000,
    },
    {
      name: 'flow-desk_1.2.3_amd64.deb',
      browser_download_url: 'https://github.com/d/a.deb',
      size: 80_000_000,
    },
    { name: 'latest.yml', browser_download_url: 'https://github.com/d/latest.yml', size: 400 },
    {
      name: 'Flow-Desk-1.2.3.exe.blockmap',
      browser_download_url: 'https://github.com/d/a.blockmap',
      size: 100,
    },
    { name: 'evil.rpm', browser_download_url: 'http://insecure.example/evil.rpm', size: 1 },
  ],
};

function fakeGitHub(status: number, body: unknown) {
  const calls: string[] = [];
  const fetchImpl: typeof fetch = (url) => {
    calls.push(url instanceof Request ? url.url : url.toString());
    return Promise.resolve(Response.json(body, { status }));
  };
  return { calls, fetch: fetchImpl };
}

beforeEach(() => forgetCachedRelease());

describe('installers of the latest release', () => {
  it('classifies installers by system, architecture and format, and skips the rest', () => {
    expect(classifyAsset('Flow-Desk-1.2.3-arm64.dmg')).toEqual({
      os: 'mac',
      arch: 'arm64',
      format: 'dmg',
    });
    expect(classifyAsset('Flow-Desk-1.2.3-universal.dmg')).toMatchObject({ arch: 'universal' });
    expect(classifyAsset('Flow-Desk-1.2.3-mac.zip')).toEqual({
      os: 'mac',
      arch: 'x64',
      format: 'zip',
    });
    expect(classifyAsset('source.zip')).toBeUndefined();
    expect(classifyAsset('Setup.exe')).toMatchObject({ os: 'windows', format: 'exe' });
    expect(classifyAsset('x.aarch64.rpm')).toEqual({ os: 'linux', arch: 'arm64', format: 'rpm' });
    expect(classifyAsset('latest-mac.yml')).toBeUndefined();
    expect(classifyAsset('x.exe.blockmap')).toBeUndefined();
  });

  it('guesses the visitor’s desktop from Client Hints, then the User-Agent', () => {
    expect(detectDesktopOs(headers({ 'sec-ch-ua-platform': '"macOS"' }))).toBe('mac');
    expect(detectDesktopOs(headers({ 'sec-ch-ua-platform': '"Windows"' }))).toBe('windows');
    expect(detectDesktopOs(headers({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' }))).toBe(
      'linux',
    );
    expect(
      detectDesktopOs(headers({ 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' })),
    ).toBe('mac');
    expect(
      detectDesktopOs(headers({ 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' })),
    ).toBe('windows');
    expect(
      detectDesktopOs(headers({ 'user-agent': 'Mozilla/5.0 (Linux; Android 14)' })),
    ).toBeUndefined();
    expect(
      detectDesktopOs(headers({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0)' })),
    ).toBeUndefined();
    expect(detectDesktopOs(headers({}))).toBeUndefined();
  });

  it('reads the latest release once per ten minutes, keeping https installers only', async () => {
    const github = fakeGitHub(200, release);
    const source = {
      repository: 'flowdesk/flowdesk',
      apiUrl: 'http://localhost:1/',
      fetch: github.fetch,
    };
    const lookup = await latestRelease(source, 0);
    expect(github.calls).toEqual(['http://localhost:1/repos/flowdesk/flowdesk/releases/latest']);
    expect(lookup.status).toBe('found');
    if (lookup.status !== 'found') return;
    expect(lookup.release.version).toBe('1.2.3');
    expect(lookup.release.installers.map((installer) => installer.format)).toEqual([
      'dmg',
      'zip',
      'exe',
      'AppImage',
      'deb',
    ]);
    await latestRelease(source, 599_000);
    expect(github.calls).toHaveLength(1);
    await latestRelease(source, 601_000);
    expect(github.calls).toHaveLength(2);
  });

  it('says when nothing is configured, published or reachable', async () => {
    expect(await latestRelease({})).toEqual({ status: 'not-configured' });
    for (const repository of ['../etc', 'a/..', 'a/b/c', 'a']) {
      expect(await latestRelease({ repository })).toEqual({ status: 'not-configured' });
    }
    const none = fakeGitHub(404, { message: 'Not Found' });
    expect(await latestRelease({ repository: 'a/b', fetch: none.fetch }, 0)).toEqual({
      status: 'none-published',
      releasesUrl: 'https://github.com/a/b/releases',
    });
    forgetCachedRelease();
    const limited = fakeGitHub(403, { message: 'rate limited' });
    expect((await latestRelease({ repository: 'a/b', fetch: limited.fetch }, 0)).status).toBe(
      'unavailable',
    );
    // A failure is retried after a minute, not ten.
    await latestRelease({ repository: 'a/b', fetch: limited.fetch }, 59_000);
    expect(limited.calls).toHaveLength(1);
    await latestRelease({ repository: 'a/b', fetch: limited.fetch }, 61_000);
    expect(limited.calls).toHaveLength(2);
    forgetCachedRelease();
    const garbage = fakeGitHub(200, { tag_name: 5 });
    expect((await latestRelease({ repository: 'a/b', fetch: garbage.fetch }, 0)).status).toBe(
      'unavailable',
    );
    forgetCachedRelease();
    const offline = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
    expect((await latestRelease({ repository: 'a/b', fetch: offline }, 0)).status).toBe(
      'unavailable',
    );
  });
});
