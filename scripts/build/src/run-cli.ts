import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BuildManager } from './build-manager';
import type { BuildSteps } from './build-manager';
import { formatBuildResult, writeBuildResult } from './build-result';
import type { BuildResult } from './build-result';
import { realBuildSteps } from './build-steps';
import { ARCHES, PLATFORMS } from './desktop-config';
import type { BuildEnvironment } from './desktop-config';
import { writePerformanceReport } from './performance/write-report';
import { formatQualityReport, runQualityGates } from './quality-gates';

const USAGE = [
  'npm run build:desktop -- --platform mac|win|linux --arch x64|arm64 [--release --tag v1.2.3] [--dir]',
  'npm run build:website',
  'npm run build:mobile -- ios|android [--profile development|preview|production]',
  'npm run quality [-- --offline] [--skip-audit]',
  'npm run bench:report',
].join('\n  ');

const desktopArgs = z.strictObject({
  platform: z.enum(PLATFORMS, { error: `--platform must be one of ${PLATFORMS.join(', ')}.` }),
  arch: z.enum(ARCHES, { error: `--arch must be one of ${ARCHES.join(', ')}.` }),
  release: z.boolean().default(false),
  tag: z.string().optional(),
  dir: z.boolean().default(false),
});

export interface CliContext {
  env: BuildEnvironment;
  root: string;
  print: (line: string) => void;
  steps?: BuildSteps;
}

/** Runs one command of the build tooling; returns the exit code (0 success, 1 failure, 2 usage). */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [command, ...rest] = argv;
  const usage = (problem: string) => {
    context.print(`${problem}\nUsage:\n  ${USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        platform: { type: 'string' },
        arch: { type: 'string' },
        release: { type: 'boolean' },
        tag: { type: 'string' },
        dir: { type: 'boolean' },
        profile: { type: 'string' },
        'skip-audit': { type: 'boolean' },
        offline: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const manager = new BuildManager(context.root, context.env, context.steps ?? realBuildSteps);
  const finish = (name: string, result: BuildResult) => {
    context.print(formatBuildResult(result));
    context.print(`  record: ${writeBuildResult(context.root, name, result)}`);
    return result.success ? 0 : 1;
  };

  switch (command) {
    case 'desktop': {
      const { values } = parsed;
      const options = desktopArgs.safeParse({
        platform: values.platform,
        arch: values.arch,
        release: values.release,
        tag: values.tag,
        dir: values.dir,
      });
      if (!options.success) {
        return usage(options.error.issues.map((issue) => issue.message).join(' '));
      }
      const { dir, ...request } = options.data;
      const result = await manager.buildDesktop({ ...request, unpackedOnly: dir });
      return finish(result.target, result);
    }
    case 'website':
      return finish('website', await manager.buildWebsite());
    case 'mobile': {
      const platform = z.enum(['ios', 'android']).safeParse(parsed.positionals[0]);
      if (!platform.success) return usage('Name the mobile platform: ios or android.');
      const profile = z
        .enum(['development', 'preview', 'production'])
        .safeParse(parsed.values.profile ?? 'production');
      if (!profile.success) return usage('--profile must be development, preview or production.');
      const result = await manager.buildMobile(platform.data, profile.data);
      return finish(result.target, result);
    }
    case 'quality': {
      const report = await runQualityGates({
        root: context.root,
        skipAudit: parsed.values['skip-audit'] === true,
        offline: parsed.values.offline === true,
      });
      context.print(formatQualityReport(report));
      return report.passed ? 0 : 1;
    }
    case 'bench-report': {
      try {
        const written = await writePerformanceReport(context.root);
        context.print(
          `docs/performance.md: figures of ${written.benchmarks.join(', ')}; charts ${written.charts.join(', ')}.`,
        );
        return 0;
      } catch (error) {
        context.print(error instanceof Error ? error.message : String(error));
        return 1;
      }
    }
    default:
      return usage(command === undefined ? 'Name what to build.' : `Unknown command "${command}".`);
  }
}
