// `npm start`: builds the desktop app with electron-vite and opens it (desktop-app's own start
// script). If desktop-app is missing (a partial checkout), say so instead of failing obscurely.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync(new URL('../desktop-app/electron.vite.config.ts', import.meta.url))) {
  console.error('Flow Desk: desktop-app/ is missing from this checkout; nothing to start.');
  process.exit(1);
}
const result = spawnSync('npm', ['run', 'start', '-w', 'desktop-app'], {
  stdio: 'inherit',
  // npm is npm.cmd on Windows, which only a shell can run.
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
