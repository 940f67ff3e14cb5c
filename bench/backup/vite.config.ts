import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** Builds the backup benchmark's runner like the flowdesk-backup command (see its config). */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'runner.ts'),
    outDir: resolve(import.meta.dirname, '.build'),
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'runner.mjs' } },
  },
  ssr: { noExternal: ['@flowdesk/shared'] },
});
