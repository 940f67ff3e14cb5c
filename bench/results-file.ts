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
