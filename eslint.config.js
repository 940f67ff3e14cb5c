// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-in modules, bare and with the node: prefix, which shared/ must not import. */
const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Globals that exist only in a browser page or only in Node: shared/ runs in both and in React Native. */
const platformGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'history',
  'self',
  'alert',
  'confirm',
  'prompt',
  'HTMLElement',
  'Element',
  'Node',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
].map((name) => ({
  name,
  message:
    'shared/ is isomorphic (desktop main, renderer, React Native, Next.js): inject it instead.',
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/coverage/**',
      '**/dist/**',
      '**/out/**',
      '**/test-results/**',
      'bench/backup/.build/**',
      '**/.next/**',
      'website/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'shared/ must not use Node modules.',
            })),
            { name: 'electron', message: 'shared/ must not import electron.' },
            { name: 'react-native', message: 'shared/ must not import react-native.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ must not use Node modules.' },
            {
              group: ['electron/*', 'react-native/*', 'react-dom', 'react-dom/*'],
              message: 'shared/ is isomorphic.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...platformGlobals,
        {
          name: 'structuredClone',
          message: 'Hermes (the mobile app) has no structuredClone: use cloneJson from core.',
        },
      ],
      // React Native's AbortSignal is a polyfill without these: use deadlineSignal (resilience).
      'no-restricted-properties': [
        'error',
        ...['timeout', 'any'].map((property) => ({
          object: 'AbortSignal',
          property,
          message: 'React Native has no AbortSignal.' + property + ': use deadlineSignal.',
        })),
      ],
    },
  },
  {
    // Desktop: only the adapters in src/main/electron (and the sandboxed preload) load Electron
    // at runtime; everything else takes narrow interfaces and may only `import type` from it, so
    // all main-process logic runs under plain Node in tests (ARCHITECTURE.md, Boundaries).
    files: ['desktop-app/**/*.{ts,tsx}'],
    ignores: ['desktop-app/src/main/electron/**', 'desktop-app/src/preload/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only desktop-app/src/main/electron may load Electron; use `import type`.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The app UI is web content: it reaches the main process only through window.flowdesk.
    files: ['desktop-app/src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['electron', 'electron/*'], message: 'Use window.flowdesk.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'The renderer has no Node.',
        })),
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
