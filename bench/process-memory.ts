import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of every process started by this one (the Chromium browser and its renderers), as the
 * kernel counts it: PSS from /proc/<pid>/smaps_rollup, which splits shared pages fairly between
 * the processes that share them, so the sum is not inflated. Linux only.
 */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: the fields after the last ")" are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined;
  }
}

function pssKilobytes(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function descendantsOf(root: number): number[] {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  const parents = new Map(pids.map((pid) => [pid, parentOf(pid)]));
  const result: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const current = frontier.pop()!;
    for (const [pid, parent] of parents) {
      if (parent === current) {
        result.push(pid);
        frontier.push(pid);
      }
    }
  }
  return result;
}

/** Total PSS, in MB, of all processes below this Node process. */
export function childProcessMemoryMb(): number {
  return descendantsOf(process.pid).reduce((sum, pid) => sum + pssKilobytes(pid), 0) / 1024;
}

/** Chromium's role for a process, from its command line (`--type=renderer`); the browser has none. */
function chromiumRoleOf(pid: number): string {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /--type=([a-z-]+)/.exec(commandLine)?.[1] ?? 'browser';
  } catch {
    return 'gone';
  }
}

/**
 * PSS, in MB, of the processes below this one grouped by Chromium role (browser, renderer,
 * gpu-process, utility, zygote): where memory went when the total moves.
 */
export function childProcessMemoryByRoleMb(): Record<string, number> {
  const byRole: Record<string, number> = {};
  for (const pid of descendantsOf(process.pid)) {
    const role = chromiumRoleOf(pid);
    if (role === 'gone') continue;
    byRole[role] = (byRole[role] ?? 0) + pssKilobytes(pid) / 1024;
  }
  return Object.fromEntries(
    Object.entries(byRole).map(([role, megabytes]) => [role, Math.round(megabytes)]),
  );
}

/** Total PSS, in MB, of one process and every process below it (a server and its workers). */
export function processTreeMemoryMb(root: number): number {
  return [root, ...descendantsOf(root)].reduce((sum, pid) => sum + pssKilobytes(pid), 0) / 1024;
}

/**
 * How much a series of samples climbed once warm: the median of the last three minus the median
 * of the three after the first third (the warm-up), so one garbage collection does not decide.
 */
export function steadyGrowth(samples: readonly number[]): number {
  if (samples.length < 6) return 0;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  const warm = Math.floor(samples.length / 3);
  return median(samples.slice(-3)) - median(samples.slice(warm, warm + 3));
}
