import type { IpcRequest } from '@flowdesk/shared/ipc';
import type { Logger } from '@flowdesk/shared/monitoring';

/**
 * Writes the app UI's log records (`log:write`) through the main process's logger, which redacts
 * them. A UI stuck in an error loop must not fill the disk: past `limit` records in `windowMs`
 * the rest are dropped, and how many is written once the window ends.
 */
export function createUiLogWriter(
  logger: Pick<Logger, 'log' | 'warn'>,
  options: {
    limit?: number;
    windowMs?: number;
    now?: () => number;
    /** An error the UI reported (uncaught or rejected): it joins the recent problems too. */
    onError?: (message: string, context: Record<string, unknown>) => void;
  } = {},
) {
  const limit = options.limit ?? 50;
  const windowMs = options.windowMs ?? 10_000;
  const now = options.now ?? Date.now;
  let windowStart = -Infinity;
  let written = 0;
  let dropped = 0;
  return (record: IpcRequest<'log:write'>): void => {
    const time = now();
    if (time - windowStart >= windowMs) {
      if (dropped > 0) {
        logger.warn('UI log records dropped: too many in a short time', { dropped });
      }
      windowStart = time;
      written = 0;
      dropped = 0;
    }
    if (written >= limit) {
      dropped += 1;
      return;
    }
    written += 1;
    logger.log(record.level, record.message, record.context ?? {});
    if (record.level === 'error') options.onError?.(record.message, record.context ?? {});
  };
}
