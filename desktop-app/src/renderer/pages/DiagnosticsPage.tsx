import { useCallback, useEffect, useId, useState } from 'react';
import type { ErrorGroup, HealthReport, IpcResponse } from '@flowdesk/shared/ipc';
import { strings } from '../strings';
import { useFlowDesk } from '../state/use-flowdesk';
import { ServiceUsage, StartupTimes } from './ServiceUsage';

const words = strings.pages.diagnostics;

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Settings → Diagnostics (issue 8): health checks, recent problems with what happened before
 * them, memory and CPU per service, start-up times, and a redacted export for support with a
 * preview of each file before anything is saved.
 */
export function DiagnosticsPage() {
  return (
    <>
      <h2>{words.title}</h2>
      <p className="hint">{words.description}</p>
      <HealthChecks />
      <RecentProblems />
      <ServiceUsage />
      <StartupTimes />
      <DiagnosticsExport />
    </>
  );
}

function HealthChecks() {
  const { call } = useFlowDesk();
  const id = useId();
  const [report, setReport] = useState<HealthReport | undefined>();
  const [checking, setChecking] = useState(false);
  const check = useCallback(() => {
    setChecking(true);
    void call('diagnostics:health', undefined)
      .then((answer) => answer && setReport(answer))
      .finally(() => setChecking(false));
  }, [call]);
  useEffect(check, [check]);
  return (
    <section aria-labelledby={`${id}-title`} className="diagnostics-section" aria-busy={checking}>
      <h3 id={`${id}-title`}>
        {words.healthTitle}
        {report ? (
          <span className={`health-badge ${report.status}`}>
            {' '}
            {words.healthStatus[report.status]}
          </span>
        ) : null}
      </h3>
      {report ? (
        <>
          <ul className="health-checks">
            {report.checks.map((check) => (
              <li key={check.name} className={check.status}>
                <strong>{words.checkNames[check.name] ?? check.name}</strong>:{' '}
                {words.healthStatus[check.status]}
                {check.message ? <span className="hint"> — {check.message}</span> : null}
              </li>
            ))}
          </ul>
          <p className="hint">{words.checkedAt(when(report.checkedAt))}</p>
        </>
      ) : null}
      <button type="button" onClick={check} disabled={checking}>
        {checking ? words.checking : words.checkAgain}
      </button>
    </section>
  );
}

function RecentProblems() {
  const { call, inform } = useFlowDesk();
  const id = useId();
  const [groups, setGroups] = useState<ErrorGroup[] | undefined>();
  const load = useCallback(() => {
    void call('diagnostics:errors', undefined).then((answer) => setGroups(answer ?? []));
  }, [call]);
  useEffect(load, [load]);
  return (
    <section aria-labelledby={`${id}-title`} className="diagnostics-section">
      <h3 id={`${id}-title`}>{words.problemsTitle}</h3>
      <p className="hint">{words.problemsHint}</p>
      {groups === undefined ? null : groups.length === 0 ? (
        <p className="empty">{words.problemsEmpty}</p>
      ) : (
        <>
          <ul className="problems">
            {groups.map((group) => (
              <li key={group.id} className={`severity-${group.severity}`}>
                <details>
                  <summary>
                    <span className="severity">{words.severity[group.severity]}</span>{' '}
                    {group.message} <code>{group.code}</code>
                    <span className="hint">
                      {' '}
                      {words.occurrences(group.count, when(group.firstSeen), when(group.lastSeen))}
                    </span>
                  </summary>
                  <h4>{words.breadcrumbs}</h4>
                  {group.breadcrumbs.length === 0 ? (
                    <p className="empty">{words.noBreadcrumbs}</p>
                  ) : (
                    <ol className="breadcrumbs">
                      {group.breadcrumbs.map((crumb, index) => (
                        <li key={`${crumb.time}-${index}`}>
                          <time dateTime={crumb.time}>
                            {new Date(crumb.time).toLocaleTimeString()}
                          </time>{' '}
                          <span className="hint">{crumb.component}</span> {crumb.message}
                        </li>
                      ))}
                    </ol>
                  )}
                </details>
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() =>
              void call('diagnostics:clear-errors', undefined).then((done) => {
                if (done === undefined) return;
                setGroups([]);
                inform(words.problemsCleared);
              })
            }
          >
            {words.clearProblems}
          </button>
        </>
      )}
    </section>
  );
}

type ExportPreview = IpcResponse<'diagnostics:export-preview'>;

function DiagnosticsExport() {
  const { call, inform } = useFlowDesk();
  const id = useId();
  const [preview, setPreview] = useState<ExportPreview | undefined>();
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby={`${id}-title`} className="diagnostics-section" aria-busy={busy}>
      <h3 id={`${id}-title`}>{words.exportTitle}</h3>
      <p className="hint">{words.exportHint}</p>
      <div className="actions start">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(() =>
              call('diagnostics:export-preview', undefined).then(
                (answer) => answer && setPreview(answer),
              ),
            )
          }
        >
          {words.previewExport}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(() =>
              call('diagnostics:export', undefined).then((answer) => {
                if (answer?.savedTo) inform(words.exportSaved(answer.savedTo));
              }),
            )
          }
        >
          {words.exportSave}
        </button>
      </div>
      {preview ? (
        <ul className="export-preview" aria-label={words.previewExport}>
          {preview.map((file) => (
            <li key={file.name}>
              <details>
                <summary>
                  <code>{file.name}</code>{' '}
                  <span className="hint">{words.fileSize(file.bytes)}</span>
                </summary>
                <pre>{file.preview}</pre>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
