// `npm start` launches the desktop app once desktop-app/ exists (its own issue).
// Until then it says so plainly instead of pretending.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

// The app is runnable once its electron-vite build configuration exists.
if (existsSync(new URL('../desktop-app/electron.vite.config.ts', import.meta.url))) {
  const result = spawnSync('npm', ['run', 'start', '-w', 'desktop-app'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
console.log(
  [
    'Flow Desk: the desktop app is not in this repository yet.',
    'What exists today is the shared core (shared/): service catalog, schemas,',
    'security rules, resilience, monitoring and the IPC contract.',
    'Run `npm test` to check it; see README.md for what comes next.',
  ].join('\n'),
);
