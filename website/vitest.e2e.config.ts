import { defineConfig } from 'vitest/config';

/**
 * The website's end-to-end tests: one `next build` (test/build-once.ts), then each file starts
 * `next start` servers and drives them over HTTP and in Chromium. Files run one after another:
 * each starts servers and a browser on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/build-once.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
