import { defineConfig } from 'vitest/config';

/** Benchmarks run on their own (`npm run bench`), one file at a time, never inside `npm test`. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
