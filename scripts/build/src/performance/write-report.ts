import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { benchResultSchema, chartFiles, figuresMarkdown, withFigures } from './performance-report';
import type { BenchFile } from './performance-report';

/**
 * `npm run bench:report`: reads bench/results/*.json, writes the charts to docs/performance/ and
 * the figures into docs/performance.md (formatted as the repository formats Markdown).
 * A results file that is not a benchmark's output stops the report, naming the file.
 */
export async function writePerformanceReport(
  root: string,
): Promise<{ benchmarks: string[]; charts: string[] }> {
  const resultsDir = join(root, 'bench', 'results');
  const files: BenchFile[] = [];
  for (const entry of readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const parsed = benchResultSchema.safeParse(
      JSON.parse(readFileSync(join(resultsDir, entry), 'utf8')),
    );
    if (!parsed.success) {
      throw new Error(
        `bench/results/${entry} is not a benchmark's results (it needs date and machine). Run its benchmark again.`,
      );
    }
    files.push({ name: entry.replace(/\.json$/, ''), result: parsed.data });
  }
  const chartDir = join(root, 'docs', 'performance');
  mkdirSync(chartDir, { recursive: true });
  const charts = chartFiles(files);
  for (const [name, svg] of charts) writeFileSync(join(chartDir, name), svg);

  const documentPath = join(root, 'docs', 'performance.md');
  const document = withFigures(
    readFileSync(documentPath, 'utf8'),
    figuresMarkdown(files, 'performance'),
  );
  const options = (await resolveConfig(documentPath)) ?? {};
  writeFileSync(documentPath, await format(document, { ...options, filepath: documentPath }));
  return { benchmarks: files.map((file) => file.name), charts: [...charts.keys()] };
}
