import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The backup command-line tool (`flowdesk-backup`): one ES module for plain Node, with the
 * shared TypeScript bundled in and npm dependencies (tar-stream) loaded from node_modules.
 */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src/cli/main.ts'),
    outDir: resolve(import.meta.dirname, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: {
      output: { entryFileNames: 'flowdesk-backup.mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { noExternal: ['@flowdesk/shared'] },
  plugins: [
    {
      // npm links the bin before it is built, so it cannot mark it executable itself.
      name: 'flowdesk-executable-bin',
      writeBundle(options) {
        if (options.dir) chmodSync(resolve(options.dir, 'flowdesk-backup.mjs'), 0o755);
      },
    },
  ],
});
