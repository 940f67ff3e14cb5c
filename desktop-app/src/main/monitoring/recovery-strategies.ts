import type { Result } from '@flowdesk/shared/core';
import type { RecoveryStrategy } from '@flowdesk/shared/monitoring';
import type { DegradationManager } from '@flowdesk/shared/resilience';

/**
 * Recovery strategies the ProductionErrorHandler tries, in order, for the errors they know
 * (issue 8). Service views are restarted by the view manager itself (with backoff and a circuit
 * breaker); these cover what it does not: the app's own UI, the store file, and features that
 * depend on a server.
 */

/** The app UI's renderer died: load it again, unless it died three times in ten minutes. */
export function reloadAppUiStrategy(
  reload: () => void,
  now: () => number = () => Date.now(),
): RecoveryStrategy {
  const WINDOW_MS = 10 * 60_000;
  let crashes: number[] = [];
  return {
    name: 'reload-app-ui',
    canRecover: (_error, classification) => classification.code === 'APP_UI_CRASHED',
    recover() {
      const time = now();
      crashes = [...crashes.filter((at) => time - at < WINDOW_MS), time];
      if (crashes.length >= 3) {
        return Promise.resolve({
          recovered: false,
          message: 'The app UI keeps crashing: restart Flow Desk.',
        });
      }
      reload();
      return Promise.resolve({ recovered: true, message: 'The app UI was reloaded.' });
    },
  };
}

/**
 * Saving the store failed (a full disk, a folder made read-only, the file replaced): once the
 * cause may be gone, write the last good store, kept in memory, again. The file is written
 * atomically, so the copy on disk is either the old or this one.
 */
export function reopenStoreStrategy(options: {
  probeWritable: () => Promise<void>;
  saveCurrent: () => Result<unknown>;
}): RecoveryStrategy {
  return {
    name: 'reopen-store',
    canRecover: (_error, classification) =>
      classification.category === 'storage' && /^STORE_(WRITE|SAVE)/.test(classification.code),
    async recover() {
      try {
        await options.probeWritable();
      } catch {
        return {
          recovered: false,
          message:
            'The data folder still cannot be written: free disk space or check its permissions.',
        };
      }
      const saved = options.saveCurrent();
      return saved.ok
        ? { recovered: true, message: 'Your workspaces were saved again.' }
        : { recovered: false, message: saved.error.message };
    },
  };
}

/**
 * A server a feature needs fails (context.dependency names it): the feature is switched off
 * through the DegradationManager for a while instead of failing again on every use, then tried
 * again.
 */
export function degradeDependencyStrategy(options: {
  degradation: DegradationManager;
  dependencies: readonly string[];
  retryAfterMs: number;
  schedule?: (task: () => void, delayMs: number) => void;
}): RecoveryStrategy {
  const schedule =
    options.schedule ??
    ((task: () => void, delayMs: number) => void setTimeout(task, delayMs).unref?.());
  const pending = new Set<string>();
  const dependencyOf = (context: Record<string, unknown>) =>
    typeof context.dependency === 'string' && options.dependencies.includes(context.dependency)
      ? context.dependency
      : undefined;
  let lastContext: Record<string, unknown> = {};
  return {
    name: 'degrade-dependency',
    canRecover: (_error, classification) =>
      classification.category === 'network' || classification.category === 'timeout',
    async recover(_error, context) {
      lastContext = context;
      const dependency = dependencyOf(context);
      if (!dependency) return { recovered: false };
      await options.degradation.degradeService(dependency, 'minimal');
      if (!pending.has(dependency)) {
        pending.add(dependency);
        schedule(() => {
          pending.delete(dependency);
          void options.degradation.degradeService(dependency, 'none');
        }, options.retryAfterMs);
      }
      const minutes = Math.round(options.retryAfterMs / 60_000);
      return {
        recovered: true,
        message: `${dependency} is off for ${minutes} min after a failure; it is tried again then.`,
      };
    },
    async rollback() {
      const dependency = dependencyOf(lastContext);
      if (dependency) await options.degradation.degradeService(dependency, 'none');
    },
  };
}
