import { useId } from 'react';
import type { UpdateStatus } from '@flowdesk/shared/ipc';
import type { AppSettings } from '@flowdesk/shared/workspace';
import { Toggle } from '../components/Toggle';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';

const words = strings.updates;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What updates are doing now, in one sentence. */
export function updateStatusText(status: UpdateStatus): string {
  switch (status.phase) {
    case 'disabled':
      return status.disabledReason === 'development' ? words.development : words.off;
    case 'checking':
      return words.checking;
    case 'downloading':
      return words.downloading(
        status.availableVersion ?? '',
        Math.round(status.progress?.percent ?? 0),
      );
    case 'ready':
      return words.ready(status.availableVersion ?? '');
    case 'error':
      return status.error?.message ?? words.failed;
    case 'idle':
      return status.lastCheckedAt
        ? words.upToDate(status.currentVersion, when(status.lastCheckedAt))
        : words.notChecked(status.currentVersion);
  }
}

/** Settings → General → Updates: on/off, stable or beta, how often, check now, progress. */
export function UpdateSettings({ settings }: { settings: AppSettings['updates'] }) {
  const { call, updates } = useFlowDesk();
  const id = useId();
  const update = (patch: Partial<AppSettings['updates']>) =>
    void call('settings:update', { updates: patch });
  return (
    <section aria-labelledby={`${id}-title`} className="updates">
      <h3 id={`${id}-title`}>{words.title}</h3>
      <Toggle
        label={words.automatic}
        checked={settings.enabled}
        onChange={(enabled) => update({ enabled })}
      />
      <fieldset>
        <legend>{words.channel}</legend>
        {(['stable', 'beta'] as const).map((channel) => (
          <label key={channel}>
            <input
              type="radio"
              name={`${id}-channel`}
              checked={settings.channel === channel}
              disabled={!settings.enabled}
              onChange={() => update({ channel })}
            />
            {words.channels[channel]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-interval`}>{words.interval}</label>
      <select
        id={`${id}-interval`}
        value={settings.checkIntervalHours}
        disabled={!settings.enabled}
        onChange={(event) => update({ checkIntervalHours: Number(event.target.value) })}
      >
        {[1, 6, 24, 168].map((hours) => (
          <option key={hours} value={hours}>
            {words.every(hours)}
          </option>
        ))}
      </select>
      {updates ? (
        <>
          <p role="status" className="hint">
            {updateStatusText(updates)}
          </p>
          {updates.phase === 'downloading' ? (
            <progress
              max={100}
              value={updates.progress?.percent ?? 0}
              aria-label={words.progressLabel}
            />
          ) : null}
          <div className="actions start">
            {updates.phase === 'ready' ? (
              <button type="button" onClick={() => void call('updates:install', undefined)}>
                {words.restart}
              </button>
            ) : (
              <button
                type="button"
                disabled={
                  updates.phase === 'disabled' ||
                  updates.phase === 'checking' ||
                  updates.phase === 'downloading'
                }
                onClick={() => void call('updates:check', undefined)}
              >
                {words.checkNow}
              </button>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
