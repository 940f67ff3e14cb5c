import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { IPC_CHANNELS } from '@flowdesk/shared/ipc';
import { UNSAFE_FUSE_VALUES, desktopBuildPlan, PLATFORMS } from './desktop-config';

/** One gate of the seed's QualityGate list, as measured. */
export interface GateResult {
  name: string;
  /** What was measured, in words a reader can check. */
  figure: string;
  status: 'passed' | 'failed' | 'skipped';
  blocking: boolean;
  /** Why it failed or was skipped, and where to look. */
  details?: string[];
}

export interface QualityReport {
  gates: GateResult[];
  passed: boolean;
}

export interface QualityOptions {
  root: string;
  /** Without the npm audit service (a machine that reaches only the package registry). */
  offline?: boolean;
  skipAudit?: boolean;
  /** Runs `npm audit`; injected for tests. */
  audit?: (root: string) => { status: number | null; stdout: string };
}

const COVERAGE_MINIMUM = 90;

const coverageSummarySchema = z.object({
  total: z.object({
    lines: z.object({ pct: z.number() }),
    branches: z.object({ pct: z.number() }),
    functions: z.object({ pct: z.number() }),
    statements: z.object({ pct: z.number() }),
  }),
});

/** Coverage of a package from the json-summary its test run writes. */
export function coverageGate(root: string, name: string, folder: string): GateResult {
  const path = join(root, folder, 'coverage', 'coverage-summary.json');
  const gate = { name, blocking: true };
  if (!existsSync(path)) {
    return {
      ...gate,
      figure: 'no coverage summary',
      status: 'failed',
      details: [`${relative(root, path)} is missing: run the package's tests first (npm test).`],
    };
  }
  const parsed = coverageSummarySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    return {
      ...gate,
      figure: 'unreadable summary',
      status: 'failed',
      details: [relative(root, path)],
    };
  }
  const { total } = parsed.data;
  const kinds = ['lines', 'branches', 'functions', 'statements'] as const;
  const below = kinds.filter((kind) => total[kind].pct < COVERAGE_MINIMUM);
  return {
    ...gate,
    figure: kinds.map((kind) => `${kind} ${total[kind].pct.toFixed(1)} %`).join(', '),
    status: below.length === 0 ? 'passed' : 'failed',
    ...(below.length === 0
      ? {}
      : { details: [`Below ${COVERAGE_MINIMUM} %: ${below.join(', ')}.`] }),
  };
}

const auditSchema = z.object({
  metadata: z.object({
    vulnerabilities: z.object({ high: z.number(), critical: z.number() }).passthrough(),
  }),
});

/** No high or critical advisory in production dependencies (`npm audit --omit=dev`). */
export function auditGate(options: QualityOptions): GateResult {
  const gate = { name: 'dependency audit (production)', blocking: true };
  if (options.skipAudit) {
    return { ...gate, figure: 'not run', status: 'skipped', details: ['--skip-audit was given.'] };
  }
  const run =
    options.audit ??
    ((root: string) => {
      const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { status: result.status, stdout: result.stdout ?? '' };
    });
  const { stdout } = run(options.root);
  let report: z.infer<typeof auditSchema> | undefined;
  try {
    const parsed = auditSchema.safeParse(JSON.parse(stdout));
    if (parsed.success) report = parsed.data;
  } catch {
    // Not JSON: the audit could not run.
  }
  if (!report) {
    const reason = 'The npm audit service could not be reached or gave no report.';
    return options.offline
      ? {
          ...gate,
          figure: 'not available',
          status: 'skipped',
          details: [`${reason} (offline mode)`],
        }
      : { ...gate, figure: 'not available', status: 'failed', details: [reason] };
  }
  const { high, critical } = report.metadata.vulnerabilities;
  return {
    ...gate,
    figure: `${critical} critical, ${high} high`,
    status: high + critical === 0 ? 'passed' : 'failed',
    ...(high + critical === 0 ? {} : { details: ['Run npm audit --omit=dev to see them.'] }),
  };
}

/** The settings that switch off a protection of decision 2, as they would be written in source. */
export const FORBIDDEN_SETTINGS: readonly { setting: string; pattern: RegExp }[] = [
  {
    setting: 'nodeIntegration: true',
    pattern: /\bnodeIntegration(?:InSubFrames|InWorker)?\s*:\s*true\b/,
  },
  { setting: 'contextIsolation: false', pattern: /\bcontextIsolation\s*:\s*false\b/ },
  { setting: 'sandbox: false', pattern: /\bsandbox\s*:\s*false\b/ },
  { setting: 'webSecurity: false', pattern: /\bwebSecurity\s*:\s*false\b/ },
  { setting: 'allowRunningInsecureContent', pattern: /\ballowRunningInsecureContent\s*:\s*true\b/ },
  { setting: 'enableBlinkFeatures', pattern: /\benableBlinkFeatures\s*:/ },
  { setting: 'experimentalFeatures', pattern: /\bexperimentalFeatures\s*:\s*true\b/ },
  { setting: 'webviewTag', pattern: /\bwebviewTag\s*:\s*true\b/ },
];

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path);
      } else if (
        /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) &&
        !/\.(test|test-support)\.(ts|tsx)$/.test(entry.name)
      ) {
        found.push(path);
      }
    }
  };
  if (existsSync(folder)) walk(folder);
  return found;
}

/** No forbidden Electron setting anywhere in the desktop app's source (tests excluded). */
export function forbiddenSettingsGate(root: string): GateResult {
  const files = sourceFiles(join(root, 'desktop-app', 'src'));
  const findings: string[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const { setting, pattern } of FORBIDDEN_SETTINGS) {
        if (pattern.test(line)) findings.push(`${relative(root, file)}:${index + 1}: ${setting}`);
      }
    });
  }
  return {
    name: 'forbidden Electron settings',
    figure: `${findings.length} in ${files.length} source files`,
    status: findings.length === 0 ? 'passed' : 'failed',
    blocking: true,
    ...(findings.length === 0 ? {} : { details: findings }),
  };
}

/**
 * Every IPC message is validated: each channel of the contract has zod schemas for its request
 * and response, and the main process listens through the one validating dispatcher only.
 */
export function ipcValidationGate(root: string): GateResult {
  const problems: string[] = [];
  for (const [name, channel] of Object.entries(IPC_CHANNELS)) {
    if (!(channel.request instanceof z.ZodType) || !(channel.response instanceof z.ZodType)) {
      problems.push(`${name}: no zod schema for its request or response.`);
    }
  }
  let listeners = 0;
  for (const file of sourceFiles(join(root, 'desktop-app', 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bipcMain\.(handle|handleOnce|on|once)\(\s*([^,]+),/g)) {
      listeners += 1;
      if (match[1] !== 'handle' || match[2]?.trim() !== 'IPC_INVOKE_CHANNEL') {
        problems.push(
          `${relative(root, file)}: ipcMain.${match[1]}(${match[2]?.trim()}) bypasses the dispatcher.`,
        );
      }
    }
  }
  if (listeners === 0) problems.push('No ipcMain.handle(IPC_INVOKE_CHANNEL, …) found.');
  return {
    name: 'IPC validation',
    figure: `${Object.keys(IPC_CHANNELS).length} channels with schemas, ${listeners} main-process listener(s)`,
    status: problems.length === 0 ? 'passed' : 'failed',
    blocking: true,
    ...(problems.length === 0 ? {} : { details: problems }),
  };
}

/** Every fuse of every platform's build at its safe value. */
export function fusesGate(): GateResult {
  const problems: string[] = [];
  for (const platform of PLATFORMS) {
    const plan = desktopBuildPlan({
      platform,
      arch: 'x64',
      release: false,
      appVersion: '0.0.0',
      env: {},
    });
    if (!plan.ok) {
      problems.push(`${platform}: ${plan.error.message}`);
      continue;
    }
    const fuses = plan.value.config.electronFuses ?? {};
    for (const [fuse, unsafe] of Object.entries(UNSAFE_FUSE_VALUES)) {
      const value = (fuses as Record<string, boolean | undefined>)[fuse];
      if (value === undefined || value === unsafe)
        problems.push(`${platform}: ${fuse} is ${String(value)}`);
    }
  }
  return {
    name: 'Electron fuses',
    figure: `${Object.keys(UNSAFE_FUSE_VALUES).length} fuses on ${PLATFORMS.length} platforms`,
    status: problems.length === 0 ? 'passed' : 'failed',
    blocking: true,
    ...(problems.length === 0 ? {} : { details: problems }),
  };
}

const benchSchema = z.object({
  initialisation: z.object({ coldMs: z.number(), budgetMs: z.number() }),
});

/** The start-up budget, from the last benchmark run (bench/results/monitoring.json). */
export function startupBudgetGate(root: string): GateResult {
  const gate = { name: 'start-up budget (main-process initialisation)', blocking: true };
  const path = join(root, 'bench', 'results', 'monitoring.json');
  const parsed = existsSync(path)
    ? benchSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    : undefined;
  if (!parsed?.success) {
    return {
      ...gate,
      figure: 'no benchmark result',
      status: 'failed',
      details: ['Run npm run bench to measure it (bench/results/monitoring.json).'],
    };
  }
  const { coldMs, budgetMs } = parsed.data.initialisation;
  return {
    ...gate,
    figure: `${coldMs} ms of ${budgetMs} ms`,
    status: coldMs <= budgetMs ? 'passed' : 'failed',
  };
}

/** Electronegativity, as an extra report only: it exits 0 on findings and misses WebContentsView. */
export function electronegativityReport(root: string): GateResult {
  const binary = join(root, 'node_modules', '.bin', 'electronegativity');
  if (!existsSync(binary)) {
    return {
      name: 'Electronegativity (report only)',
      figure: 'not installed',
      status: 'skipped',
      blocking: false,
      details: ['Install @doyensec/electronegativity to add its report; it is never the gate.'],
    };
  }
  const result = spawnSync(binary, ['-i', join(root, 'desktop-app', 'src'), '-o', '/dev/null'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  return {
    name: 'Electronegativity (report only)',
    figure: `exit ${result.status ?? 'none'}`,
    status: 'passed',
    blocking: false,
    details: (result.stdout ?? '').split('\n').filter(Boolean).slice(-20),
  };
}

export async function runQualityGates(options: QualityOptions): Promise<QualityReport> {
  const gates = [
    coverageGate(options.root, 'coverage: shared/', 'shared'),
    coverageGate(options.root, 'coverage: desktop main process', 'desktop-app'),
    auditGate(options),
    forbiddenSettingsGate(options.root),
    ipcValidationGate(options.root),
    fusesGate(),
    startupBudgetGate(options.root),
    electronegativityReport(options.root),
  ];
  return Promise.resolve({
    gates,
    passed: gates.every((gate) => !gate.blocking || gate.status !== 'failed'),
  });
}

export function formatQualityReport(report: QualityReport): string {
  const mark = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;
  const lines = report.gates.flatMap((gate) => [
    `${mark[gate.status]}  ${gate.name}: ${gate.figure}${gate.blocking ? '' : ' (not blocking)'}`,
    ...(gate.details ?? []).map((detail) => `      ${detail}`),
  ]);
  return [...lines, report.passed ? 'Quality gates passed.' : 'Quality gates FAILED.'].join('\n');
}
