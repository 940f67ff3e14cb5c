import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Writes bench/results/<name>.json: the figures, with the date and the machine they came from. */
export function writeBenchResults(name: string, results: Record<string, unknown>): void {
  writeFileSync(
    join(import.meta.dirname, 'results', `${name}.json`),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        ...commitOf(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGb: Math.round(totalmem() / 1024 ** 3),
          node: process.version,
        },
        ...results,
      },
      null,
      2,
    )}\n`,
  );
}

/** The commit the figures were measured at, when this is a git checkout. */
function commitOf(): { commit?: string } {
  try {
    const repository = join(import.meta.dirname, '..');
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      cwd: repository,
    }).trim();
    // The results, the report a run writes and the documentation are not changes to what was
    // measured.
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', '.', ':!bench/results', ':!docs', ':!*.md'],
      { encoding: 'utf8', cwd: repository },
    ).trim();
    return { commit: dirty ? `${commit} with uncommitted changes` : commit };
  } catch {
    return {};
  }
}
