import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The end-to-end tests (test/) have their own configuration: vitest.e2e.config.ts.
    include: ['src/**/*.test.ts'],
    // A fresh PGlite per test file takes a moment to start on two cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Against one PostgreSQL server, files take turns (each empties the tables first).
    fileParallelism: !process.env.FLOWDESK_TEST_DATABASE_URL,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // schema.ts is table declarations; its callbacks run only inside drizzle-kit.
      exclude: ['src/**/*.test.ts', 'src/**/index.ts', 'src/db/schema.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90, branches: 85, functions: 90, statements: 90 },
    },
  },
});
