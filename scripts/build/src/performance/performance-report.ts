import { z } from 'zod';
import { barChartSvg, formatValue } from './bar-chart';
import type { BarChart } from './bar-chart';

/**
 * docs/performance.md's figures, rendered from bench/results/*.json (issue 12): per benchmark
 * the run's date, commit and machine, every figure it measured, and charts for the comparisons.
 * The prose around them explains what each benchmark measures; only the part between the
 * markers is generated, so a new run can never leave a stale figure in that part.
 */

export const FIGURES_START = '<!-- bench:figures:start -->';
export const FIGURES_END = '<!-- bench:figures:end -->';

export const benchResultSchema = z.looseObject({
  date: z.string(),
  commit: z.string().optional(),
  machine: z.object({
    cpus: z.number(),
    cpuModel: z.string().optional(),
    memoryGb: z.number(),
    node: z.string(),
  }),
});
export type BenchResult = z.infer<typeof benchResultSchema>;

export interface BenchFile {
  /** The benchmark's name: bench/<name>.bench.ts wrote bench/results/<name>.json. */
  name: string;
  result: BenchResult;
}

interface ChartSource {
  file: string;
  bench: string;
  title: string;
  unit: string;
  bars: [label: string, path: string][];
}

/** The comparisons drawn as charts, each from one run (ratios are only taken within a run). */
const CHARTS: ChartSource[] = [
  {
    file: 'desktop-views-memory',
    bench: 'desktop-views',
    title: 'Memory of 30 services, all browser processes (PSS)',
    unit: 'MB',
    bars: [
      ['120 MB pages, no limit', 'memory120.unlimitedMb'],
      ['120 MB pages, 6 live views', 'memory120.defaultLimitMb'],
      ['40 MB pages, no limit', 'memory40.unlimitedMb'],
      ['40 MB pages, 6 live views', 'memory40.defaultLimitMb'],
    ],
  },
  {
    file: 'backup-time',
    bench: 'backup',
    title: 'Backing up 50 workspaces with 200 MB of sessions (median)',
    unit: 'ms',
    bars: [
      ['Flow Desk backup', 'backup.medianBackupMs'],
      ['tar -czf of the same files', 'backup.medianTarMs'],
      ['Flow Desk incremental', 'incremental.incrementalMs'],
    ],
  },
  {
    file: 'license-api-latency',
    bench: 'license-api',
    title: 'License refresh at 200 requests per second',
    unit: 'ms',
    bars: [
      ['PGlite, median', 'pglite.refresh.p50Ms'],
      ['PGlite, 99th percentile', 'pglite.refresh.p99Ms'],
      ['PostgreSQL, median', 'postgres.refresh.p50Ms'],
      ['PostgreSQL, 99th percentile', 'postgres.refresh.p99Ms'],
    ],
  },
  {
    file: 'license-verify-rate',
    bench: 'license-verify',
    title: 'Offline license checks per second, one core',
    unit: 'per second',
    bars: [
      ['WebCrypto (desktop)', 'webCrypto.perSecond'],
      ['@noble/curves (mobile)', 'noble.perSecond'],
      ['verify and decide the state', 'verifyAndEvaluate.perSecond'],
    ],
  },
  {
    file: 'view-churn-growth',
    bench: 'view-churn',
    title: 'Browser process growth once warm, per thousand view switches',
    unit: 'MB',
    bars: [
      ['with the view manager', 'browserProcessGrowthPerThousandSwitchesMb'],
      ['Chromium alone, same pages', 'bareChromium.browserProcessGrowthPerThousandSwitchesMb'],
    ],
  },
  {
    file: 'startup',
    bench: 'monitoring',
    title: 'Main-process initialisation with a large store',
    unit: 'ms',
    bars: [
      ['cold', 'initialisation.coldMs'],
      ['warm, median', 'initialisation.warmMedianMs'],
      ['budget', 'initialisation.budgetMs'],
    ],
  },
];

/** A number at a dotted path of a result, when there is one. */
export function figureAt(result: unknown, path: string): number | undefined {
  let value: unknown = result;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Every number a benchmark wrote, with its path, in the order written (the machine aside). */
export function figuresOf(result: BenchResult): [path: string, value: number][] {
  const figures: [string, number][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'number' && Number.isFinite(value))
      figures.push([path.join(' › '), value]);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    }
  };
  for (const [key, value] of Object.entries(result)) {
    if (!['date', 'commit', 'machine'].includes(key)) walk(value, [key]);
  }
  return figures;
}

/** The charts whose every bar the results hold; a benchmark not run yet draws none. */
export function chartsOf(files: readonly BenchFile[]): { file: string; chart: BarChart }[] {
  const charts: { file: string; chart: BarChart }[] = [];
  for (const source of CHARTS) {
    const result = files.find((file) => file.name === source.bench)?.result;
    if (!result) continue;
    const bars = source.bars.map(([label, path]) => ({ label, value: figureAt(result, path) }));
    if (bars.some((bar) => bar.value === undefined)) continue;
    charts.push({
      file: source.file,
      chart: {
        title: source.title,
        unit: source.unit,
        bars: bars.map((bar) => ({ label: bar.label, value: bar.value! })),
      },
    });
  }
  return charts;
}

function machineLine(result: BenchResult): string {
  const { machine } = result;
  const cpu = machine.cpuModel ? `${machine.cpus} × ${machine.cpuModel}` : `${machine.cpus} CPUs`;
  const commit = result.commit ? `commit \`${result.commit}\`` : 'commit not recorded';
  return `Run of ${result.date.slice(0, 10)} (${commit}) on ${cpu}, ${machine.memoryGb} GB, Node ${machine.node}.`;
}

/** The generated part of docs/performance.md; `chartDir` is where the SVGs are, from the doc. */
export function figuresMarkdown(files: readonly BenchFile[], chartDir: string): string {
  const charts = chartsOf(files);
  const lines = [
    FIGURES_START,
    '',
    '## Figures from the last run',
    '',
    'Written by `npm run bench:report` from `bench/results/*.json` (`npm run bench` runs every',
    'benchmark, then this). The sections above say what each benchmark measures.',
    '',
  ];
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    lines.push(
      `### ${file.name} (\`bench/${file.name}.bench.ts\`)`,
      '',
      machineLine(file.result),
      '',
    );
    for (const { file: chartFile, chart } of charts.filter((entry) =>
      CHARTS.some((source) => source.file === entry.file && source.bench === file.name),
    )) {
      lines.push(`![${chart.title}](${chartDir}/${chartFile}.svg)`, '');
    }
    lines.push('| figure | value |', '| --- | --- |');
    for (const [path, value] of figuresOf(file.result)) {
      lines.push(`| ${path} | ${formatValue(value)} |`);
    }
    lines.push('');
  }
  lines.push(FIGURES_END);
  return lines.join('\n');
}

/** The document with its generated part replaced (or added at the end the first time). */
export function withFigures(document: string, figures: string): string {
  const start = document.indexOf(FIGURES_START);
  const end = document.indexOf(FIGURES_END);
  if (start === -1 || end < start) return `${document.trimEnd()}\n\n${figures}\n`;
  return `${document.slice(0, start)}${figures}${document.slice(end + FIGURES_END.length)}`;
}

/** Each chart's SVG file, by name. */
export function chartFiles(files: readonly BenchFile[]): Map<string, string> {
  return new Map(chartsOf(files).map(({ file, chart }) => [`${file}.svg`, barChartSvg(chart)]));
}
