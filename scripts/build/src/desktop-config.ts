import type { Configuration } from 'electron-builder';
import { z } from 'zod';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';

export const PLATFORMS = ['mac', 'win', 'linux'] as const;
export const ARCHES = ['x64', 'arm64'] as const;
export type Platform = (typeof PLATFORMS)[number];
export type Arch = (typeof ARCHES)[number];

type FuseOptions = NonNullable<Configuration['electronFuses']>;
type AzureSigning = NonNullable<NonNullable<Configuration['win']>['azureSignOptions']>;

/** What the environment may say about a desktop build (variables read once, then checked). */
export type BuildEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Every Electron fuse, set explicitly (research/electron.md item 19, element-desktop's practice):
 * nothing runs the app as plain Node, reads NODE_OPTIONS or opens an inspector; cookies are
 * encrypted with the OS keyring; only the integrity-checked app.asar is loaded; file:// gets no
 * extra rights (the UI is served from app://).
 */
export const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
} as const satisfies Required<Omit<FuseOptions, 'resetAdHocDarwinSignature'>>;

/** The fuse values that would be unsafe in a shipped app (the quality gate checks these). */
export const UNSAFE_FUSE_VALUES: Readonly<Record<keyof typeof RELEASE_FUSES, boolean>> = {
  runAsNode: true,
  enableCookieEncryption: false,
  enableNodeOptionsEnvironmentVariable: true,
  enableNodeCliInspectArguments: true,
  enableEmbeddedAsarIntegrityValidation: false,
  onlyLoadAppFromAsar: false,
  loadBrowserProcessSpecificV8Snapshot: true,
  grantFileProtocolExtraPrivileges: true,
};

const APP_ID = 'app.flowdesk.desktop';
const PRODUCT_NAME = 'Flow Desk';

/** `v1.4.0` or `v1.5.0-beta.2`: the tag a release is cut from. */
const RELEASE_TAG = /^v(\d+)\.(\d+)\.(\d+)(?:-(beta|alpha|rc)\.(\d+))?$/;

export interface ReleaseVersion {
  version: string;
  channel: 'stable' | 'beta';
}

/** Reads a release tag; names what is wrong with a malformed one. */
export function parseReleaseTag(tag: string): Result<ReleaseVersion> {
  const match = RELEASE_TAG.exec(tag.trim());
  if (!match) {
    return err(
      new FlowDeskError(
        'BUILD_TAG_INVALID',
        `"${tag.slice(0, 60)}" is not a release tag: use v1.2.3, or v1.2.3-beta.1 for a beta.`,
      ),
    );
  }
  const version = tag.trim().slice(1);
  return ok({ version, channel: match[4] === undefined ? 'stable' : 'beta' });
}

export interface DesktopBuildRequest {
  platform: Platform;
  arch: Arch;
  /** A release build: signed, notarized, published. Anything else is a local test build. */
  release: boolean;
  /** The tag being released (release builds only): its version must match the app's. */
  tag?: string;
  /** The app's version (desktop-app/package.json). */
  appVersion: string;
  env: BuildEnvironment;
}

export interface DesktopBuildPlan {
  config: Configuration;
  channel: 'stable' | 'beta';
  signed: boolean;
  publish: boolean;
  warnings: string[];
}

const present = (env: BuildEnvironment, name: string) => (env[name] ?? '').trim() !== '';
const missingOf = (env: BuildEnvironment, names: readonly string[]) =>
  names.filter((name) => !present(env, name));

const repoSchema = z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/);

/** Signing on macOS: a Developer ID certificate, and notarization by API key or Apple ID. */
function macSigning(env: BuildEnvironment): { missing: string[]; notarize: boolean } {
  const certificate = present(env, 'CSC_LINK') || present(env, 'CSC_NAME') ? [] : ['CSC_LINK'];
  const byApiKey = missingOf(env, ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']);
  const byAppleId = missingOf(env, ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']);
  const notarization = byApiKey.length === 0 || byAppleId.length === 0 ? [] : byApiKey;
  return { missing: [...certificate, ...notarization], notarize: notarization.length === 0 };
}

/** Signing on Windows: a certificate file (CSC_LINK + password) or Azure Trusted Signing. */
function windowsSigning(env: BuildEnvironment): {
  missing: string[];
  azure: AzureSigning | undefined;
} {
  const certificate = missingOf(env, ['CSC_LINK', 'CSC_KEY_PASSWORD']);
  const azureNames = [
    'AZURE_TENANT_ID',
    'AZURE_CLIENT_ID',
    'AZURE_CLIENT_SECRET',
    'AZURE_TRUSTED_SIGNING_ENDPOINT',
    'AZURE_TRUSTED_SIGNING_ACCOUNT',
    'AZURE_CERTIFICATE_PROFILE',
    'AZURE_PUBLISHER_NAME',
  ] as const;
  const azure = missingOf(env, azureNames);
  if (azure.length === 0) {
    return {
      missing: [],
      azure: {
        publisherName: env.AZURE_PUBLISHER_NAME!,
        endpoint: env.AZURE_TRUSTED_SIGNING_ENDPOINT!,
        codeSigningAccountName: env.AZURE_TRUSTED_SIGNING_ACCOUNT!,
        certificateProfileName: env.AZURE_CERTIFICATE_PROFILE!,
      },
    };
  }
  return { missing: certificate.length === 0 ? [] : certificate, azure: undefined };
}

/**
 * The electron-builder configuration for one platform and architecture, from the environment.
 * A release build without its signing or publishing credentials is refused, naming every missing
 * variable: never a silently unsigned release.
 */
export function desktopBuildPlan(request: DesktopBuildRequest): Result<DesktopBuildPlan> {
  const { env, platform, release } = request;
  const warnings: string[] = [];
  let channel: 'stable' | 'beta' = 'stable';
  if (release) {
    if (request.tag === undefined) {
      return err(
        new FlowDeskError('BUILD_TAG_MISSING', 'A release build needs its tag (--tag v1.2.3).'),
      );
    }
    const tag = parseReleaseTag(request.tag);
    if (!tag.ok) return tag;
    if (tag.value.version !== request.appVersion) {
      return err(
        new FlowDeskError(
          'BUILD_VERSION_MISMATCH',
          `The tag says ${tag.value.version} but desktop-app/package.json says ${request.appVersion}: set the version first.`,
        ),
      );
    }
    channel = tag.value.channel;
  }

  const mac = macSigning(env);
  const win = windowsSigning(env);
  const signingMissing = platform === 'mac' ? mac.missing : platform === 'win' ? win.missing : [];
  const publishMissing = release ? missingOf(env, ['GH_TOKEN', 'FLOWDESK_RELEASES_REPO']) : [];
  const keysMissing = release
    ? missingOf(env, ['FLOWDESK_LICENSE_PUBLIC_KEYS', 'FLOWDESK_SITE_URL'])
    : [];
  const missing = release ? [...signingMissing, ...publishMissing, ...keysMissing] : [];
  if (missing.length > 0) {
    return err(
      new FlowDeskError(
        'BUILD_CREDENTIALS_MISSING',
        `A release build for ${platform} needs these environment variables: ${missing.join(', ')}. See docs/releasing.md.`,
        { details: { missing } },
      ),
    );
  }
  const repo = release ? repoSchema.safeParse(env.FLOWDESK_RELEASES_REPO) : undefined;
  if (repo && !repo.success) {
    return err(
      new FlowDeskError(
        'BUILD_REPO_INVALID',
        'FLOWDESK_RELEASES_REPO must be owner/name, the GitHub repository releases are published to.',
      ),
    );
  }
  const signed = release || signingMissing.length === 0;
  if (!release && platform !== 'linux' && !signed) {
    warnings.push(`Unsigned ${platform} build: for testing on this machine only.`);
  }

  const [owner, name] = repo?.success ? repo.data.split('/') : [undefined, undefined];
  const electronDist = env.ELECTRON_DIST?.trim();
  const config: Configuration = {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © Flow Desk',
    directories: { output: 'dist', buildResources: 'build' },
    // The built app only: sources, tests and source maps stay out (maps are build artifacts).
    // @flowdesk/shared is bundled into out/ by electron-vite: its TypeScript source stays out.
    files: ['out/**/*', 'package.json', '!**/*.map', '!out/cli/**', '!node_modules/@flowdesk/**'],
    asar: true,
    electronFuses: {
      ...RELEASE_FUSES,
      // Flipping fuses breaks the ad-hoc signature of an unsigned Apple-silicon build.
      resetAdHocDarwinSignature: platform === 'mac' && !signed,
    },
    ...(electronDist ? { electronDist } : {}),
    // Updates come as blockmaps: only what changed is downloaded.
    generateUpdatesFilesForAllChannels: true,
    ...(release
      ? {
          publish: {
            provider: 'github',
            owner,
            repo: name,
            releaseType: 'draft',
            vPrefixedTagName: true,
          },
        }
      : { publish: null }),
    mac: {
      category: 'public.app-category.productivity',
      target: [
        { target: 'dmg', arch: [request.arch] },
        // The zip is what electron-updater downloads on macOS.
        { target: 'zip', arch: [request.arch] },
      ],
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      extendInfo: {
        NSCameraUsageDescription:
          'A service you use in Flow Desk asks for the camera (a video call).',
        NSMicrophoneUsageDescription:
          'A service you use in Flow Desk asks for the microphone (a call or a voice message).',
      },
      notarize: platform === 'mac' && signed && mac.notarize,
      ...(signed ? {} : { identity: null }),
    },
    win: {
      target: [{ target: 'nsis', arch: [request.arch] }],
      ...(win.azure ? { azureSignOptions: win.azure } : {}),
    },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    linux: {
      category: 'Network;InstantMessaging;Office',
      target: [
        { target: 'AppImage', arch: [request.arch] },
        { target: 'deb', arch: [request.arch] },
        { target: 'rpm', arch: [request.arch] },
      ],
      maintainer: 'Flow Desk <support@flowdesk.app>',
    },
  };
  return ok({ config, channel, signed, publish: release, warnings });
}
