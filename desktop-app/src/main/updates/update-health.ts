import type { UpdateStatus } from '@flowdesk/shared/ipc';
import type { HealthCheckOutcome } from '@flowdesk/shared/monitoring';

/** The "update channel" health check, from the updater's state. */
export function updateHealth(status: UpdateStatus): HealthCheckOutcome {
  if (status.phase === 'disabled') {
    return status.disabledReason === 'development'
      ? { status: 'healthy', message: 'Development build: updates are off.' }
      : {
          status: 'degraded',
          message: 'Automatic updates are off: security fixes arrive only if you update by hand.',
        };
  }
  if (status.phase === 'error') {
    return {
      status: 'degraded',
      message: status.error?.message ?? 'The last update check failed.',
    };
  }
  if (status.phase === 'ready') {
    return {
      status: 'healthy',
      message: `Flow Desk ${status.availableVersion ?? ''} is ready: restart to update.`,
    };
  }
  return { status: 'healthy', message: `The ${status.channel} channel is reachable.` };
}
