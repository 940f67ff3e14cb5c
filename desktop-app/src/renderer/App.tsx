import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CUSTOM_SERVICE_ID, searchCatalog } from '@flowdesk/shared/catalog';
import type { IpcEvent, ViewState } from '@flowdesk/shared/ipc';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

type Notice = IpcEvent<'notice'>;
type PermissionQuestion = IpcEvent<'permission:requested'>;

const PERMISSION_WORDS: Record<string, string> = {
  notifications: 'show notifications',
  media: 'use your camera or microphone',
  geolocation: 'know your location',
  'clipboard-read': 'read your clipboard',
  'display-capture': 'share your screen',
};

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

  const run = async (action: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const answer = await action;
    setError(answer.ok ? undefined : answer.error?.message);
    return answer.ok;
  };

  return (
    <div className="app">
      <nav className="workspaces" aria-label="Workspaces">
        {store?.workspaces.map((workspace) => (
          <button
            key={workspace.id}
            className={workspace.id === active?.id ? 'workspace active' : 'workspace'}
            style={{ backgroundColor: workspace.color }}
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
      </nav>

      <aside className="services" aria-label="Services">
        {active ? (
          <>
            <h1>{active.name}</h1>
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
                      <span className="state">{view?.state ?? 'not-loaded'}</span>
                      {view?.unread ? <span className="badge">{view.unread}</span> : null}
                    </button>
                    <button
                      className="remove"
                      aria-label={`Remove ${service.name}`}
                      onClick={() => {
                        if (window.confirm(`Remove ${service.name} from ${active.name}?`)) {
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
          <p className="empty">Create a workspace to start: the + button on the left.</p>
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
                Dismiss
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
                  .find((s) => s.id === question.serviceId)?.name ?? 'A service'
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
      {hasService ? null : (
        <p className="empty">Add a service to this workspace, then pick it on the left.</p>
      )}
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
        aria-label="Workspace name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder="Name"
      />
    </form>
  ) : (
    <button className="workspace add" aria-label="New workspace" onClick={() => setOpen(true)}>
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
    <section className="add-service" aria-label="Add a service">
      <input
        aria-label="Search services"
        placeholder="Add a service…"
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
          aria-label="Any web app address"
          placeholder="…or any address"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
      </form>
    </section>
  );
}

function PermissionPrompt({
  question,
  serviceName,
  onAnswer,
}: {
  question: PermissionQuestion;
  serviceName: string;
  onAnswer: (decision: 'granted' | 'denied', remember: boolean) => void;
}) {
  const [remember, setRemember] = useState(true);
  return (
    <div role="alertdialog" aria-label="Permission request" className="notice prompt">
      <p>
        <strong>{serviceName}</strong> ({question.origin}) wants to{' '}
        {PERMISSION_WORDS[question.permission] ?? question.permission}.
      </p>
      <label>
        <input
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />{' '}
        Remember for this service
      </label>
      <button onClick={() => onAnswer('denied', remember)}>Block</button>
      <button onClick={() => onAnswer('granted', remember)}>Allow</button>
    </div>
  );
}
