import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import type { UpdateStatus } from '@flowdesk/shared/ipc';
import type { AppSettings } from '@flowdesk/shared/workspace';

/** What electron-updater tells (electron/updater.ts turns its events into these). */
export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | {
      type: 'progress';
      percent: number;
      bytesPerSecond: number;
      transferredBytes: number;
      totalBytes: number;
    }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; message: string };

/** The updater the controller drives: electron-updater's autoUpdater behind an adapter. */
export interface UpdaterPort {
  /** Beta also takes pre-releases; going back to stable may install an older version. */
  configure(options: { allowPrerelease: boolean }): void;
  checkForUpdates(): Promise<void>;
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

export interface UpdateControllerOptions {
  /** Absent in development builds: they never update. */
  updater: UpdaterPort | undefined;
  settings: () => AppSettings['updates'];
  currentVersion: string;
  onChange: (status: UpdateStatus) => void;
  now?: () => number;
  timers?: {
    set: (run: () => void, ms: number) => unknown;
    clear: (handle: unknown) => void;
  };
}

/** The first check waits until start-up is over. */
const FIRST_CHECK_DELAY_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * Automatic updates (the seed's AutoUpdaterConfig, issue 9): checks on the user's interval and
 * channel, downloads in the background with progress, then offers "restart to update". A failed
 * check is shown and tried again at the next interval; a development build never updates.
 */
export class UpdateController {
  private phase: UpdateStatus['phase'] = 'idle';
  private availableVersion: string | undefined;
  private progress: UpdateStatus['progress'];
  private lastCheckedAt: number | undefined;
  private nextCheckAt: number | undefined;
  private error: UpdateStatus['error'];
  private timer: unknown;
  private readonly now: () => number;
  private readonly timers: NonNullable<UpdateControllerOptions['timers']>;
  private applied = '';

  constructor(private readonly options: UpdateControllerOptions) {
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    options.updater?.onEvent((event) => this.onEvent(event));
  }

  /** Starts the schedule; call again after the update settings change. */
  applySettings(): void {
    const settings = this.options.settings();
    const key = JSON.stringify(settings);
    if (key === this.applied) return;
    const first = this.applied === '';
    this.applied = key;
    this.options.updater?.configure({ allowPrerelease: settings.channel === 'beta' });
    this.schedule(first ? FIRST_CHECK_DELAY_MS : 0);
    this.emit();
  }

  status(): UpdateStatus {
    const settings = this.options.settings();
    const disabledReason = !this.options.updater
      ? 'development'
      : !settings.enabled
        ? 'setting-off'
        : undefined;
    return {
      phase: disabledReason && this.phase !== 'ready' ? 'disabled' : this.phase,
      ...(disabledReason ? { disabledReason } : {}),
      channel: settings.channel,
      currentVersion: this.options.currentVersion,
      ...(this.availableVersion ? { availableVersion: this.availableVersion } : {}),
      ...(this.progress && this.phase === 'downloading' ? { progress: this.progress } : {}),
      ...(this.lastCheckedAt === undefined
        ? {}
        : { lastCheckedAt: new Date(this.lastCheckedAt).toISOString() }),
      ...(disabledReason || this.nextCheckAt === undefined
        ? {}
        : { nextCheckAt: new Date(this.nextCheckAt).toISOString() }),
      ...(this.error && this.phase === 'error' ? { error: this.error } : {}),
    };
  }

  /** "Check now" in the settings. */
  async checkNow(): Promise<Result<UpdateStatus>> {
    const status = this.status();
    if (status.phase === 'disabled') {
      return err(
        new FlowDeskError(
          'UPDATE_DISABLED',
          status.disabledReason === 'development'
            ? 'This is a development build: it does not update itself.'
            : 'Automatic updates are off: turn them on to check.',
        ),
      );
    }
    if (this.phase === 'idle' || this.phase === 'error') await this.check();
    return ok(this.status());
  }

  /** "Restart to update": only once an update is downloaded. */
  install(): Result<null> {
    if (this.phase !== 'ready' || !this.options.updater) {
      return err(new FlowDeskError('UPDATE_NOT_READY', 'No update is ready to install yet.'));
    }
    this.options.updater.quitAndInstall();
    return ok(null);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    this.dispose();
    this.nextCheckAt = undefined;
    const { enabled } = this.options.settings();
    if (!this.options.updater || !enabled || this.phase === 'ready') return;
    this.nextCheckAt = this.now() + delayMs;
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.check();
    }, delayMs);
  }

  private async check(): Promise<void> {
    const updater = this.options.updater;
    if (!updater || this.phase === 'checking' || this.phase === 'downloading') return;
    this.phase = 'checking';
    this.error = undefined;
    this.emit();
    try {
      await updater.checkForUpdates();
    } catch (error) {
      this.onEvent({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    this.lastCheckedAt = this.now();
    // The updater's events moved the phase on while the check ran.
    const phase = this.currentPhase();
    if (phase === 'checking') this.phase = 'idle';
    if (phase !== 'downloading' && phase !== 'ready') {
      this.schedule(this.options.settings().checkIntervalHours * HOUR_MS);
    }
    this.emit();
  }

  private currentPhase(): UpdateStatus['phase'] {
    return this.phase;
  }

  private onEvent(event: UpdaterEvent): void {
    switch (event.type) {
      case 'checking':
        this.phase = 'checking';
        break;
      case 'not-available':
        this.phase = 'idle';
        this.availableVersion = undefined;
        break;
      case 'available':
        this.phase = 'downloading';
        this.availableVersion = event.version;
        this.progress = { percent: 0, bytesPerSecond: 0, transferredBytes: 0, totalBytes: 0 };
        break;
      case 'progress':
        if (this.phase !== 'downloading') return;
        this.progress = {
          percent: Math.min(100, Math.max(0, event.percent)),
          bytesPerSecond: Math.max(0, event.bytesPerSecond),
          transferredBytes: Math.max(0, event.transferredBytes),
          totalBytes: Math.max(0, event.totalBytes),
        };
        break;
      case 'downloaded':
        this.phase = 'ready';
        this.availableVersion = event.version;
        this.progress = undefined;
        this.dispose();
        this.nextCheckAt = undefined;
        break;
      case 'error': {
        const wasDownloading = this.phase === 'downloading';
        this.phase = 'error';
        this.progress = undefined;
        this.error = {
          code: wasDownloading ? 'UPDATE_DOWNLOAD_FAILED' : 'UPDATE_CHECK_FAILED',
          message:
            `${wasDownloading ? 'The update could not be downloaded' : 'Flow Desk could not check for updates'}: ${event.message}`.slice(
              0,
              500,
            ),
        };
        if (wasDownloading) this.schedule(this.options.settings().checkIntervalHours * HOUR_MS);
        break;
      }
    }
    this.emit();
  }

  private emit(): void {
    this.options.onChange(this.status());
  }
}
