import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { shortcutFor } from '@flowdesk/shared/ipc';
import type { KeyLike, Shortcut } from '@flowdesk/shared/ipc';
import { ConfirmDialog } from './components/ConfirmDialog';
import { FindBar } from './components/FindBar';
import { LockScreen } from './components/LockScreen';
import { PermissionPrompt } from './components/PermissionPrompt';
import { ServiceList } from './components/ServiceList';
import type { ServiceActions } from './components/ServiceList';
import { WorkspaceRail } from './components/WorkspaceRail';
import type { WorkspaceActions } from './components/WorkspaceRail';
import type { SettingsSection } from './pages/SettingsPage';
import { licenseBannerText } from './state/license-banner';
import { rememberRecent, stepRecent } from './state/order';
import { CoverContext } from './state/overlay';
import { FlowDeskContext, useFlowDeskState } from './state/use-flowdesk';
import type { FlowDeskState } from './state/use-flowdesk';
import { strings } from './strings';

// Loaded when first opened: the first screen needs only the sidebar (startup, issue 4 target).
const AddServiceDialog = lazy(() =>
  import('./components/AddServiceDialog').then((module) => ({ default: module.AddServiceDialog })),
);
const DownloadsDialog = lazy(() =>
  import('./components/DownloadsDialog').then((module) => ({ default: module.DownloadsDialog })),
);
const HelpSheet = lazy(() =>
  import('./components/HelpSheet').then((module) => ({ default: module.HelpSheet })),
);
const ScreenSharePicker = lazy(() =>
  import('./components/ScreenSharePicker').then((module) => ({
    default: module.ScreenSharePicker,
  })),
);
const WorkspaceDialog = lazy(() =>
  import('./components/WorkspaceDialogs').then((module) => ({ default: module.WorkspaceDialog })),
);
const DeleteWorkspaceDialog = lazy(() =>
  import('./components/WorkspaceDialogs').then((module) => ({
    default: module.DeleteWorkspaceDialog,
  })),
);
const ServiceSettings = lazy(() =>
  import('./pages/ServiceSettings').then((module) => ({ default: module.ServiceSettings })),
);
const SettingsPage = lazy(() =>
  import('./pages/SettingsPage').then((module) => ({ default: module.SettingsPage })),
);
const QuickSwitcher = lazy(() =>
  import('./QuickSwitcher').then((module) => ({ default: module.QuickSwitcher })),
);

type Route =
  | { page: 'service' }
  | { page: 'settings'; section: SettingsSection }
  | { page: 'service-settings'; serviceId: string };

type Modal =
  | { kind: 'add-service' }
  | { kind: 'new-workspace' }
  | { kind: 'edit-workspace'; workspaceId: string }
  | { kind: 'delete-workspace'; workspaceId: string }
  | { kind: 'remove-service'; serviceId: string }
  | { kind: 'clear-data'; serviceId: string }
  | { kind: 'help' }
  | { kind: 'downloads' }
  | { kind: 'quick-switcher' };

/**
 * The app UI: workspaces rail, the active workspace's services, the service page area (or a
 * settings page), dialogs, and the notices and permission questions the main process sends.
 * Everything it knows comes from window.flowdesk.
 */
export function App() {
  const state = useFlowDeskState();
  return (
    <FlowDeskContext.Provider value={state}>
      <AppShell state={state} />
    </FlowDeskContext.Provider>
  );
}

function AppShell({ state }: { state: FlowDeskState }) {
  const { store, views, call } = state;
  const [route, setRoute] = useState<Route>({ page: 'service' });
  const [modal, setModal] = useState<Modal | undefined>();
  const [findIn, setFindIn] = useState<string | undefined>();
  const [recent, setRecent] = useState<string[]>([]);
  const [covers, setCovers] = useState(0);
  const cover = useCallback((delta: number) => setCovers((count) => count + delta), []);

  // Start-up phase "UI interactive": the first screen (workspaces or lock screen) is drawn.
  const firstScreenDrawn = Boolean(store) || Boolean(state.lock?.locked);
  const uiReadySent = useRef(false);
  useEffect(() => {
    if (firstScreenDrawn && !uiReadySent.current) {
      uiReadySent.current = true;
      void window.flowdesk.invoke('app:ui-ready', undefined);
    }
  }, [firstScreenDrawn]);

  const theme = store?.settings.theme ?? 'system';
  useEffect(() => {
    // 'system' follows the OS through prefers-color-scheme; light and dark override it.
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const active = store?.workspaces.find((workspace) => workspace.id === store.activeWorkspaceId);
  const activeServiceId = active?.activeServiceId ?? undefined;
  const allServices = useMemo(
    () =>
      store?.workspaces.flatMap((workspace) =>
        workspace.services.map((service) => ({ workspace, service })),
      ) ?? [],
    [store],
  );
  const findService = (serviceId: string) =>
    allServices.find((entry) => entry.service.id === serviceId);

  useEffect(() => {
    if (!activeServiceId) return;
    const known = new Set(allServices.map((entry) => entry.service.id));
    setRecent((list) => rememberRecent(list, activeServiceId, known));
  }, [activeServiceId, allServices]);

  const openService = (serviceId: string) => {
    setModal(undefined);
    setRoute({ page: 'service' });
    void call('views:activate', { serviceId });
  };

  const runShortcut = (shortcut: Shortcut) => {
    if (!store) return;
    switch (shortcut.kind) {
      case 'quick-switcher':
        setModal({ kind: 'quick-switcher' });
        return;
      case 'help':
        setModal({ kind: 'help' });
        return;
      case 'settings':
        setRoute({ page: 'settings', section: 'general' });
        return;
      case 'service': {
        const service = active?.services[shortcut.index];
        if (service) openService(service.id);
        return;
      }
      case 'workspace': {
        const workspace = store.workspaces[shortcut.index];
        if (workspace) void call('workspaces:activate', { workspaceId: workspace.id });
        return;
      }
      case 'recent': {
        const next = stepRecent(recent, activeServiceId, shortcut.step);
        if (next) openService(next);
        return;
      }
      case 'find':
        if (activeServiceId && route.page === 'service') setFindIn(activeServiceId);
        return;
      case 'zoom':
        if (activeServiceId)
          void call('views:zoom', { serviceId: activeServiceId, direction: shortcut.direction });
    }
  };
  // The latest closure, for listeners registered once.
  const shortcutHandler = useRef(runShortcut);
  shortcutHandler.current = runShortcut;
  const modalOpen = modal !== undefined;

  useEffect(() => {
    const onKey = (event: KeyLike & { preventDefault(): void }) => {
      const shortcut = shortcutFor(event);
      if (!shortcut || modalOpen) return;
      event.preventDefault();
      shortcutHandler.current(shortcut);
    };
    window.addEventListener('keydown', onKey);
    // Shortcuts pressed while a service page had focus, forwarded by the main process.
    const off = window.flowdesk.on('shortcut', (key) => {
      const shortcut = shortcutFor(key);
      if (shortcut && !modalOpen) shortcutHandler.current(shortcut);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [modalOpen]);

  const workspaceActions = useMemo<WorkspaceActions>(
    () => ({
      onNew: () => setModal({ kind: 'new-workspace' }),
      onEdit: (workspaceId) => setModal({ kind: 'edit-workspace', workspaceId }),
      onDelete: (workspaceId) => setModal({ kind: 'delete-workspace', workspaceId }),
      onNotificationSettings: () => setRoute({ page: 'settings', section: 'notifications' }),
      onSettings: () => setRoute({ page: 'settings', section: 'general' }),
      onHelp: () => setModal({ kind: 'help' }),
      onDownloads: () => setModal({ kind: 'downloads' }),
    }),
    [],
  );
  const serviceActions = useMemo<ServiceActions>(
    () => ({
      onSettings: (serviceId) => setRoute({ page: 'service-settings', serviceId }),
      onFind: (serviceId) => {
        setRoute({ page: 'service' });
        void call('views:activate', { serviceId });
        setFindIn(serviceId);
      },
      onRemove: (serviceId) => setModal({ kind: 'remove-service', serviceId }),
      onClearData: (serviceId) => setModal({ kind: 'clear-data', serviceId }),
    }),
    [call],
  );

  if (state.lock?.locked) return <LockScreen />;
  if (!store) {
    return (
      <div className="app loading">
        {state.loadError ? (
          <div role="alert" className="notice error">
            <p>{strings.loadFailed(state.loadError)}</p>
            <button type="button" onClick={state.reload}>
              {strings.retry}
            </button>
          </div>
        ) : (
          <p role="status">{strings.loading}</p>
        )}
      </div>
    );
  }

  const settingsService =
    route.page === 'service-settings' ? findService(route.serviceId) : undefined;
  const modalService =
    modal?.kind === 'remove-service' || modal?.kind === 'clear-data'
      ? findService(modal.serviceId)
      : undefined;
  const modalWorkspace =
    modal?.kind === 'edit-workspace' || modal?.kind === 'delete-workspace'
      ? store.workspaces.find((workspace) => workspace.id === modal.workspaceId)
      : undefined;
  const showFind = findIn !== undefined && findIn === activeServiceId && route.page === 'service';
  const licenseBanner = licenseBannerText(state.license);

  return (
    <CoverContext.Provider value={cover}>
      <div className="app">
        <WorkspaceRail store={store} views={views} actions={workspaceActions} />

        <aside className="services" aria-label={strings.servicesLabel}>
          {active ? (
            <>
              <header className="services-header">
                <h1>{active.name}</h1>
              </header>
              <ServiceList workspace={active} views={views} actions={serviceActions} />
              <button
                type="button"
                className="add-service-button"
                onClick={() => setModal({ kind: 'add-service' })}
              >
                + {strings.addService}
              </button>
            </>
          ) : (
            <p className="empty">{strings.noWorkspace}</p>
          )}
          {/* In this column, not over the content: the service page covers that area. */}
          <div className="overlays">
            {licenseBanner ? (
              <div role="status" className="notice warning license-banner">
                {licenseBanner}
                <button
                  type="button"
                  onClick={() => setRoute({ page: 'settings', section: 'license' })}
                >
                  {strings.licenseBanner.open}
                </button>
              </div>
            ) : null}
            {state.updates?.phase === 'ready' ? (
              <div role="status" className="notice info update-banner">
                {strings.updates.banner(state.updates.availableVersion ?? '')}
                <button type="button" onClick={() => void state.call('updates:install', undefined)}>
                  {strings.updates.restart}
                </button>
              </div>
            ) : null}
            {state.actionError ? (
              <div role="alert" className="notice error">
                {state.actionError}
                <button type="button" onClick={state.dismissError}>
                  {strings.dismiss}
                </button>
              </div>
            ) : null}
            {state.notices.map((notice) => (
              <div key={notice.id} role="status" className={`notice ${notice.level}`}>
                {notice.message}
                <button type="button" onClick={() => state.dismissNotice(notice.id)}>
                  {strings.dismiss}
                </button>
              </div>
            ))}
            {state.questions.map((question) => (
              <PermissionPrompt
                key={question.requestId}
                question={question}
                serviceName={
                  findService(question.serviceId)?.service.name ?? strings.aServiceFallback
                }
                onAnswer={(decision, remember) => {
                  state.answered(question.requestId);
                  void call('permissions:decide', {
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
          {showFind ? <FindBar serviceId={findIn} onClose={() => setFindIn(undefined)} /> : null}
          <ContentArea visible={Boolean(activeServiceId) && covers === 0} />
          <Suspense
            fallback={
              <p role="status" className="page">
                {strings.loadingPage}
              </p>
            }
          >
            {route.page === 'settings' ? (
              <SettingsPage
                store={store}
                section={route.section}
                onSection={(section) => setRoute({ page: 'settings', section })}
                onClose={() => setRoute({ page: 'service' })}
              />
            ) : null}
            {settingsService ? (
              <ServiceSettings
                key={settingsService.service.id}
                workspace={settingsService.workspace}
                service={settingsService.service}
                view={views[settingsService.service.id]}
                onClearData={() =>
                  setModal({ kind: 'clear-data', serviceId: settingsService.service.id })
                }
                onRemove={() =>
                  setModal({ kind: 'remove-service', serviceId: settingsService.service.id })
                }
                onClose={() => setRoute({ page: 'service' })}
              />
            ) : null}
          </Suspense>
        </main>

        <Suspense fallback={null}>
          {modal?.kind === 'quick-switcher' ? (
            <QuickSwitcher store={store} onPick={openService} onClose={() => setModal(undefined)} />
          ) : null}
          {modal?.kind === 'help' ? <HelpSheet onClose={() => setModal(undefined)} /> : null}
          {/* A page asking to share the screen comes before anything else the user was doing. */}
          {state.screenShares[0] ? (
            <ScreenSharePicker
              key={state.screenShares[0].requestId}
              question={state.screenShares[0]}
              serviceName={
                findService(state.screenShares[0].serviceId)?.service.name ??
                strings.aServiceFallback
              }
            />
          ) : null}
          {modal?.kind === 'downloads' ? (
            <DownloadsDialog store={store} onClose={() => setModal(undefined)} />
          ) : null}
          {modal?.kind === 'add-service' && active ? (
            <AddServiceDialog
              workspace={active}
              defaultIsolation={store.settings.defaultIsolation}
              onClose={() => setModal(undefined)}
            />
          ) : null}
          {modal?.kind === 'new-workspace' ? (
            <WorkspaceDialog onClose={() => setModal(undefined)} />
          ) : null}
          {modal?.kind === 'edit-workspace' && modalWorkspace ? (
            <WorkspaceDialog workspace={modalWorkspace} onClose={() => setModal(undefined)} />
          ) : null}
          {modal?.kind === 'delete-workspace' && modalWorkspace ? (
            <DeleteWorkspaceDialog
              workspace={modalWorkspace}
              onBackups={() => {
                setModal(undefined);
                setRoute({ page: 'settings', section: 'backups' });
              }}
              onClose={() => setModal(undefined)}
            />
          ) : null}
          {modal?.kind === 'remove-service' && modalService ? (
            <ConfirmDialog
              title={strings.removeService(modalService.service.name)}
              confirmLabel={strings.removeService(modalService.service.name)}
              onCancel={() => setModal(undefined)}
              onConfirm={() => {
                setModal(undefined);
                if (route.page === 'service-settings') setRoute({ page: 'service' });
                void call('services:remove', {
                  serviceId: modalService.service.id,
                  clearData: true,
                });
              }}
            >
              <p>
                {strings.confirmRemoveService(
                  modalService.service.name,
                  modalService.workspace.name,
                )}
              </p>
            </ConfirmDialog>
          ) : null}
          {modal?.kind === 'clear-data' && modalService ? (
            <ConfirmDialog
              title={strings.clearData}
              confirmLabel={strings.clearData.replace('…', '')}
              onCancel={() => setModal(undefined)}
              onConfirm={() => {
                setModal(undefined);
                void call('views:clear-data', { serviceId: modalService.service.id });
              }}
            >
              <p>{strings.confirmClearData(modalService.service.name)}</p>
            </ConfirmDialog>
          ) : null}
        </Suspense>
      </div>
    </CoverContext.Provider>
  );
}

/**
 * Reports where the service page should appear, so the main process lays its view there; when
 * hidden (a dialog or settings page is open, or no service) the view gets no room at all.
 */
function ContentArea({ visible }: { visible: boolean }) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const report = () => {
      const box = element.getBoundingClientRect();
      const bounds = {
        x: Math.max(0, Math.round(box.x)),
        y: Math.max(0, Math.round(box.y)),
        width: Math.round(box.width),
        height: Math.round(box.height),
      };
      void window.flowdesk.invoke(
        'views:set-content-bounds',
        visible ? bounds : { ...bounds, width: 0, height: 0 },
      );
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={area} className="content-area">
      {visible ? null : <p className="empty">{strings.noService}</p>}
    </div>
  );
}
