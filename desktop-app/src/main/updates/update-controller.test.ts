import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '@flowdesk/shared/ipc';
import { appSettingsSchema } from '@flowdesk/shared/workspace';
import type { AppSettings } from '@flowdesk/shared/workspace';
import { UpdateController } from './update-controller';
import type { UpdaterEvent, UpdaterPort } from './update-controller';

const HOUR = 3_600_000;
const start = Date.parse('2026-12-02T09:00:00Z');

/** A fake updater whose check emits what the test queues; timers run when the clock passes. */
function harness(
  options: { development?: boolean; settings?: Partial<AppSettings['updates']> } = {},
) {
  let now = start;
  let settings: AppSettings['updates'] = {
    ...appSettingsSchema.parse({}).updates,
    ...options.settings,
  };
  const timers = new Map<number, { run: () => void; at: number }>();
  let nextTimer = 0;
  let listener: ((event: UpdaterEvent) => void) | undefined;
  const queued: (UpdaterEvent[] | Error)[] = [];
  const calls: string[] = [];
  const updater: UpdaterPort = {
    configure: ({ allowPrerelease }) => calls.push(`configure prerelease=${allowPrerelease}`),
    checkForUpdates: () => {
      calls.push('check');
      const next = queued.shift() ?? [{ type: 'not-available' }];
      if (next instanceof Error) return Promise.reject(next);
      next.forEach((event) => listener?.(event));
      return Promise.resolve();
    },
    quitAndInstall: () => calls.push('quitAndInstall'),
    onEvent: (handler) => (listener = handler),
  };
  const changes: UpdateStatus[] = [];
  const controller = new UpdateController({
    updater: options.development ? undefined : updater,
    settings: () => settings,
    currentVersion: '1.2.0',
    onChange: (status) => changes.push(status),
    now: () => now,
    timers: {
      set: (run, ms) => {
        timers.set(++nextTimer, { run, at: now + ms });
        return nextTimer;
      },
      clear: (handle) => timers.delete(handle as number),
    },
  });
  /** Moves the clock, running the timers that fall due (and what they start). */
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, timer] of [...timers]) {
      if (timer.at <= now) {
        timers.delete(id);
        timer.run();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return {
    controller,
    calls,
    changes,
    queued,
    emit: (event: UpdaterEvent) => listener?.(event),
    advance,
    timers,
    setSettings: (patch: Partial<AppSettings['updates']>) => {
      settings = { ...settings, ...patch };
      controller.applySettings();
    },
  };
}

describe('UpdateController', () => {
  it('checks a minute after start, then on the interval, and says when', async () => {
    const { controller, calls, advance } = harness();
    controller.applySettings();
    expect(calls).toEqual(['configure prerelease=false']);
    expect(controller.status()).toMatchObject({
      phase: 'idle',
      nextCheckAt: '2026-12-02T09:01:00.000Z',
    });
    await advance(60_000);
    expect(calls).toEqual(['configure prerelease=false', 'check']);
    expect(controller.status()).toMatchObject({
      phase: 'idle',
      lastCheckedAt: '2026-12-02T09:01:00.000Z',
      nextCheckAt: '2026-12-02T15:01:00.000Z',
    });
    await advance(6 * HOUR);
    expect(calls.filter((call) => call === 'check')).toHaveLength(2);
  });

  it('downloads an update with progress, then offers to restart, and installs only then', async () => {
    const { controller, calls, changes, queued, emit, advance, timers } = harness();
    controller.applySettings();
    expect(controller.install()).toMatchObject({ ok: false, error: { code: 'UPDATE_NOT_READY' } });
    queued.push([{ type: 'checking' }, { type: 'available', version: '1.3.0' }]);
    await advance(60_000);
    expect(controller.status()).toMatchObject({
      phase: 'downloading',
      availableVersion: '1.3.0',
      progress: { percent: 0 },
    });
    emit({
      type: 'progress',
      percent: 42.5,
      bytesPerSecond: 1e6,
      transferredBytes: 42,
      totalBytes: 100,
    });
    expect(changes.at(-1)?.progress).toEqual({
      percent: 42.5,
      bytesPerSecond: 1e6,
      transferredBytes: 42,
      totalBytes: 100,
    });
    // No second check while downloading.
    expect((await controller.checkNow()).ok).toBe(true);
    expect(calls.filter((call) => call === 'check')).toHaveLength(1);
    emit({ type: 'downloaded', version: '1.3.0' });
    expect(controller.status()).toMatchObject({ phase: 'ready', availableVersion: '1.3.0' });
    expect(controller.status().progress).toBeUndefined();
    // Nothing more is scheduled once an update waits for a restart.
    expect(timers.size).toBe(0);
    expect(controller.install()).toEqual({ ok: true, value: null });
    expect(calls.at(-1)).toBe('quitAndInstall');
  });

  it('shows a failed check and tries again at the next interval; a failed download too', async () => {
    const { controller, queued, emit, advance } = harness({ settings: { checkIntervalHours: 2 } });
    controller.applySettings();
    queued.push(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await advance(60_000);
    expect(controller.status()).toMatchObject({
      phase: 'error',
      error: {
        code: 'UPDATE_CHECK_FAILED',
        message: 'Flow Desk could not check for updates: net::ERR_INTERNET_DISCONNECTED',
      },
      nextCheckAt: '2026-12-02T11:01:00.000Z',
    });
    queued.push([{ type: 'available', version: '1.3.0' }]);
    await advance(2 * HOUR);
    expect(controller.status().phase).toBe('downloading');
    emit({ type: 'error', message: 'sha512 checksum mismatch' });
    expect(controller.status()).toMatchObject({
      phase: 'error',
      error: { code: 'UPDATE_DOWNLOAD_FAILED' },
    });
    // "Check now" after an error tries at once.
    const again = await controller.checkNow();
    expect(again.ok && again.value.phase).toBe('idle');
  });

  it('never updates a development build, and stops when the user turns updates off', async () => {
    const development = harness({ development: true });
    development.controller.applySettings();
    expect(development.controller.status()).toMatchObject({
      phase: 'disabled',
      disabledReason: 'development',
    });
    expect(development.timers.size).toBe(0);
    const refused = await development.controller.checkNow();
    expect(!refused.ok && refused.error.message).toMatch(/development build/);

    const { controller, setSettings, timers, calls } = harness();
    controller.applySettings();
    setSettings({ enabled: false });
    expect(controller.status()).toMatchObject({ phase: 'disabled', disabledReason: 'setting-off' });
    expect(controller.status().nextCheckAt).toBeUndefined();
    expect(timers.size).toBe(0);
    expect((await controller.checkNow()).ok).toBe(false);
    // Beta takes pre-releases, and a settings change checks at once.
    setSettings({ enabled: true, channel: 'beta' });
    expect(calls).toContain('configure prerelease=true');
    expect(controller.status()).toMatchObject({
      channel: 'beta',
      nextCheckAt: '2026-12-02T09:00:00.000Z',
    });
    // The same settings again change nothing.
    const before = calls.length;
    controller.applySettings();
    expect(calls).toHaveLength(before);
    controller.dispose();
    expect(timers.size).toBe(0);
  });
});
