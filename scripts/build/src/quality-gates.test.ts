import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  auditGate,
  coverageGate,
  electronegativityReport,
  forbiddenSettingsGate,
  formatQualityReport,
  fusesGate,
  ipcValidationGate,
  runQualityGates,
  startupBudgetGate,
} from './quality-gates';

const folders: string[] = [];
afterEach(() =>
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })),
);

function repository(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-quality-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const summary = (pct: number, branches = pct) =>
  JSON.stringify({
    total: {
      lines: { pct },
      branches: { pct: branches },
      functions: { pct },
      statements: { pct },
    },
  });
const dispatcherOnly =
  'ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel, payload) => dispatch());\n';

describe('quality gates', () => {
  it('pass coverage of at least 90 % and name what is below', () => {
    const root = repository({
      'shared/coverage/coverage-summary.json': summary(99.2, 94.8),
      'desktop-app/coverage/coverage-summary.json': summary(95, 88.5),
    });
    expect(coverageGate(root, 'shared', 'shared')).toMatchObject({
      status: 'passed',
      figure: 'lines 99.2 %, branches 94.8 %, functions 99.2 %, statements 99.2 %',
    });
    expect(coverageGate(root, 'desktop', 'desktop-app')).toMatchObject({
      status: 'failed',
      details: ['Below 90 %: branches.'],
    });
    expect(coverageGate(root, 'website', 'website')).toMatchObject({
      status: 'failed',
      figure: 'no coverage summary',
    });
    const broken = repository({ 'x/coverage/coverage-summary.json': '{"total":{}}' });
    expect(coverageGate(broken, 'x', 'x').figure).toBe('unreadable summary');
  });

  it('fail on high or critical advisories, and skip the audit only when offline or asked', () => {
    const report = (high: number, critical: number) => () => ({
      status: high + critical > 0 ? 1 : 0,
      stdout: JSON.stringify({
        metadata: { vulnerabilities: { low: 3, moderate: 1, high, critical } },
      }),
    });
    expect(auditGate({ root: '/', audit: report(0, 0) })).toMatchObject({
      status: 'passed',
      figure: '0 critical, 0 high',
    });
    expect(auditGate({ root: '/', audit: report(1, 0) }).status).toBe('failed');
    const unreachable = () => ({ status: 1, stdout: '{"message":"405 Method Not Allowed"}' });
    expect(auditGate({ root: '/', audit: unreachable }).status).toBe('failed');
    expect(auditGate({ root: '/', audit: unreachable, offline: true }).status).toBe('skipped');
    expect(
      auditGate({ root: '/', audit: () => ({ status: 1, stdout: 'not json' }), offline: true })
        .status,
    ).toBe('skipped');
    expect(auditGate({ root: '/', skipAudit: true }).status).toBe('skipped');
  });

  it('find every forbidden Electron setting in source, but not in tests or comments', () => {
    const root = repository({
      'desktop-app/src/main/bad.ts': [
        'const a = { nodeIntegration: true, contextIsolation: false };',
        'const b = { sandbox: false, webSecurity: false, allowRunningInsecureContent: true };',
        "const c = { enableBlinkFeatures: 'X', experimentalFeatures: true, webviewTag: true };",
        '// sandbox: false would be wrong',
      ].join('\n'),
      'desktop-app/src/main/bad.test.ts': 'expect({ sandbox: false })',
      'desktop-app/src/main/good.ts': 'const ok = { sandbox: true, contextIsolation: true };',
    });
    const gate = forbiddenSettingsGate(root);
    expect(gate.status).toBe('failed');
    expect(gate.details).toEqual([
      'desktop-app/src/main/bad.ts:1: nodeIntegration: true',
      'desktop-app/src/main/bad.ts:1: contextIsolation: false',
      'desktop-app/src/main/bad.ts:2: sandbox: false',
      'desktop-app/src/main/bad.ts:2: webSecurity: false',
      'desktop-app/src/main/bad.ts:2: allowRunningInsecureContent',
      'desktop-app/src/main/bad.ts:3: enableBlinkFeatures',
      'desktop-app/src/main/bad.ts:3: experimentalFeatures',
      'desktop-app/src/main/bad.ts:3: webviewTag',
    ]);
    expect(
      forbiddenSettingsGate(repository({ 'desktop-app/src/ok.ts': 'sandbox: true' })).status,
    ).toBe('passed');
  });

  it('refuse an IPC listener that bypasses the validating dispatcher', () => {
    expect(
      ipcValidationGate(repository({ 'desktop-app/src/main.ts': dispatcherOnly })).status,
    ).toBe('passed');
    const bypass = ipcValidationGate(
      repository({
        'desktop-app/src/main.ts': dispatcherOnly,
        'desktop-app/src/other.ts': "ipcMain.on('raw-channel', (event, data) => use(data));",
      }),
    );
    expect(bypass.status).toBe('failed');
    expect(bypass.details).toEqual([
      "desktop-app/src/other.ts: ipcMain.on('raw-channel') bypasses the dispatcher.",
    ]);
    expect(ipcValidationGate(repository({ 'desktop-app/src/x.ts': '' })).details).toEqual([
      'No ipcMain.handle(IPC_INVOKE_CHANNEL, …) found.',
    ]);
  });

  it('check the fuses, the start-up budget and run Electronegativity only as a report', () => {
    expect(fusesGate().status).toBe('passed');
    const budget = (coldMs: number) =>
      repository({
        'bench/results/monitoring.json': JSON.stringify({
          initialisation: { coldMs, budgetMs: 150 },
        }),
      });
    expect(startupBudgetGate(budget(98)).figure).toBe('98 ms of 150 ms');
    expect(startupBudgetGate(budget(151)).status).toBe('failed');
    expect(startupBudgetGate(repository({})).status).toBe('failed');
    expect(electronegativityReport(repository({}))).toMatchObject({
      status: 'skipped',
      blocking: false,
    });
  });

  it('run the real npm audit, and add Electronegativity’s output when it is installed', () => {
    // An empty folder: npm has nothing to audit and says so, which is no report.
    expect(auditGate({ root: repository({}), offline: true }).status).toBe('skipped');
    const root = repository({
      'node_modules/.bin/electronegativity': '#!/bin/sh\necho "2 issues found"\nexit 0\n',
    });
    chmodSync(join(root, 'node_modules/.bin/electronegativity'), 0o755);
    expect(electronegativityReport(root)).toMatchObject({
      status: 'passed',
      blocking: false,
      figure: 'exit 0',
      details: ['2 issues found'],
    });
  });

  it('pass as a whole only when no blocking gate failed, and print each gate', async () => {
    const root = repository({
      'shared/coverage/coverage-summary.json': summary(99),
      'desktop-app/coverage/coverage-summary.json': summary(98),
      'desktop-app/src/main.ts': dispatcherOnly,
      'bench/results/monitoring.json': JSON.stringify({
        initialisation: { coldMs: 98, budgetMs: 150 },
      }),
    });
    const report = await runQualityGates({ root, skipAudit: true });
    expect(report.passed).toBe(true);
    const text = formatQualityReport(report);
    expect(text).toMatch(/^PASS {2}coverage: shared\/: lines 99\.0 %/);
    expect(text).toMatch(
      /SKIP {2}Electronegativity \(report only\): not installed \(not blocking\)/,
    );
    expect(text.endsWith('Quality gates passed.')).toBe(true);
    const failing = await runQualityGates({ root: repository({}), skipAudit: true });
    expect(failing.passed).toBe(false);
    expect(formatQualityReport(failing).endsWith('Quality gates FAILED.')).toBe(true);
  });
});
