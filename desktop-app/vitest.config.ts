import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Browser integration tests start Chromium; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
      // src/main/electron holds the adapters that call Electron itself: they only run inside
      // Electron, so the Node test run cannot cover them (see docs/architecture.md).
      exclude: [
        'src/**/*.test.ts',
        'src/**/*.test-support.ts',
        'src/main/electron/**',
        'src/main/**/index.ts',
        'src/main/**/view-host.ts',
        // The command's two-line entry point; the built command is run by test/build.test.ts.
        'src/cli/main.ts',
      ],
      // json-summary feeds the quality gate (npm run quality).
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: { lines: 90, branches: 90, functions: 90, statements: 90 },
    },
  },
});
