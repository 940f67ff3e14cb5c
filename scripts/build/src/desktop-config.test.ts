import { describe, expect, it } from 'vitest';
import {
  RELEASE_FUSES,
  UNSAFE_FUSE_VALUES,
  desktopBuildPlan,
  parseReleaseTag,
} from './desktop-config';
import type { DesktopBuildRequest } from './desktop-config';

const releaseEnv = {
  GH_TOKEN: 'ghp_x',
  FLOWDESK_RELEASES_REPO: 'flowdesk/desktop',
  FLOWDESK_LICENSE_PUBLIC_KEYS: '{"keys":[]}',
  FLOWDESK_SITE_URL: 'https://flowdesk.app',
};
const macCredentials = {
  CSC_LINK: 'base64-p12',
  CSC_KEY_PASSWORD: 'pw',
  APPLE_API_KEY: '/keys/AuthKey.p8',
  APPLE_API_KEY_ID: 'ABC123',
  APPLE_API_ISSUER: 'issuer-uuid',
};
const request = (overrides: Partial<DesktopBuildRequest> = {}): DesktopBuildRequest => ({
  platform: 'linux',
  arch: 'x64',
  release: false,
  appVersion: '1.2.0',
  env: {},
  ...overrides,
});

describe('release tags', () => {
  it('reads stable and beta tags and names what is wrong with others', () => {
    expect(parseReleaseTag('v1.2.0')).toEqual({
      ok: true,
      value: { version: '1.2.0', channel: 'stable' },
    });
    expect(parseReleaseTag('v1.3.0-beta.2')).toEqual({
      ok: true,
      value: { version: '1.3.0-beta.2', channel: 'beta' },
    });
    for (const bad of ['1.2.0', 'v1.2', 'v1.2.0-nightly', 'v1.2.0-beta', 'latest']) {
      const parsed = parseReleaseTag(bad);
      expect(!parsed.ok && parsed.error.code).toBe('BUILD_TAG_INVALID');
    }
  });
});

describe('the desktop build plan', () => {
  it('sets every fuse to its safe value, and asar integrity on', () => {
    const plan = desktopBuildPlan(request());
    if (!plan.ok) throw plan.error;
    const fuses = plan.value.config.electronFuses!;
    for (const [fuse, unsafe] of Object.entries(UNSAFE_FUSE_VALUES)) {
      expect(fuses[fuse as keyof typeof fuses], fuse).toBe(!unsafe);
    }
    expect(Object.keys(RELEASE_FUSES).sort()).toEqual(Object.keys(UNSAFE_FUSE_VALUES).sort());
    expect(plan.value.config.asar).toBe(true);
    // Source maps never ship.
    expect(plan.value.config.files).toContain('!**/*.map');
    expect(plan.value.config.files).toContain('!node_modules/@flowdesk/**');
  });

  it('builds each platform’s installers for the chosen architecture', () => {
    const mac = desktopBuildPlan(request({ platform: 'mac', arch: 'arm64' }));
    const win = desktopBuildPlan(request({ platform: 'win' }));
    const linux = desktopBuildPlan(request({ platform: 'linux', arch: 'arm64' }));
    if (!mac.ok || !win.ok || !linux.ok) throw new Error('plans');
    expect(mac.value.config.mac?.target).toEqual([
      { target: 'dmg', arch: ['arm64'] },
      { target: 'zip', arch: ['arm64'] },
    ]);
    expect(mac.value.config.mac?.hardenedRuntime).toBe(true);
    expect(win.value.config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(
      (linux.value.config.linux?.target as { target: string }[]).map((target) => target.target),
    ).toEqual(['AppImage', 'deb', 'rpm']);
    // A local build publishes nothing and says when it is unsigned.
    expect(mac.value.publish).toBe(false);
    expect(mac.value.config.publish).toBeNull();
    expect(mac.value.warnings).toEqual(['Unsigned mac build: for testing on this machine only.']);
    expect(mac.value.config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
  });

  it('refuses a release without its credentials, naming every missing variable', () => {
    const mac = desktopBuildPlan(request({ platform: 'mac', release: true, tag: 'v1.2.0' }));
    expect(!mac.ok && mac.error.code).toBe('BUILD_CREDENTIALS_MISSING');
    expect(!mac.ok && mac.error.message).toBe(
      'A release build for mac needs these environment variables: CSC_LINK, APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER, GH_TOKEN, FLOWDESK_RELEASES_REPO, FLOWDESK_LICENSE_PUBLIC_KEYS, FLOWDESK_SITE_URL. See docs/releasing.md.',
    );
    const win = desktopBuildPlan(
      request({
        platform: 'win',
        release: true,
        tag: 'v1.2.0',
        env: { ...releaseEnv, CSC_LINK: 'x' },
      }),
    );
    expect(!win.ok && win.error.message).toMatch(
      /needs these environment variables: CSC_KEY_PASSWORD\./,
    );
  });

  it('signs, notarizes and publishes a release as a draft on GitHub when all is there', () => {
    const plan = desktopBuildPlan(
      request({
        platform: 'mac',
        release: true,
        tag: 'v1.2.0',
        env: { ...releaseEnv, ...macCredentials, ELECTRON_DIST: '/opt/electron' },
      }),
    );
    if (!plan.ok) throw plan.error;
    expect(plan.value).toMatchObject({
      signed: true,
      publish: true,
      channel: 'stable',
      warnings: [],
    });
    expect(plan.value.config.mac?.notarize).toBe(true);
    expect(plan.value.config.electronDist).toBe('/opt/electron');
    expect(plan.value.config.publish).toEqual({
      provider: 'github',
      owner: 'flowdesk',
      repo: 'desktop',
      releaseType: 'draft',
      vPrefixedTagName: true,
    });
    expect(plan.value.config.electronFuses?.resetAdHocDarwinSignature).toBe(false);
  });

  it('notarizes with an Apple ID instead of an API key, and signs Windows with Azure Trusted Signing', () => {
    const mac = desktopBuildPlan(
      request({
        platform: 'mac',
        release: true,
        tag: 'v1.3.0-beta.1',
        appVersion: '1.3.0-beta.1',
        env: {
          ...releaseEnv,
          CSC_NAME: 'Developer ID Application: Flow Desk',
          APPLE_ID: 'release@flowdesk.app',
          APPLE_APP_SPECIFIC_PASSWORD: 'x',
          APPLE_TEAM_ID: 'TEAM',
        },
      }),
    );
    expect(mac.ok && mac.value.channel).toBe('beta');
    const win = desktopBuildPlan(
      request({
        platform: 'win',
        release: true,
        tag: 'v1.2.0',
        env: {
          ...releaseEnv,
          AZURE_TENANT_ID: 't',
          AZURE_CLIENT_ID: 'c',
          AZURE_CLIENT_SECRET: 's',
          AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
          AZURE_TRUSTED_SIGNING_ACCOUNT: 'flowdesk',
          AZURE_CERTIFICATE_PROFILE: 'public',
          AZURE_PUBLISHER_NAME: 'Flow Desk',
        },
      }),
    );
    if (!win.ok) throw win.error;
    expect(win.value.config.win?.azureSignOptions).toEqual({
      publisherName: 'Flow Desk',
      endpoint: 'https://weu.codesigning.azure.net',
      codeSigningAccountName: 'flowdesk',
      certificateProfileName: 'public',
    });
  });

  it('refuses a release whose tag is missing, malformed or not the app’s version, or a bad repository', () => {
    const env = { ...releaseEnv };
    const code = (overrides: Partial<DesktopBuildRequest>) => {
      const plan = desktopBuildPlan(request({ release: true, env, ...overrides }));
      return plan.ok ? 'ok' : plan.error.code;
    };
    expect(code({})).toBe('BUILD_TAG_MISSING');
    expect(code({ tag: 'version-1' })).toBe('BUILD_TAG_INVALID');
    expect(code({ tag: 'v1.2.1' })).toBe('BUILD_VERSION_MISMATCH');
    expect(code({ tag: 'v1.2.0', env: { ...env, FLOWDESK_RELEASES_REPO: 'not a repo' } })).toBe(
      'BUILD_REPO_INVALID',
    );
    expect(code({ tag: 'v1.2.0' })).toBe('ok');
  });
});

describe('electron-builder accepts the configuration', () => {
  it('passes electron-builder’s own schema for every platform of a release', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = await import('builder-util/out/DebugLogger.js');
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const plan = desktopBuildPlan(
        request({
          platform,
          release: true,
          tag: 'v1.2.0',
          env: { ...releaseEnv, ...macCredentials },
        }),
      );
      if (!plan.ok) throw plan.error;
      await expect(
        validateConfiguration(plan.value.config, new DebugLogger(false)),
      ).resolves.toBeUndefined();
    }
    // And refuses what it does not know, so the check can fail.
    await expect(
      validateConfiguration({ appId: 'x', notAnOption: true } as never, new DebugLogger(false)),
    ).rejects.toThrow(/notAnOption/);
  });
});
