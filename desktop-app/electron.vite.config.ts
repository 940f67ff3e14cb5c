import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * Three builds: the main process (Node, ESM), the UI's preload (one CommonJS file, as sandboxed
 * preloads require: it may only require('electron'), so everything else is bundled in) and the
 * renderer (the React UI served from app://flowdesk/). @flowdesk/shared ships TypeScript source,
 * so it is always bundled, never left as an external import.
 */
/** Release builds write hidden source maps, which the build tooling moves out of the app. */
const sourcemap = process.env.FLOWDESK_SOURCEMAPS === '1' ? 'hidden' : false;

export default defineConfig({
  main: {
    build: { externalizeDeps: { exclude: ['@flowdesk/shared'] }, sourcemap },
    // A release build pins the website's public license keys (a JWKS) and its address
    // (shared/src/licensing/license-config.ts); without them licensing is off.
    define: {
      __FLOWDESK_LICENSE_KEYS__: JSON.stringify(process.env.FLOWDESK_LICENSE_PUBLIC_KEYS ?? ''),
      __FLOWDESK_SITE_URL__: JSON.stringify(process.env.FLOWDESK_SITE_URL ?? ''),
      __FLOWDESK_ERROR_REPORT_URL__: JSON.stringify(process.env.FLOWDESK_ERROR_REPORT_URL ?? ''),
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      sourcemap,
      // Parsed in the UI's process before the page, at every start.
      minify: true,
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves minification off; the UI is parsed at every start, so it is minified.
      minify: true,
      sourcemap,
      rolldownOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
