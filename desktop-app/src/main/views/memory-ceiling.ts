import type { IpcEvent } from '@flowdesk/shared/ipc';
import type { MemoryCeilingEvent } from './view-manager';

/** What the user is told when a service goes over its memory ceiling (one notice per service). */
export function memoryCeilingNotice(
  serviceName: string,
  { serviceId, usedMb, ceilingMb, action }: MemoryCeilingEvent,
): IpcEvent<'notice'> {
  const over = `${serviceName} used ${usedMb} MB, over its ${ceilingMb} MB ceiling`;
  const message =
    action === 'hibernated'
      ? `${over}, so it was put to sleep. It reloads when you open it.`
      : action === 'reloaded'
        ? `${over}, so it was restarted.`
        : `${over}. It is in a call, so it was left running; restart it when the call ends.`;
  return {
    id: `ceiling-${serviceId}`.slice(0, 63),
    level: action === 'left-running' ? 'warning' : 'info',
    code: 'SERVICE_MEMORY_CEILING',
    message: message.slice(0, 1000),
  };
}
