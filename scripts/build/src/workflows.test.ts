import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = join(import.meta.dirname, '..', '..', '..');
const workflow = (name: string) =>
  parse(readFileSync(join(root, '.github', 'workflows', name), 'utf8')) as unknown;

const stepsSchema = z.array(
  z.object({
    run: z.string().optional(),
    uses: z.string().optional(),
    env: z.record(z.string(), z.string()).optional(),
  }),
);
const workflowSchema = z.object({
  on: z.unknown(),
  jobs: z.record(z.string(), z.object({ steps: stepsSchema, strategy: z.unknown().optional() })),
});

describe('GitHub Actions workflows', () => {
  it('CI runs what .ci/run runs, then the audit and the full quality gates, on Node 22 and 24', () => {
    const ci = workflowSchema.parse(workflow('ci.yml'));
    expect(ci.on).toEqual({ push: null, pull_request: null });
    const runs = ci.jobs.test!.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['.ci/run', 'npm audit --omit=dev --audit-level=high', 'npm run quality']);
    expect(ci.jobs.test!.strategy).toMatchObject({ matrix: { node: ['22', '24'] } });
  });

  it('a release tag builds every platform with every variable a signed release needs', () => {
    const release = workflowSchema.parse(workflow('release.yml'));
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    const desktop = release.jobs.desktop!;
    const build = desktop.steps.find((step) => step.run?.startsWith('npm run build:desktop'));
    expect(build?.run).toContain('--release --tag ${{ github.ref_name }}');
    const env = Object.keys(build?.env ?? {});
    for (const name of [
      'GH_TOKEN',
      'FLOWDESK_RELEASES_REPO',
      'FLOWDESK_SITE_URL',
      'FLOWDESK_LICENSE_PUBLIC_KEYS',
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
      'AZURE_TENANT_ID',
      'AZURE_CLIENT_ID',
      'AZURE_CLIENT_SECRET',
      'AZURE_TRUSTED_SIGNING_ENDPOINT',
      'AZURE_TRUSTED_SIGNING_ACCOUNT',
      'AZURE_CERTIFICATE_PROFILE',
      'AZURE_PUBLISHER_NAME',
    ]) {
      expect(env, name).toContain(name);
    }
    // The notarization key file is written before the build, and its path exported.
    expect(
      desktop.steps.some((step) => step.run?.includes('APPLE_API_KEY=$RUNNER_TEMP/AuthKey.p8')),
    ).toBe(true);
    const platforms = (
      desktop.strategy as { matrix: { include: { platform: string; arch: string }[] } }
    ).matrix.include.map((entry) => `${entry.platform}-${entry.arch}`);
    expect(platforms).toEqual(['mac-arm64', 'mac-x64', 'win-x64', 'linux-x64', 'linux-arm64']);
  });

  it('a release tag builds the mobile app for both stores with EAS, as mobile-app/eas.json says', () => {
    const release = workflowSchema.parse(workflow('release.yml'));
    const build = release.jobs.mobile!.steps.find((step) =>
      step.run?.startsWith('npm run build:mobile'),
    );
    expect(build?.run).toContain('--profile production');
    expect(Object.keys(build?.env ?? {})).toEqual(['EXPO_TOKEN']);
    expect(release.jobs.mobile!.strategy).toMatchObject({
      matrix: { platform: ['ios', 'android'] },
    });
    const eas = z
      .object({ build: z.record(z.string(), z.object({ environment: z.string() })) })
      .parse(JSON.parse(readFileSync(join(root, 'mobile-app', 'eas.json'), 'utf8')));
    expect(Object.keys(eas.build)).toEqual(['development', 'preview', 'production']);
    // Each profile takes the license keys from its own EAS environment.
    expect(eas.build.production?.environment).toBe('production');
  });
});
