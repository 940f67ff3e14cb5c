import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { isFlowDeskError } from '@flowdesk/shared/core';
import { sizeOf } from './build-result';
import type { BuildResult } from './build-result';
import { desktopBuildPlan } from './desktop-config';
import type { Arch, BuildEnvironment, Platform } from './desktop-config';

/** What the BuildManager does to the world; injected so the logic is tested without building. */
export interface BuildSteps {
  /** Runs a command to the end; resolves with its exit code. */
  run(
    command: string,
    args: readonly string[],
    options: { cwd: string; env: BuildEnvironment },
  ): Promise<number>;
  /** electron-builder: packages (and, for a release, signs, notarizes, publishes). Returns artifact paths. */
  packageDesktop(options: {
    projectDir: string;
    config: Configuration;
    platform: Platform;
    arch: Arch;
    publish: boolean;
    unpackedOnly: boolean;
  }): Promise<string[]>;
  /** Moves the built source maps out of the app, to be kept as build artifacts. */
  collectSourceMaps(from: string, to: string): number;
  now(): number;
}

export interface DesktopBuildOptions {
  platform: Platform;
  arch: Arch;
  release: boolean;
  tag?: string;
  /** Only the unpacked app (electron-builder --dir): what the packaging test builds. */
  unpackedOnly?: boolean;
}

/** The EAS command line the mobile builds use: pinned, so a release does not change under us. */
export const EAS_CLI_VERSION = '24.8.0';

/**
 * The seed's BuildManager: builds the desktop app (electron-vite, then electron-builder for the
 * installers, signing, notarization and publishing), the website (next build) and the mobile
 * app (EAS, profiles in mobile-app/eas.json). Every build ends in a BuildResult, failed or not.
 */

export class BuildManager {
  constructor(
    private readonly root: string,
    private readonly env: BuildEnvironment,
    private readonly steps: BuildSteps,
  ) {}

  async buildDesktop(options: DesktopBuildOptions): Promise<BuildResult> {
    const started = this.steps.now();
    const target = `desktop-${options.platform}-${options.arch}`;
    const projectDir = join(this.root, 'desktop-app');
    const fail = (errors: string[], warnings: string[] = []): BuildResult => ({
      target,
      success: false,
      outputPath: '',
      size: 0,
      duration: this.steps.now() - started,
      artifacts: [],
      warnings,
      errors,
    });
    const appVersion = (
      JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const plan = desktopBuildPlan({ ...options, appVersion, env: this.env });
    if (!plan.ok) return fail([plan.error.message]);
    const { config, warnings, publish } = plan.value;
    try {
      // optimizeAssets + generateSourceMaps: electron-vite minifies and writes hidden source maps.
      const built = await this.steps.run('npm', ['run', 'build'], {
        cwd: projectDir,
        env: { ...this.env, FLOWDESK_SOURCEMAPS: '1' },
      });
      if (built !== 0) return fail([`Building the app failed (exit code ${built}).`], warnings);
      const maps = this.steps.collectSourceMaps(
        join(projectDir, 'out'),
        join(this.root, 'build-results', 'sourcemaps', `${target}-${appVersion}`),
      );
      if (maps === 0) warnings.push('No source maps were produced.');
      const artifacts = await this.steps.packageDesktop({
        projectDir,
        config,
        platform: options.platform,
        arch: options.arch,
        publish,
        unpackedOnly: options.unpackedOnly ?? false,
      });
      return {
        target,
        success: true,
        outputPath: join(projectDir, 'dist'),
        size: artifacts.reduce((sum, artifact) => sum + sizeOf(artifact), 0),
        duration: this.steps.now() - started,
        artifacts,
        warnings,
        errors: [],
      };
    } catch (error) {
      return fail(
        [isFlowDeskError(error) || error instanceof Error ? error.message : String(error)],
        warnings,
      );
    }
  }

  async buildWebsite(): Promise<BuildResult> {
    const started = this.steps.now();
    const projectDir = join(this.root, 'website');
    const code = await this.steps.run('npm', ['run', 'build'], {
      cwd: projectDir,
      env: { ...this.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    const outputPath = join(projectDir, '.next');
    return {
      target: 'website',
      success: code === 0,
      outputPath: code === 0 ? outputPath : '',
      size: code === 0 ? sizeOf(outputPath) : 0,
      duration: this.steps.now() - started,
      artifacts: code === 0 ? [outputPath] : [],
      warnings: [],
      errors: code === 0 ? [] : [`next build failed (exit code ${code}).`],
    };
  }

  async buildMobile(platform: 'ios' | 'android', profile = 'production'): Promise<BuildResult> {
    const started = this.steps.now();
    const projectDir = join(this.root, 'mobile-app');
    const result = (success: boolean, errors: string[]): BuildResult => ({
      target: `mobile-${platform}`,
      success,
      outputPath: success ? `EAS build (${profile})` : '',
      size: 0,
      duration: this.steps.now() - started,
      artifacts: [],
      warnings: success ? ['EAS builds in the cloud: the installer is listed on expo.dev.'] : [],
      errors,
    });
    if (!existsSync(join(projectDir, 'eas.json'))) {
      return result(false, [
        'The mobile app is not in this repository yet (mobile-app/ with eas.json): it arrives with the mobile issue.',
      ]);
    }
    if (!this.env.EXPO_TOKEN?.trim()) return result(false, ['EAS builds need EXPO_TOKEN.']);
    const code = await this.steps.run(
      'npx',
      [
        '--yes',
        `eas-cli@${EAS_CLI_VERSION}`,
        'build',
        '--platform',
        platform,
        '--profile',
        profile,
        '--non-interactive',
      ],
      { cwd: projectDir, env: this.env },
    );
    return result(code === 0, code === 0 ? [] : [`eas build failed (exit code ${code}).`]);
  }
}
