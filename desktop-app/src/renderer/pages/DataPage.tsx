import { useId, useState } from 'react';
import type { ImportPreviewInfo, IpcResponse } from '@flowdesk/shared/ipc';
import type { IntegrityReport, Repair, WorkspaceStore } from '@flowdesk/shared/workspace';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { useFlowDesk } from '../state/use-flowdesk';
import { formatBytes, strings } from '../strings';

type Choice = 'duplicate' | 'replace' | 'skip';

/**
 * Settings → Your data: export and import of workspace configuration (no sign-ins), signing a
 * workspace out, the integrity check with the repairs it offers, and cleanup.
 */
export function DataPage({ store }: { store: WorkspaceStore }) {
  const words = strings.pages.data;
  const workspace = store.workspaces.find((item) => item.id === store.activeWorkspaceId);
  return (
    <>
      <h2>{words.title}</h2>
      <p className="hint">{words.description}</p>
      <ExportImport store={store} />
      {workspace ? <SignOut workspaceId={workspace.id} name={workspace.name} /> : null}
      <DataHealth />
    </>
  );
}

function ExportImport({ store }: { store: WorkspaceStore }) {
  const { call, inform } = useFlowDesk();
  const words = strings.pages.data;
  const id = useId();
  const active = store.workspaces.find((item) => item.id === store.activeWorkspaceId);
  const [scope, setScope] = useState<'active' | 'all'>(active ? 'active' : 'all');
  const [preview, setPreview] = useState<ImportPreviewInfo | undefined>();
  const [result, setResult] = useState<IpcResponse<'workspaces:import-apply'> | undefined>();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{words.transferTitle}</h3>
      <p className="hint">{words.transferHint}</p>
      <fieldset className="choices">
        <legend>{words.exportWhat}</legend>
        {active ? (
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'active'}
              onChange={() => setScope('active')}
            />
            {words.exportActive(active.name)}
          </label>
        ) : null}
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'all' || !active}
            onChange={() => setScope('all')}
          />
          {words.exportAll(store.workspaces.length)}
        </label>
      </fieldset>
      <div className="actions start">
        <button
          type="button"
          onClick={() =>
            void call(
              'workspaces:export',
              scope === 'active' && active ? { workspaceIds: [active.id] } : {},
            ).then((exported) => {
              if (exported) inform(words.exported(exported.workspaceCount, exported.fileName));
            })
          }
        >
          {words.export}
        </button>
        <button
          type="button"
          onClick={() => {
            setResult(undefined);
            void call('workspaces:import-preview', undefined).then((found) => setPreview(found));
          }}
        >
          {words.import}
        </button>
      </div>
      {result ? (
        <div role="status" className="notice info">
          {words.importResult(result.added.length, result.replaced.length, result.skipped.length)}
        </div>
      ) : null}
      {preview ? (
        <ImportDialog
          preview={preview}
          onClose={() => setPreview(undefined)}
          onImported={(imported) => {
            setPreview(undefined);
            setResult(imported);
          }}
        />
      ) : null}
    </section>
  );
}

/** What the file holds, a choice per workspace that meets one already here, then import. */
function ImportDialog({
  preview,
  onClose,
  onImported,
}: {
  preview: ImportPreviewInfo;
  onClose: () => void;
  onImported: (result: IpcResponse<'workspaces:import-apply'>) => void;
}) {
  const { call, actionError } = useFlowDesk();
  const words = strings.pages.data;
  const id = useId();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [running, setRunning] = useState(false);
  const conflictOf = new Map(preview.conflicts.map((conflict) => [conflict.workspaceId, conflict]));
  return (
    <Dialog label={words.importTitle(preview.fileName)} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (running) return;
          setRunning(true);
          void call('workspaces:import-apply', { importId: preview.importId, choices }).then(
            (imported) => {
              setRunning(false);
              if (imported) onImported(imported);
            },
          );
        }}
      >
        <h2>{words.importTitle(preview.fileName)}</h2>
        <p className="hint">{words.importHint}</p>
        <ul className="import-list" aria-label={words.inFile}>
          {preview.workspaces.map((workspace) => {
            const conflict = conflictOf.get(workspace.workspaceId);
            const choice = choices[workspace.workspaceId] ?? 'duplicate';
            return (
              <li key={workspace.workspaceId}>
                <strong>{workspace.name}</strong>{' '}
                <span className="hint">{words.services(workspace.services)}</span>
                {conflict ? (
                  <div className="field">
                    <label htmlFor={`${id}-${workspace.workspaceId}`}>
                      {conflict.kind === 'same-id'
                        ? words.sameWorkspace(conflict.existingName)
                        : words.sameName}
                    </label>
                    <select
                      id={`${id}-${workspace.workspaceId}`}
                      value={choice}
                      onChange={(event) =>
                        setChoices((known) => ({
                          ...known,
                          [workspace.workspaceId]: event.target.value as Choice,
                        }))
                      }
                    >
                      <option value="duplicate">{words.choices.duplicate}</option>
                      <option value="replace">{words.choices.replace}</option>
                      <option value="skip">{words.choices.skip}</option>
                    </select>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {preview.knownAddresses.length > 0 ? (
          <p className="hint">{words.knownAddresses(preview.knownAddresses.length)}</p>
        ) : null}
        {actionError ? (
          <p role="alert" className="problem">
            {actionError}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" className="primary" disabled={running}>
            {words.importConfirm}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function SignOut({ workspaceId, name }: { workspaceId: string; name: string }) {
  const { call, inform } = useFlowDesk();
  const words = strings.pages.data;
  const [asking, setAsking] = useState(false);
  return (
    <section aria-label={words.signOutTitle}>
      <h3>{words.signOutTitle}</h3>
      <p className="hint">{words.signOutHint}</p>
      <div className="actions start">
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          {words.signOut(name)}
        </button>
      </div>
      {asking ? (
        <ConfirmDialog
          title={words.signOut(name)}
          confirmLabel={words.signOutConfirm}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void call('data:clear-sessions', { workspaceId }).then((cleared) => {
              if (cleared) inform(words.signedOut(name));
            });
          }}
        >
          <p>{words.signOutBody}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function repairKey(repair: Repair): string {
  return JSON.stringify(repair);
}

function DataHealth() {
  const { call } = useFlowDesk();
  const words = strings.pages.data;
  const id = useId();
  const [report, setReport] = useState<IntegrityReport | undefined>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const run = <T,>(work: Promise<T>) => {
    setBusy(true);
    return work.finally(() => setBusy(false));
  };
  const repairable = report?.issues.filter((issue) => issue.repair) ?? [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{words.healthTitle}</h3>
      <p className="hint">{words.healthHint}</p>
      <div className="actions start">
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(call('data:check', undefined)).then((checked) => {
              setOutcome(undefined);
              setChosen(new Set());
              setReport(checked);
            })
          }
        >
          {words.check}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(call('data:cleanup', undefined)).then((cleaned) => {
              if (!cleaned) return;
              setOutcome(
                cleaned.removed.length === 0
                  ? words.nothingToClean
                  : words.cleaned(cleaned.removed.length, formatBytes(cleaned.bytesFreed)),
              );
            })
          }
        >
          {words.cleanup}
        </button>
      </div>
      {busy ? <progress aria-label={words.working} /> : null}
      {outcome ? <p role="status">{outcome}</p> : null}
      {report ? (
        report.issues.length === 0 ? (
          <p role="status" className="empty">
            {words.allGood(report.workspaces, report.services)}
          </p>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const repairs = repairable
                .map((issue) => issue.repair!)
                .filter((repair) => chosen.has(repairKey(repair)));
              if (repairs.length === 0) return;
              void run(call('data:repair', { repairs })).then((repaired) => {
                if (!repaired) return;
                setReport(repaired.report);
                setChosen(new Set());
                setOutcome(words.repaired(repaired.applied, formatBytes(repaired.bytesFreed)));
              });
            }}
          >
            <ul className="issue-list" aria-label={words.issues}>
              {report.issues.map((issue) => {
                const key = issue.repair ? repairKey(issue.repair) : undefined;
                return (
                  <li key={`${issue.code}-${issue.message}`} className={`issue ${issue.severity}`}>
                    {key ? (
                      <label>
                        <input
                          type="checkbox"
                          checked={chosen.has(key)}
                          onChange={(event) =>
                            setChosen((known) => {
                              const next = new Set(known);
                              if (event.target.checked) next.add(key);
                              else next.delete(key);
                              return next;
                            })
                          }
                        />
                        {words.severity[issue.severity]}: {issue.message}
                      </label>
                    ) : (
                      <span>
                        {words.severity[issue.severity]}: {issue.message}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            {repairable.length > 0 ? (
              <div className="actions start">
                <button type="submit" disabled={busy || chosen.size === 0}>
                  {words.repair}
                </button>
              </div>
            ) : null}
          </form>
        )
      ) : null}
    </section>
  );
}
