import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CUSTOM_SERVICE_ID, readableForeground, searchCatalog } from '@flowdesk/shared/catalog';
import type { IpcEvent, ViewState } from '@flowdesk/shared/ipc';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { QuickSwitcher } from './QuickSwitcher';
import { shortcutFor } from './shortcuts';
import { strings } from './strings';

type Notice = IpcEvent<'notice'>;
type Theme = WorkspaceStore['settings']['theme'];
const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
type PermissionQuestion = IpcEvent<'permission:requested'>;

/**
 * The minimal app UI of the desktop issue: workspaces, their services, add / remove / switch,
 * notices and permission questions. The full UI (catalog browser, quick switcher, settings) is
 * its own issue; this one already talks to the main process only through window.flowdesk.
 */
export function App() {
  const [store, setStore] = useState<WorkspaceStore | undefined>();
  const [views, setViews] = useState<Record<string, ViewState>>({});
  const [notices, setNotices] = useState<Notice[]>([]);
  const [questions, setQuestions] = useState<PermissionQuestion[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [switcherOpen, setSwitcherOpen] = useState(false);

  useEffect(() => {
    const api = window.flowdesk;
    void api
      .invoke('state:get', undefined)
      .then((answer) => (answer.ok ? setStore(answer.value) : setError(answer.error.message)));
    void api.invoke('views:list-states', undefined).then((answer) => {
      if (answer.ok)
        setViews(Object.fromEntries(answer.value.map((state) => [state.serviceId, state])));
    });
    const offs = [
      api.on('state:changed', setStore),
      api.on('view:state', (state) =>
        setViews((current) => ({ ...current, [state.serviceId]: state })),
      ),
      api.on('notice', (notice) =>
        setNotices((current) => [...current.filter((n) => n.id !== notice.id), notice]),
      ),
      api.on('permission:requested', (question) =>
        setQuestions((current) => [...current, question]),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  const active = store?.workspaces.find((workspace) => workspace.id === store.activeWorkspaceId);
  const theme = store?.settings.theme ?? 'system';

  useEffect(() => {
    // 'system' follows the OS through prefers-color-scheme; light and dark override it.
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const activateService = (serviceId: string) => {
    setSwitcherOpen(false);
    void run(window.flowdesk.invoke('views:activate', { serviceId }));
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || !store) return;
      event.preventDefault();
      if (shortcut.kind === 'quick-switcher') setSwitcherOpen(true);
      else if (shortcut.kind === 'service') {
        const service = active?.services[shortcut.index];
        if (service) activateService(service.id);
      } else {
        const workspace = store.workspaces[shortcut.index];
        if (workspace)
          void run(window.flowdesk.invoke('workspaces:activate', { workspaceId: workspace.id }));
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const run = async (action: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const answer = await action;
    setError(answer.ok ? undefined : answer.error?.message);
    return answer.ok;
  };

  return (
    <div className="app">
      <nav className="workspaces" aria-label={strings.workspacesLabel}>
        {store?.workspaces.map((workspace) => (
          <button
            key={workspace.id}
            className={workspace.id === active?.id ? 'workspace active' : 'workspace'}
            style={{ backgroundColor: workspace.color, color: readableForeground(workspace.color) }}
            title={workspace.name}
            aria-current={workspace.id === active?.id}
            onClick={() =>
              void run(window.flowdesk.invoke('workspaces:activate', { workspaceId: workspace.id }))
            }
          >
            {workspace.icon ?? workspace.name.slice(0, 2).toUpperCase()}
          </button>
        ))}
        <NewWorkspace
          onCreate={(name) => run(window.flowdesk.invoke('workspaces:create', { name }))}
        />
        <button
          className="theme"
          aria-label={strings.theme(strings.themeNames[theme])}
          title={strings.theme(strings.themeNames[theme])}
          onClick={() =>
            void run(window.flowdesk.invoke('settings:update', { theme: NEXT_THEME[theme] }))
          }
        >
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
        </button>
      </nav>

      <aside className="services" aria-label={strings.servicesLabel}>
        {active ? (
          <>
            <h1>{active.name}</h1>
            <DeleteWorkspace
              key={active.id}
              name={active.name}
              serviceCount={active.services.length}
              onDelete={() =>
                void run(
                  window.flowdesk.invoke('workspaces:remove', {
                    workspaceId: active.id,
                    clearData: true,
                  }),
                )
              }
            />
            <ul>
              {active.services.map((service) => {
                const view = views[service.id];
                return (
                  <li
                    key={service.id}
                    className={service.id === active.activeServiceId ? 'service active' : 'service'}
                  >
                    <button
                      className="open"
                      onClick={() =>
                        void run(
                          window.flowdesk.invoke('views:activate', { serviceId: service.id }),
                        )
                      }
                    >
                      <span className="name">{service.name}</span>
                      <span className="state">
                        {strings.viewStates[view?.state ?? 'not-loaded']}
                      </span>
                      {view?.unread ? <span className="badge">{view.unread}</span> : null}
                    </button>
                    <button
                      className="remove"
                      aria-label={strings.removeService(service.name)}
                      onClick={() => {
                        if (
                          window.confirm(strings.confirmRemoveService(service.name, active.name))
                        ) {
                          void run(
                            window.flowdesk.invoke('services:remove', {
                              serviceId: service.id,
                              clearData: false,
                            }),
                          );
                        }
                      }}
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
            <AddService
              onAdd={(service) =>
                run(window.flowdesk.invoke('services:add', { workspaceId: active.id, service }))
              }
            />
          </>
        ) : (
          <p className="empty">{strings.noWorkspace}</p>
        )}
        {/* In this column, not over the content: the service page covers that area. */}
        <div className="overlays">
          {error ? (
            <div role="alert" className="notice error">
              {error}
            </div>
          ) : null}
          {notices.map((notice) => (
            <div key={notice.id} role="status" className={`notice ${notice.level}`}>
              {notice.message}
              <button
                onClick={() => setNotices((current) => current.filter((n) => n.id !== notice.id))}
              >
                {strings.dismiss}
              </button>
            </div>
          ))}
          {questions.map((question) => (
            <PermissionPrompt
              key={question.requestId}
              question={question}
              serviceName={
                store?.workspaces
                  .flatMap((w) => w.services)
                  .find((s) => s.id === question.serviceId)?.name ?? strings.aServiceFallback
              }
              onAnswer={(decision, remember) => {
                setQuestions((current) =>
                  current.filter((q) => q.requestId !== question.requestId),
                );
                void window.flowdesk.invoke('permissions:decide', {
                  requestId: question.requestId,
                  decision,
                  remember,
                });
              }}
            />
          ))}
        </div>
      </aside>

      {switcherOpen && store ? (
        <QuickSwitcher
          store={store}
          onPick={activateService}
          onClose={() => setSwitcherOpen(false)}
        />
      ) : null}
      <main className="content">
        <ContentArea hasService={Boolean(active?.activeServiceId)} />
      </main>
    </div>
  );
}

/** Reports where the service page should appear, so the main process can lay its view there. */
function ContentArea({ hasService }: { hasService: boolean }) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const report = () => {
      const box = element.getBoundingClientRect();
      const bounds = {
        x: Math.round(box.x),
        y: Math.round(box.y),
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
      void window.flowdesk.invoke(
        'views:set-content-bounds',
        hasService ? bounds : { ...bounds, width: 0, height: 0 },
      );
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [hasService]);
  return (
    <div ref={area} className="content-area">
      {hasService ? null : <p className="empty">{strings.noService}</p>}
    </div>
  );
}

function NewWorkspace({ onCreate }: { onCreate: (name: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await onCreate(name)) {
      setName('');
      setOpen(false);
    }
  };
  return open ? (
    <form className="new-workspace" onSubmit={(event) => void submit(event)}>
      <input
        autoFocus
        aria-label={strings.workspaceName}
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder={strings.workspaceNamePlaceholder}
      />
    </form>
  ) : (
    <button
      className="workspace add"
      aria-label={strings.newWorkspace}
      onClick={() => setOpen(true)}
    >
      +
    </button>
  );
}

function AddService({
  onAdd,
}: {
  onAdd: (service: { type: string; url?: string; name?: string }) => Promise<boolean>;
}) {
  const [query, setQuery] = useState('');
  const [url, setUrl] = useState('');
  const matches = useMemo(
    () => searchCatalog(query, { limit: 6 }).filter((entry) => entry.availability === 'web'),
    [query],
  );
  const addCustom = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await onAdd({
        type: CUSTOM_SERVICE_ID,
        url,
        name: new URL(url.includes('://') ? url : `https://${url}`).hostname,
      })
    )
      setUrl('');
  };
  return (
    <section className="add-service" aria-label={strings.addServiceLabel}>
      <input
        aria-label={strings.searchServices}
        placeholder={strings.searchServicesPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query ? (
        <ul>
          {matches.map((entry) => (
            <li key={entry.id}>
              <button
                onClick={() =>
                  void onAdd({ type: entry.id }).then((added) => added && setQuery(''))
                }
              >
                {entry.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => void addCustom(event).catch(() => undefined)}>
        <input
          aria-label={strings.customAddress}
          placeholder={strings.customAddressPlaceholder}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </form>
    </section>
  );
}

/** "Slack wants to use your camera": allow once, always allow (remembered) or deny (remembered). */
function PermissionPrompt({
  question,
  serviceName,
  onAnswer,
}: {
  question: PermissionQuestion;
  serviceName: string;
  onAnswer: (decision: 'granted' | 'denied', remember: boolean) => void;
}) {
  return (
    <div role="alertdialog" aria-label={strings.permissionRequest} className="notice prompt">
      <p>
        {strings.permissionQuestion(
          serviceName,
          question.origin,
          strings.permissionWords[question.permission] ?? question.permission,
        )}
      </p>
      <button onClick={() => onAnswer('denied', true)}>{strings.deny}</button>
      <button onClick={() => onAnswer('granted', false)}>{strings.allowOnce}</button>
      <button onClick={() => onAnswer('granted', true)}>{strings.alwaysAllow}</button>
    </div>
  );
}

/** Names what deleting a workspace removes before it happens. */
function DeleteWorkspace({
  name,
  serviceCount,
  onDelete,
}: {
  name: string;
  serviceCount: number;
  onDelete: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button className="delete-workspace" onClick={() => setAsking(true)}>
        {strings.deleteWorkspace}
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-label={strings.deleteWorkspaceTitle(name)}
      className="notice warning"
    >
      <p>{strings.deleteWorkspaceQuestion(name, serviceCount)}</p>
      <p>{strings.backupFirst}</p>
      <button autoFocus onClick={() => setAsking(false)}>
        {strings.cancel}
      </button>
      <button onClick={onDelete}>{strings.deleteWorkspaceConfirm(name)}</button>
    </div>
  );
}
