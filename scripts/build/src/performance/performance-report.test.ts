import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FIGURES_END,
  FIGURES_START,
  chartsOf,
  figureAt,
  figuresMarkdown,
  figuresOf,
  withFigures,
} from './performance-report';
import type { BenchFile } from './performance-report';
import { writePerformanceReport } from './write-report';

const machine = { cpus: 2, cpuModel: 'Test CPU', memoryGb: 24, node: 'v20.20.2' };
const verify: BenchFile = {
  name: 'license-verify',
  result: {
    date: '2026-12-02T09:00:00.000Z',
    commit: 'abc1234',
    machine,
    seconds: 5,
    webCrypto: { perSecond: 9000, medianMs: 0.1 },
    noble: { perSecond: 1500, medianMs: 0.6 },
    verifyAndEvaluate: { perSecond: 8500, medianMs: 0.11 },
    rounds: [1, 2, 3],
  },
};
const partialViews: BenchFile = {
  name: 'desktop-views',
  result: { date: '2026-11-24T23:12:48.524Z', machine, memory120: { unlimitedMb: 4368 } },
};

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('the performance report', () => {
  it('lists every figure with its path, leaving out the machine and lists', () => {
    expect(figuresOf(verify.result)).toEqual([
      ['seconds', 5],
      ['webCrypto › perSecond', 9000],
      ['webCrypto › medianMs', 0.1],
      ['noble › perSecond', 1500],
      ['noble › medianMs', 0.6],
      ['verifyAndEvaluate › perSecond', 8500],
      ['verifyAndEvaluate › medianMs', 0.11],
    ]);
    expect(figureAt(verify.result, 'noble.perSecond')).toBe(1500);
    expect(figureAt(verify.result, 'noble.missing')).toBeUndefined();
    expect(figureAt(verify.result, 'date.length')).toBeUndefined();
  });

  it('draws a chart only when the run measured every bar of it', () => {
    expect(chartsOf([verify, partialViews]).map((entry) => entry.file)).toEqual([
      'license-verify-rate',
    ]);
  });

  it('says when, at which commit and on what machine each benchmark ran', () => {
    const markdown = figuresMarkdown([verify, partialViews], 'performance');
    expect(markdown.startsWith(FIGURES_START)).toBe(true);
    expect(markdown.endsWith(FIGURES_END)).toBe(true);
    expect(markdown).toContain(
      'Run of 2026-12-02 (commit `abc1234`) on 2 × Test CPU, 24 GB, Node v20.20.2.',
    );
    expect(markdown).toContain('(commit not recorded)');
    expect(markdown).toContain(
      '![Offline license checks per second, one core](performance/license-verify-rate.svg)',
    );
    expect(markdown).toContain('| noble › perSecond | 1 500 |');
    // Sorted by name: desktop-views before license-verify.
    expect(markdown.indexOf('### desktop-views')).toBeLessThan(
      markdown.indexOf('### license-verify'),
    );
  });

  it('replaces only the generated part, and adds it the first time', () => {
    const once = withFigures('# Performance\n\nProse.\n', `${FIGURES_START}\nold\n${FIGURES_END}`);
    expect(once).toBe(`# Performance\n\nProse.\n\n${FIGURES_START}\nold\n${FIGURES_END}\n`);
    const again = withFigures(`${once}\nAfter.\n`, `${FIGURES_START}\nnew\n${FIGURES_END}`);
    expect(again).toContain('Prose.');
    expect(again).toContain('After.');
    expect(again).toContain('new');
    expect(again).not.toContain('old');
  });

  it('writes the charts and the document from the results folder, and names a file it cannot read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'flowdesk-report-'));
    folders.push(root);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'performance.md'), '# Performance\n\nWhat each measures.\n');
    writeFileSync(
      join(root, 'bench', 'results', 'license-verify.json'),
      JSON.stringify(verify.result),
    );
    const written = await writePerformanceReport(root);
    expect(written).toEqual({
      benchmarks: ['license-verify'],
      charts: ['license-verify-rate.svg'],
    });
    expect(readdirSync(join(root, 'docs', 'performance'))).toEqual(['license-verify-rate.svg']);
    const document = readFileSync(join(root, 'docs', 'performance.md'), 'utf8');
    expect(document).toContain('What each measures.');
    expect(document).toMatch(/\| noble › perSecond +\| 1 500 +\|/);
    // Running it again changes nothing.
    await writePerformanceReport(root);
    expect(readFileSync(join(root, 'docs', 'performance.md'), 'utf8')).toBe(document);

    writeFileSync(join(root, 'bench', 'results', 'broken.json'), '{"figures": 1}');
    await expect(writePerformanceReport(root)).rejects.toThrow(
      'bench/results/broken.json is not a benchmark',
    );
  });
});
