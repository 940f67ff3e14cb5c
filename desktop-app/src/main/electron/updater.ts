import electronUpdater from 'electron-updater';
import type { Logger } from '@flowdesk/shared/monitoring';
import type { UpdaterPort } from '../updates/update-controller';

/**
 * electron-updater behind the UpdaterPort (issue 9): GitHub Releases, as electron-builder's
 * publish settings wrote into the packaged app's app-update.yml. Downloads in the background;
 * installs when the user restarts, or on quit. Only packaged builds get one (main.ts).
 */
export function electronUpdaterPort(log: Logger): UpdaterPort {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (message?: unknown) => log.info(String(message)),
    warn: (message?: unknown) => log.warn(String(message)),
    error: (message?: unknown) => log.error(String(message)),
    debug: (message: string) => log.debug(message),
  };
  return {
    configure({ allowPrerelease }) {
      autoUpdater.allowPrerelease = allowPrerelease;
      // Leaving the beta channel may mean going back to the latest stable version.
      autoUpdater.allowDowngrade = !allowPrerelease;
    },
    async checkForUpdates() {
      await autoUpdater.checkForUpdates();
    },
    quitAndInstall: () => autoUpdater.quitAndInstall(false, true),
    onEvent(listener) {
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) =>
        listener({ type: 'available', version: info.version }),
      );
      autoUpdater.on('update-not-available', () => listener({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) =>
        listener({
          type: 'progress',
          percent: progress.percent,
          bytesPerSecond: progress.bytesPerSecond,
          transferredBytes: progress.transferred,
          totalBytes: progress.total,
        }),
      );
      autoUpdater.on('update-downloaded', (event) =>
        listener({ type: 'downloaded', version: event.version }),
      );
      autoUpdater.on('error', (error) => listener({ type: 'error', message: error.message }));
    },
  };
}
