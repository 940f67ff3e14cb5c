import { useCallback, useEffect, useId, useState } from 'react';
import type { BackupInfo, IpcEvent } from '@flowdesk/shared/ipc';
import { appSettingsSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { Toggle } from '../components/Toggle';
import { useFlowDesk } from '../state/use-flowdesk';
import { formatBytes, strings } from '../strings';

const MIN_PASSPHRASE = 12;

/**
 * A rough strength for the meter: length and variety of characters, as bits. Not a guarantee —
 * it only steers people away from short, single-class passphrases.
 */
export function passphraseStrength(passphrase: string): 0 | 1 | 2 {
  const characters = [...passphrase];
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((pattern) =>
    pattern.test(passphrase),
  ).length;
  const bits = characters.length * Math.log2(Math.max(10, classes * 20));
  return bits >= 80 ? 2 : bits >= 55 ? 1 : 0;
}

/** Settings → Backups: make a backup, and list, check, restore or delete the ones here. */
export function BackupsPage({ store }: { store: WorkspaceStore }) {
  const { call, inform } = useFlowDesk();
  const words = strings.pages.backups;
  const [backups, setBackups] = useState<BackupInfo[] | undefined>();
  const [restoring, setRestoring] = useState<BackupInfo | undefined>();
  const [deleting, setDeleting] = useState<BackupInfo | undefined>();
  const [restartNeeded, setRestartNeeded] = useState(false);
  const refresh = useCallback(
    () => void call('backups:list', undefined).then((list) => setBackups(list ?? [])),
    [call],
  );
  useEffect(refresh, [refresh]);

  return (
    <>
      <h2>{words.title}</h2>
      <p className="hint">{words.description}</p>
      <MakeBackup onMade={refresh} canBuildOn={(backups ?? []).length > 0} />
      <BackupSchedule store={store} />
      {restartNeeded ? (
        <div role="status" className="notice info">
          {words.restartNeeded}
          <button type="button" onClick={() => void call('app:restart', undefined)}>
            {words.restart}
          </button>
        </div>
      ) : null}
      <h3>{words.listLabel}</h3>
      <div className="actions start">
        <button
          type="button"
          onClick={() =>
            void call('backups:add-file', undefined).then((added) => {
              if (!added) return;
              inform(words.added(added.fileName));
              refresh();
            })
          }
        >
          {words.addFile}
        </button>
      </div>
      {backups && backups.length === 0 ? <p className="empty">{words.empty}</p> : null}
      {backups && backups.length > 0 ? (
        <ul className="backup-list" aria-label={words.listLabel}>
          {backups.map((backup) => (
            <BackupRow
              key={backup.backupId}
              backup={backup}
              onRestore={() => setRestoring(backup)}
              onDelete={() => setDeleting(backup)}
            />
          ))}
        </ul>
      ) : null}
      {restoring ? (
        <RestoreDialog
          backup={restoring}
          store={store}
          onClose={() => setRestoring(undefined)}
          onRestored={(needsRestart) => {
            setRestoring(undefined);
            setRestartNeeded(needsRestart);
            refresh();
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={words.removeTitle}
          confirmLabel={words.removeConfirm}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => {
            const backupId = deleting.backupId;
            setDeleting(undefined);
            void call('backups:delete', { backupId }).then(refresh);
          }}
        >
          <p>{words.removeBody}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function MakeBackup({ onMade, canBuildOn }: { onMade: () => void; canBuildOn: boolean }) {
  const { call, inform } = useFlowDesk();
  const words = strings.pages.backups;
  const id = useId();
  const [includeSessions, setIncludeSessions] = useState(true);
  const [incremental, setIncremental] = useState(false);
  const [method, setMethod] = useState<'passphrase' | 'device-key'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<IpcEvent<'backup:progress'> | undefined>();
  const [running, setRunning] = useState(false);
  useEffect(() => window.flowdesk.on('backup:progress', setProgress), []);

  const tooShort = [...passphrase].length < MIN_PASSPHRASE;
  const problem =
    method !== 'passphrase' || !touched
      ? undefined
      : tooShort
        ? words.tooShort
        : passphrase !== confirm
          ? words.mismatch
          : undefined;
  const ready = method === 'device-key' || (!tooShort && passphrase === confirm);
  const strength = passphraseStrength(passphrase);

  return (
    <form
      className="make-backup"
      aria-label={words.make}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!ready || running) return;
        setRunning(true);
        void call('backups:create', {
          includeBrowserSessions: includeSessions,
          encryption: method === 'passphrase' ? { method, passphrase } : { method },
          chooseLocation: false,
          type: incremental && canBuildOn ? 'incremental' : 'full',
        }).then((made) => {
          setRunning(false);
          if (!made) return;
          setPassphrase('');
          setConfirm('');
          setTouched(false);
          inform(words.made(made.fileName));
          onMade();
        });
      }}
    >
      <h3>{words.make}</h3>
      <label className="toggle">
        <input
          type="checkbox"
          checked={includeSessions}
          onChange={(event) => setIncludeSessions(event.target.checked)}
        />
        {words.includeSessions}
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={incremental && canBuildOn}
          disabled={!canBuildOn}
          aria-describedby={`${id}-incremental-hint`}
          onChange={(event) => setIncremental(event.target.checked)}
        />
        {words.incremental}
      </label>
      <p id={`${id}-incremental-hint`} className="hint">
        {words.incrementalHint}
      </p>
      <fieldset className="choices">
        <legend>{words.protection}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === 'passphrase'}
            onChange={() => setMethod('passphrase')}
          />
          {words.byPassphrase}
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === 'device-key'}
            onChange={() => setMethod('device-key')}
          />
          {words.byDevice}
        </label>
      </fieldset>
      {method === 'passphrase' ? (
        <>
          <Field id={`${id}-passphrase`} label={words.passphrase} warning={words.passphraseHint}>
            <input
              id={`${id}-passphrase`}
              type="password"
              autoComplete="new-password"
              value={passphrase}
              aria-describedby={`${id}-passphrase-message`}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </Field>
          <div className="field">
            <label htmlFor={`${id}-strength`}>{words.strength}</label>
            <meter
              id={`${id}-strength`}
              min={0}
              max={2}
              low={1}
              high={2}
              optimum={2}
              value={strength}
            >
              {words.strengths[strength]}
            </meter>
            <span className="hint" aria-live="polite">
              {passphrase ? words.strengths[strength] : ''}
            </span>
          </div>
          <Field id={`${id}-confirm`} label={words.confirm} problem={problem}>
            <input
              id={`${id}-confirm`}
              type="password"
              autoComplete="new-password"
              value={confirm}
              aria-invalid={problem ? true : undefined}
              aria-describedby={`${id}-confirm-message`}
              onChange={(event) => setConfirm(event.target.value)}
              onBlur={() => setTouched(true)}
            />
          </Field>
        </>
      ) : null}
      <div className="actions start">
        <button type="submit" className="primary" disabled={running}>
          {words.backUp}
        </button>
      </div>
      {running && progress ? (
        <div className="backup-progress">
          <progress aria-label={words.phases[progress.phase]} max={1} value={progress.fraction} />
          <span className="hint">{words.phases[progress.phase]}</span>
        </div>
      ) : null}
    </form>
  );
}

function BackupRow({
  backup,
  onRestore,
  onDelete,
}: {
  backup: BackupInfo;
  onRestore: () => void;
  onDelete: () => void;
}) {
  const { call, inform } = useFlowDesk();
  const words = strings.pages.backups;
  const id = useId();
  const { metadata } = backup;
  const [checking, setChecking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<string | undefined>();
  const needsPassphrase = metadata.encryption.method === 'passphrase';
  const check = () =>
    void call('backups:verify', {
      backupId: backup.backupId,
      ...(needsPassphrase ? { passphrase } : {}),
    }).then((verified) => {
      if (verified) {
        setResult(words.intact(verified.fileCount));
        setChecking(false);
      }
    });
  const tags = [
    metadata.type === 'incremental' ? words.incrementalTag : undefined,
    metadata.includesBrowserSessions ? words.withSessions : undefined,
    metadata.retentionPolicy === 'safety-snapshot' ? words.snapshot : undefined,
    metadata.retentionPolicy === 'scheduled' ? words.scheduled : undefined,
    words.protectedBy[metadata.encryption.method],
  ].filter((tag) => tag !== undefined);
  return (
    <li className="backup">
      <div>
        <strong>{new Date(metadata.timestamp).toLocaleString()}</strong>
        <span className="hint">
          {' '}
          {words.summary(metadata.workspaceCount, metadata.serviceCount)} · {tags.join(' · ')} ·{' '}
          {formatBytes(metadata.size)}
        </span>
      </div>
      {result ? <p role="status">{result}</p> : null}
      {checking && needsPassphrase ? (
        <form
          className="inline"
          onSubmit={(event) => {
            event.preventDefault();
            check();
          }}
        >
          <label htmlFor={`${id}-check`}>{words.passphraseFor}</label>
          <input
            id={`${id}-check`}
            type="password"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          <button type="submit">{words.check}</button>
        </form>
      ) : null}
      <div className="actions start" role="group" aria-label={backup.fileName}>
        <button
          type="button"
          onClick={() => {
            setResult(undefined);
            if (needsPassphrase) setChecking(true);
            else check();
          }}
        >
          {words.check}
        </button>
        <button type="button" onClick={onRestore}>
          {words.restore}
        </button>
        <button
          type="button"
          onClick={() =>
            void call('backups:save-copy', { backupId: backup.backupId }).then((saved) => {
              if (saved) inform(words.copied(saved.fileName));
            })
          }
        >
          {words.saveCopy}
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          {words.remove}
        </button>
      </div>
    </li>
  );
}

/** Settings → Backups → automatic backups: how often, how many to keep, with sign-ins or not. */
function BackupSchedule({ store }: { store: WorkspaceStore }) {
  const { call } = useFlowDesk();
  const words = strings.pages.backups;
  const id = useId();
  const schedule = appSettingsSchema.parse(store.settings).backups;
  const update = (patch: Partial<typeof schedule>) =>
    void call('settings:update', { backups: patch });
  return (
    <section className="backup-schedule" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{words.scheduleTitle}</h3>
      <Toggle
        label={words.automatic}
        checked={schedule.automatic}
        onChange={(automatic) => update({ automatic })}
      />
      <div className="field">
        <label htmlFor={`${id}-interval`}>{words.every}</label>
        <select
          id={`${id}-interval`}
          value={schedule.intervalHours}
          disabled={!schedule.automatic}
          onChange={(event) => update({ intervalHours: Number(event.target.value) })}
        >
          {[...new Set([1, 6, 12, 24, 168, schedule.intervalHours])]
            .sort((a, b) => a - b)
            .map((hours) => (
              <option key={hours} value={hours}>
                {words.intervals(hours)}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-keep`}>{words.keep}</label>
        <select
          id={`${id}-keep`}
          value={schedule.keep}
          disabled={!schedule.automatic}
          onChange={(event) => update({ keep: Number(event.target.value) })}
        >
          {[...new Set([3, 7, 14, 30, schedule.keep])]
            .sort((a, b) => a - b)
            .map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
        </select>
      </div>
      <Toggle
        label={words.scheduleSessions}
        checked={schedule.includeBrowserSessions}
        disabled={!schedule.automatic}
        onChange={(includeBrowserSessions) => update({ includeBrowserSessions })}
      />
      <p className="hint">{words.scheduleHint}</p>
    </section>
  );
}

function RestoreDialog({
  backup,
  store,
  onClose,
  onRestored,
}: {
  backup: BackupInfo;
  store: WorkspaceStore;
  onClose: () => void;
  onRestored: (restartNeeded: boolean) => void;
}) {
  const { call, inform, actionError, dismissError } = useFlowDesk();
  const words = strings.pages.backups;
  const id = useId();
  // Only this dialog's own failures are shown in it.
  useEffect(dismissError, [dismissError]);
  const [mode, setMode] = useState<'replace' | 'merge'>('replace');
  const [passphrase, setPassphrase] = useState('');
  const [running, setRunning] = useState(false);
  const { metadata } = backup;
  const needsPassphrase = metadata.encryption.method === 'passphrase';
  // Which of today's workspaces a "replace" touches: those the backup names (all, when it holds all).
  const replaced = store.workspaces.filter(
    (workspace) => !metadata.workspaceIds || metadata.workspaceIds.includes(workspace.id),
  );
  return (
    <Dialog label={words.restoreTitle} onClose={onClose} role="alertdialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setRunning(true);
          void call('backups:restore', {
            backupId: backup.backupId,
            mode,
            ...(needsPassphrase ? { passphrase } : {}),
          }).then((restored) => {
            setRunning(false);
            if (!restored) return;
            inform(words.restored(restored.restoredWorkspaceIds.length));
            onRestored(restored.restartNeeded);
          });
        }}
      >
        <h2>{words.restoreTitle}</h2>
        <p>
          {new Date(metadata.timestamp).toLocaleString()} ·{' '}
          {words.summary(metadata.workspaceCount, metadata.serviceCount)}
        </p>
        {actionError ? (
          <p role="alert" className="notice error">
            {actionError}
          </p>
        ) : null}
        <fieldset className="choices">
          <legend className="visually-hidden">{words.restoreTitle}</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'replace'}
              onChange={() => setMode('replace')}
            />
            {words.restoreModeReplace}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'merge'}
              onChange={() => setMode('merge')}
            />
            {words.restoreModeMerge}
          </label>
        </fieldset>
        {mode === 'replace' && replaced.length > 0 ? (
          <p>{words.restoreWillReplace(replaced.map((workspace) => workspace.name).join(', '))}</p>
        ) : null}
        <p className="hint">{words.restoreSafety}</p>
        {needsPassphrase ? (
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>{words.passphraseFor}</label>
            <input
              id={`${id}-passphrase`}
              type="password"
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
            />
          </div>
        ) : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {strings.close}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={running || (needsPassphrase && passphrase === '')}
          >
            {words.restoreConfirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
