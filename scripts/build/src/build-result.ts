import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The seed's BuildResult, with what was built and where the record of it is. */
export interface BuildResult {
  target: string;
  success: boolean;
  outputPath: string;
  /** Bytes of the artifacts (installers, archives, the built site). */
  size: number;
  /** Milliseconds. */
  duration: number;
  artifacts: string[];
  warnings: string[];
  errors: string[];
}

/** Total bytes of a file or a folder's files (links are not followed). */
export function sizeOf(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** Writes build-results/<name>.json at the repository root, for CI to keep as an artifact. */
export function writeBuildResult(root: string, name: string, result: BuildResult): string {
  const folder = join(root, 'build-results');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** The result as a few lines for a terminal. */
export function formatBuildResult(result: BuildResult): string {
  const megabytes = (result.size / (1024 * 1024)).toFixed(1);
  return [
    `${result.success ? 'Built' : 'Failed'}: ${result.target} in ${(result.duration / 1000).toFixed(1)} s`,
    ...(result.success ? [`  output: ${result.outputPath} (${megabytes} MB)`] : []),
    ...result.artifacts.map((artifact) => `  artifact: ${artifact}`),
    ...result.warnings.map((warning) => `  warning: ${warning}`),
    ...result.errors.map((error) => `  error: ${error}`),
  ].join('\n');
}
