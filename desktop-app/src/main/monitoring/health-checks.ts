import { randomUUID } from 'node:crypto';
import { open, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditVerification, LicenseStatus, ViewState } from '@flowdesk/shared/ipc';
import type { HealthCheckOutcome, HealthCheckRegistry } from '@flowdesk/shared/monitoring';

/** Free space below these is a problem for saving the store, backups and logs. */
export const DISK_UNHEALTHY_BELOW_MB = 200;
export const DISK_DEGRADED_BELOW_MB = 1024;

export interface AppHealthSources {
  /** The folder the store, audit trail and error history live in. */
  dataDirectory: string;
  workspaceIds: () => readonly string[];
  verifyAudit: (workspaceId: string) => Promise<AuditVerification>;
  license: () => LicenseStatus | undefined;
  viewStates: () => readonly ViewState[];
  serviceName: (serviceId: string) => string;
  /** Update channel state: issue 9 brings the updater; until then the adapter says what it knows. */
  updateChannel: () => HealthCheckOutcome;
  /** Log lines and error-history saves that failed since start. */
  writeFailures: () => { logs: number; errors: number };
  /** Free bytes where the data folder is; injectable for tests. */
  freeBytes?: (directory: string) => Promise<number>;
}

/** Writes, syncs and removes a probe file: the store can be saved only if this works. */
export async function probeWritable(directory: string): Promise<void> {
  const probe = join(directory, `.health-${randomUUID()}.tmp`);
  const handle = await open(probe, 'wx');
  try {
    await handle.writeFile('ok');
    await handle.sync();
  } finally {
    await handle.close();
    await rm(probe, { force: true });
  }
}

async function freeBytesOf(directory: string): Promise<number> {
  const stats = await statfs(directory);
  return stats.bavail * stats.bsize;
}

const megabytes = (bytes: number) => Math.floor(bytes / (1024 * 1024));

/**
 * The app's health checks (the seed's getHealthStatus): the store can be written, there is disk
 * space, the audit chains are intact, the license state, the update channel, crashed views.
 * Only the store and the disk are critical: without them data can be lost.
 */
export function registerAppHealthChecks(
  registry: HealthCheckRegistry,
  sources: AppHealthSources,
): void {
  const freeBytes = sources.freeBytes ?? freeBytesOf;

  registry.register('store-writable', async () => {
    await probeWritable(sources.dataDirectory);
    const { logs, errors } = sources.writeFailures();
    if (logs + errors > 0) {
      return {
        status: 'degraded',
        message: `The data folder can be written now, but ${logs} log lines and ${errors} error-history saves failed since start.`,
      };
    }
    return { status: 'healthy', message: 'The data folder can be written.' };
  });

  registry.register('disk-space', async () => {
    const freeMb = megabytes(await freeBytes(sources.dataDirectory));
    const details = { freeMb };
    if (freeMb < DISK_UNHEALTHY_BELOW_MB) {
      return {
        status: 'unhealthy',
        message: `Only ${freeMb} MB free where Flow Desk keeps its data: free some space, or changes may not be saved.`,
        details,
      };
    }
    if (freeMb < DISK_DEGRADED_BELOW_MB) {
      return {
        status: 'degraded',
        message: `${freeMb} MB free: backups may not fit.`,
        details,
      };
    }
    return { status: 'healthy', message: `${freeMb} MB free.`, details };
  });

  registry.register(
    'audit-chain',
    async () => {
      const broken: string[] = [];
      let entries = 0;
      for (const workspaceId of sources.workspaceIds()) {
        const result = await sources.verifyAudit(workspaceId);
        entries += result.checkedEntries;
        if (!result.valid) broken.push(workspaceId);
      }
      return broken.length === 0
        ? { status: 'healthy', message: `${entries} audit entries verified.` }
        : {
            status: 'degraded',
            message: `The audit trail of ${broken.length} workspace(s) was changed or damaged: see Settings → Audit.`,
            details: { workspaces: broken },
          };
    },
    { critical: false, timeoutMs: 15_000 },
  );

  registry.register(
    'license',
    () => {
      const status = sources.license();
      if (!status) return Promise.resolve({ status: 'healthy', message: 'Licensing is off.' });
      const state = status.state;
      const outcome: HealthCheckOutcome =
        state === 'active' || state === 'unlicensed'
          ? { status: 'healthy', message: `License: ${state}, plan ${status.plan}.` }
          : {
              status: 'degraded',
              message:
                state === 'due' || state === 'grace'
                  ? `License: ${state}. Flow Desk could not check it lately; connect to the internet.`
                  : `License: ${state}. The free plan's limits apply: see Settings → License.`,
            };
      return Promise.resolve(outcome);
    },
    { critical: false },
  );

  registry.register('update-channel', () => Promise.resolve(sources.updateChannel()), {
    critical: false,
  });

  registry.register(
    'crashed-views',
    () => {
      const crashed = sources.viewStates().filter((view) => view.state === 'crashed');
      if (crashed.length === 0)
        return Promise.resolve({ status: 'healthy', message: 'No service page has crashed.' });
      const names = crashed.map((view) => sources.serviceName(view.serviceId));
      return Promise.resolve({
        status: 'degraded',
        message: `Crashed: ${names.join(', ')}. If a page does not come back by itself, reload it from the sidebar.`,
      });
    },
    { critical: false },
  );
}
