import { useEffect, useId, useState } from 'react';
import type { AuditVerification } from '@flowdesk/shared/ipc';
import {
  HIBERNATION_LIMITS,
  appSettingsSchema,
  isDoNotDisturbActive,
} from '@flowdesk/shared/workspace';
import type { Workspace, WorkspaceAuditEntry, WorkspaceStore } from '@flowdesk/shared/workspace';
import { Field } from '../components/Field';
import { Toggle } from '../components/Toggle';
import { AppLockSettings } from './AppLockSettings';
import { BackupsPage } from './BackupsPage';
import { DataPage } from './DataPage';
import { DiagnosticsPage } from './DiagnosticsPage';
import { UpdateSettings } from './UpdateSettings';
import { LicensePage } from './LicensePage';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { useCoversContent } from '../state/overlay';

export const SETTINGS_SECTIONS = [
  'general',
  'performance',
  'notifications',
  'privacy',
  'diagnostics',
  'audit',
  'backups',
  'data',
  'license',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** App settings, the active workspace's settings, and the pages later features fill. */
export function SettingsPage({
  store,
  section,
  onSection,
  onClose,
}: {
  store: WorkspaceStore;
  section: SettingsSection;
  onSection: (section: SettingsSection) => void;
  onClose: () => void;
}) {
  useCoversContent();
  const workspace = store.workspaces.find((item) => item.id === store.activeWorkspaceId);
  return (
    <div className="page settings">
      <nav aria-label={strings.settings} className="settings-nav">
        <h1>{strings.settings}</h1>
        <ul>
          {SETTINGS_SECTIONS.map((id) => (
            <li key={id}>
              <button
                type="button"
                aria-current={id === section ? 'page' : undefined}
                onClick={() => onSection(id)}
              >
                {strings.settingsSections[id]}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {strings.close}
        </button>
      </nav>
      <section className="settings-body" aria-label={strings.settingsSections[section]}>
        {section === 'general' ? <GeneralSettings store={store} /> : null}
        {section === 'performance' ? <PerformanceSettings workspace={workspace} /> : null}
        {section === 'notifications' ? <NotificationSettings workspace={workspace} /> : null}
        {section === 'privacy' ? <PrivacyPage store={store} /> : null}
        {section === 'diagnostics' ? <DiagnosticsPage /> : null}
        {section === 'audit' ? <AuditPage workspace={workspace} /> : null}
        {section === 'backups' ? <BackupsPage store={store} /> : null}
        {section === 'data' ? <DataPage store={store} /> : null}
        {section === 'license' ? <LicensePage /> : null}
      </section>
    </div>
  );
}

const LANGUAGE_CODE = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/;

/** Reads "en-US, de" into codes, or names the first that is not one. */
export function parseLanguages(text: string): { codes: string[] } | { problem: string } {
  const codes = text
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter(Boolean);
  const wrong = codes.find((code) => !LANGUAGE_CODE.test(code));
  if (wrong !== undefined) return { problem: strings.general.spellcheckLanguagesInvalid(wrong) };
  if (codes.length > 10) return { problem: strings.general.spellcheckLanguagesTooMany };
  return { codes };
}

function GeneralSettings({ store }: { store: WorkspaceStore }) {
  const { call } = useFlowDesk();
  const id = useId();
  const settings = appSettingsSchema.parse(store.settings);
  const [languages, setLanguages] = useState(settings.spellcheck.languages.join(', '));
  const parsed = parseLanguages(languages);
  const update = (patch: Parameters<typeof call<'settings:update'>>[1]) =>
    void call('settings:update', patch);
  return (
    <>
      <h2>{strings.settingsSections.general}</h2>
      <div className="field">
        <label htmlFor={`${id}-theme`}>{strings.general.theme}</label>
        <select
          id={`${id}-theme`}
          value={settings.theme}
          onChange={(event) =>
            update({ theme: event.target.value as WorkspaceStore['settings']['theme'] })
          }
        >
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <option key={theme} value={theme}>
              {strings.themeNames[theme]}
            </option>
          ))}
        </select>
      </div>
      <Toggle
        label={strings.general.launchAtLogin}
        checked={settings.launchAtLogin}
        onChange={(launchAtLogin) => update({ launchAtLogin })}
      />
      <Toggle
        label={strings.general.showInTray}
        checked={settings.showInTray}
        onChange={(showInTray) => update({ showInTray })}
      />
      <p className="hint">{strings.general.showInTrayHint}</p>
      <Toggle
        label={strings.general.startMinimized}
        checked={settings.startMinimized}
        onChange={(startMinimized) => update({ startMinimized })}
      />
      <p className="hint">{strings.general.startMinimizedHint(settings.showInTray)}</p>
      <Toggle
        label={strings.general.hardwareAcceleration}
        checked={settings.hardwareAcceleration}
        onChange={(hardwareAcceleration) => update({ hardwareAcceleration })}
      />
      <p className="hint">{strings.general.hardwareAccelerationHint}</p>
      <Toggle
        label={strings.downloads.askWhereToSave}
        checked={settings.downloads.askWhereToSave}
        onChange={(askWhereToSave) => update({ downloads: { askWhereToSave } })}
      />
      <fieldset className="isolation">
        <legend>{strings.general.defaultIsolation}</legend>
        {(['shared', 'isolated'] as const).map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name={`${id}-isolation`}
              checked={settings.defaultIsolation === choice}
              onChange={() => update({ defaultIsolation: choice })}
            />
            {choice === 'shared' ? strings.isolationShared : strings.isolationIsolated}
          </label>
        ))}
        <p className="hint">{strings.isolationHint}</p>
      </fieldset>
      <Toggle
        label={strings.general.spellcheck}
        checked={settings.spellcheck.enabled}
        onChange={(enabled) => update({ spellcheck: { enabled } })}
      />
      <Field
        id={`${id}-languages`}
        label={strings.general.spellcheckLanguages}
        problem={'problem' in parsed ? parsed.problem : undefined}
      >
        <input
          id={`${id}-languages`}
          value={languages}
          disabled={!settings.spellcheck.enabled}
          aria-describedby={`${id}-languages-message`}
          onChange={(event) => {
            setLanguages(event.target.value);
            const next = parseLanguages(event.target.value);
            if ('codes' in next) update({ spellcheck: { languages: next.codes } });
          }}
        />
      </Field>
      <UpdateSettings settings={settings.updates} />
    </>
  );
}

/** A whole-number field that saves each valid value and names the range when it is not. */
function NumberSetting({
  label,
  value,
  limits,
  disabled,
  onSave,
}: {
  label: string;
  value: number;
  limits: { min: number; max: number };
  disabled?: boolean;
  onSave: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const number = Number(text);
  const ok = /^\d+$/.test(text.trim()) && number >= limits.min && number <= limits.max;
  return (
    <Field
      id={id}
      label={label}
      problem={ok ? undefined : strings.performance.numberRange(limits.min, limits.max)}
    >
      <input
        id={id}
        inputMode="numeric"
        value={text}
        disabled={disabled}
        aria-invalid={ok ? undefined : true}
        aria-describedby={`${id}-message`}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (
            /^\d+$/.test(event.target.value.trim()) &&
            next >= limits.min &&
            next <= limits.max &&
            next !== value
          )
            onSave(next);
        }}
      />
    </Field>
  );
}

function PerformanceSettings({ workspace }: { workspace: Workspace | undefined }) {
  const { call } = useFlowDesk();
  if (!workspace) return <p className="empty">{strings.performance.noWorkspace}</p>;
  const hibernation = workspace.settings.hibernation;
  const save = (patch: Partial<typeof hibernation>) =>
    void call('workspaces:update', {
      workspaceId: workspace.id,
      patch: { settings: { hibernation: patch } },
    });
  return (
    <>
      <h2>{strings.performance.title(workspace.name)}</h2>
      <p className="hint">{strings.performance.explanation}</p>
      <Toggle
        label={strings.performance.hibernation}
        checked={hibernation.enabled}
        onChange={(enabled) => save({ enabled })}
      />
      <NumberSetting
        label={strings.performance.idleMinutes}
        value={hibernation.idleMinutes}
        limits={HIBERNATION_LIMITS.idleMinutes}
        disabled={!hibernation.enabled}
        onSave={(idleMinutes) => save({ idleMinutes })}
      />
      <NumberSetting
        label={strings.performance.maxLiveViews}
        value={hibernation.maxLiveViews}
        limits={HIBERNATION_LIMITS.maxLiveViews}
        disabled={!hibernation.enabled}
        onSave={(maxLiveViews) => save({ maxLiveViews })}
      />
      <NumberSetting
        label={strings.performance.memoryBudgetMb}
        value={hibernation.memoryBudgetMb}
        limits={HIBERNATION_LIMITS.memoryBudgetMb}
        disabled={!hibernation.enabled}
        onSave={(memoryBudgetMb) => save({ memoryBudgetMb })}
      />
    </>
  );
}

function NotificationSettings({ workspace }: { workspace: Workspace | undefined }) {
  const { call } = useFlowDesk();
  const id = useId();
  if (!workspace) return <p className="empty">{strings.performance.noWorkspace}</p>;
  const { notifications, doNotDisturb } = workspace.settings;
  const words = strings.notificationsSettings;
  const schedule = doNotDisturb.schedule;
  const save = (
    settings: NonNullable<Parameters<typeof call<'workspaces:update'>>[1]['patch']['settings']>,
  ) => void call('workspaces:update', { workspaceId: workspace.id, patch: { settings } });
  const saveSchedule = (next: NonNullable<typeof schedule> | null) =>
    save({ doNotDisturb: { schedule: next } });
  const activeNow = isDoNotDisturbActive(doNotDisturb, new Date());
  return (
    <>
      <h2>{words.title(workspace.name)}</h2>
      <Toggle
        label={words.enabled}
        checked={notifications.enabled}
        onChange={(enabled) => save({ notifications: { enabled } })}
      />
      <Toggle
        label={words.dnd}
        checked={doNotDisturb.enabled}
        onChange={(enabled) => save({ doNotDisturb: { enabled } })}
      />
      <Toggle
        label={words.dndSchedule}
        checked={schedule !== undefined}
        disabled={!doNotDisturb.enabled}
        onChange={(on) =>
          saveSchedule(on ? { days: [1, 2, 3, 4, 5], start: '18:00', end: '09:00' } : null)
        }
      />
      {schedule ? (
        <fieldset className="schedule" disabled={!doNotDisturb.enabled}>
          <legend>{words.dndSchedule}</legend>
          <label htmlFor={`${id}-from`}>{words.from}</label>
          <input
            id={`${id}-from`}
            type="time"
            value={schedule.start}
            onChange={(event) =>
              event.target.value && saveSchedule({ ...schedule, start: event.target.value })
            }
          />
          <label htmlFor={`${id}-to`}>{words.to}</label>
          <input
            id={`${id}-to`}
            type="time"
            value={schedule.end}
            onChange={(event) =>
              event.target.value && saveSchedule({ ...schedule, end: event.target.value })
            }
          />
          <div role="group" aria-label={words.days} className="days">
            {words.dayNames.map((day, index) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={schedule.days.includes(index)}
                  onChange={(event) =>
                    saveSchedule({
                      ...schedule,
                      days: event.target.checked
                        ? [...schedule.days, index].sort()
                        : schedule.days.filter((other) => other !== index),
                    })
                  }
                />
                {day}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <p role="status" className="hint">
        {activeNow ? words.activeNow : words.inactiveNow}
      </p>
    </>
  );
}

function PrivacyPage({ store }: { store: WorkspaceStore }) {
  const { lock, call } = useFlowDesk();
  const [reportHost, setReportHost] = useState<string | null | undefined>();
  useEffect(() => {
    void call('app:info', undefined).then((info) => setReportHost(info?.errorReportHost ?? null));
  }, [call]);
  const share = appSettingsSchema.parse(store.settings).errorReports.share;
  return (
    <>
      <h2>{strings.privacy.title}</h2>
      <ul className="privacy">
        {strings.privacy.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      {reportHost === undefined ? null : reportHost === null ? (
        <p className="hint">{strings.privacy.shareErrorsUnavailable}</p>
      ) : (
        <>
          <Toggle
            label={strings.privacy.shareErrors}
            checked={share}
            onChange={(next) => void call('settings:update', { errorReports: { share: next } })}
          />
          <p className="hint">{strings.privacy.shareErrorsHint(reportHost)}</p>
        </>
      )}
      {lock ? <AppLockSettings lock={lock} /> : null}
    </>
  );
}

function PageIntro({ title, description }: { title: string; description: string }) {
  return (
    <>
      <h2>{title}</h2>
      <p className="hint">{description}</p>
    </>
  );
}

function AuditPage({ workspace }: { workspace: Workspace | undefined }) {
  const { call } = useFlowDesk();
  const words = strings.pages.audit;
  const [entries, setEntries] = useState<WorkspaceAuditEntry[] | undefined>();
  const [verification, setVerification] = useState<AuditVerification | undefined>();
  const workspaceId = workspace?.id;
  useEffect(() => {
    setEntries(undefined);
    setVerification(undefined);
    if (workspaceId) {
      void call('audit:list', { workspaceId, limit: 200 }).then((list) => setEntries(list ?? []));
    }
  }, [workspaceId, call]);
  if (!workspaceId) return <p className="empty">{words.noWorkspace}</p>;
  return (
    <>
      <PageIntro title={words.title} description={words.description} />
      <div className="actions start">
        <button
          type="button"
          onClick={() => void call('audit:verify', { workspaceId }).then(setVerification)}
        >
          {words.verify}
        </button>
      </div>
      {verification ? (
        <p role="status" className={verification.valid ? 'hint' : 'problem'}>
          {verification.valid
            ? words.valid(verification.checkedEntries)
            : words.invalid(verification.firstProblem?.message ?? '')}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p className="empty">{words.empty}</p> : null}
      {entries && entries.length > 0 ? (
        <table className="audit">
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.timestamp}>
                    {new Date(entry.timestamp).toLocaleString()}
                  </time>
                </td>
                <td>{entry.action}</td>
                <td>{entry.result}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
