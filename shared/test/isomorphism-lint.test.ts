import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the repository's ESLint config keeps shared/ isomorphic: source that reaches for Node,
 * Electron, React Native or browser-only globals is rejected, while the same code in a test
 * file is allowed. Lints text in place of real files so nothing is written to disk.
 */
const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

async function ruleIdsFor(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

const sourceFile = 'shared/src/core/errors.ts';
const testFile = 'shared/src/core/errors.test.ts';

describe('shared/ isomorphism lint rules', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'node: import'],
    ["import path from 'path';\nexport const b = path;\n", 'bare Node built-in'],
    ["import { app } from 'electron';\nexport const c = app;\n", 'electron'],
    ["import { View } from 'react-native';\nexport const d = View;\n", 'react-native'],
  ])(
    'rejects %j (%s)',
    async (code) => {
      expect(await ruleIdsFor(code, sourceFile)).toContain('no-restricted-imports');
    },
    30_000,
  );

  it.each([
    ['export const e = window.location.href;\n', 'window'],
    ['export const f = document.title;\n', 'document'],
    ['export const g = process.env.HOME;\n', 'process'],
    ["export const h = Buffer.from('x');\n", 'Buffer'],
    ["export const i = localStorage.getItem('x');\n", 'localStorage'],
  ])(
    'rejects the platform global in %j (%s)',
    async (code) => {
      expect(await ruleIdsFor(code, sourceFile)).toContain('no-restricted-globals');
    },
    30_000,
  );

  it.each([
    ['export const j = structuredClone({ a: 1 });\n', 'no-restricted-globals'],
    ['export const k = AbortSignal.timeout(1000);\n', 'no-restricted-properties'],
    ['export const l = AbortSignal.any([]);\n', 'no-restricted-properties'],
  ])(
    'rejects %j, which Hermes or React Native lack',
    async (code, rule) => {
      expect(await ruleIdsFor(code, sourceFile)).toContain(rule);
    },
    30_000,
  );

  it('allows universal Web APIs in shared source', async () => {
    const code = "export const host = new URL('https://slack.com').hostname;\n";
    expect(await ruleIdsFor(code, sourceFile)).toEqual([]);
  }, 30_000);

  it('allows Node modules in tests', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n";
    expect(await ruleIdsFor(code, testFile)).not.toContain('no-restricted-imports');
  }, 30_000);
});
