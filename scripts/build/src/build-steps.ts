import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { BuildSteps } from './build-manager';

/** Moves every .map file below `from` to the same place below `to`; returns how many. */
export function collectSourceMaps(from: string, to: string): number {
  let moved = 0;
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.map')) {
        const destination = join(to, relative(from, path));
        mkdirSync(dirname(destination), { recursive: true });
        cpSync(path, destination);
        rmSync(path);
        moved += 1;
      }
    }
  };
  walk(from);
  return moved;
}

/** The real steps: child processes with the terminal attached, and electron-builder's API. */
export const realBuildSteps: BuildSteps = {
  run: (command, args, { cwd, env }) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd,
        env,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? 1));
    }),
  async packageDesktop({ projectDir, config, platform, arch, publish, unpackedOnly }) {
    // Loaded only when packaging: it is large, and tests of the plan do not need it.
    const builder = await import('electron-builder');
    const target = {
      mac: builder.Platform.MAC,
      win: builder.Platform.WINDOWS,
      linux: builder.Platform.LINUX,
    }[platform];
    return builder.build({
      projectDir,
      config,
      targets: target.createTarget(unpackedOnly ? 'dir' : null, builder.Arch[arch]),
      publish: publish ? 'always' : 'never',
    });
  },
  collectSourceMaps,
  now: () => Date.now(),
};
