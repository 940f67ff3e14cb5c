import type { UpdaterEvent, UpdaterPort } from './update-controller';

/**
 * An updater standing in for electron-updater: each check answers with the queued events (by
 * default, "version X is downloaded"), and what the app asked of it is recorded.
 */
export function fakeUpdater(version = '0.2.0') {
  let listener: ((event: UpdaterEvent) => void) | undefined;
  const queued: UpdaterEvent[][] = [];
  const calls: string[] = [];
  const updater: UpdaterPort = {
    configure: ({ allowPrerelease }) => calls.push(`configure prerelease=${allowPrerelease}`),
    checkForUpdates: () => {
      calls.push('check');
      const events = queued.shift() ?? [
        { type: 'available', version },
        { type: 'downloaded', version },
      ];
      events.forEach((event) => listener?.(event));
      return Promise.resolve();
    },
    quitAndInstall: () => calls.push('quitAndInstall'),
    onEvent: (handler) => (listener = handler),
  };
  return { updater, calls, queued, emit: (event: UpdaterEvent) => listener?.(event) };
}
