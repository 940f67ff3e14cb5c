import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type {
  AppLockState,
  DownloadEntry,
  FlowDeskBridge,
  IpcChannel,
  IpcEvent,
  IpcRequestInput,
  IpcResponse,
  LicenseStatus,
  UpdateStatus,
  ViewState,
} from '@flowdesk/shared/ipc';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

export type Notice = IpcEvent<'notice'>;
export type PermissionQuestion = IpcEvent<'permission:requested'>;
export type ScreenShareQuestion = IpcEvent<'screen-share:requested'>;

/**
 * Calls the main process. On failure the message is shown in the app's alert area and the
 * promise resolves undefined, so callers keep what the user typed and never crash.
 */
export type Call = <C extends IpcChannel>(
  channel: C,
  request: IpcRequestInput<C>,
) => Promise<IpcResponse<C> | undefined>;

export interface FlowDeskState {
  store: WorkspaceStore | undefined;
  /** Why the store could not be read; the UI offers to try again. */
  loadError: string | undefined;
  views: Readonly<Record<string, ViewState>>;
  /** Newest first, as the main process keeps them. */
  downloads: readonly DownloadEntry[];
  /** The app lock; while locked the UI shows only the lock screen. */
  lock: AppLockState | undefined;
  /** The license: plan, state, what fallback mode locks; read after the first screen. */
  license: LicenseStatus | undefined;
  /** Automatic updates: checking, downloading (with progress), ready to restart. */
  updates: UpdateStatus | undefined;
  notices: Notice[];
  questions: PermissionQuestion[];
  /** Pages waiting for the user to pick a screen or window, oldest first. */
  screenShares: ScreenShareQuestion[];
  /** The last failed action's message, shown until the next action succeeds. */
  actionError: string | undefined;
  call: Call;
  reload: () => void;
  dismissNotice: (id: string) => void;
  dismissError: () => void;
  answered: (requestId: string) => void;
  /** The list after `downloads:clear`: the main process sends no event for removed entries. */
  clearedFinishedDownloads: () => void;
  /** A short confirmation ("Link copied.") shown as a status notice. */
  inform: (message: string) => void;
}

function askFirstScreen(api: FlowDeskBridge) {
  return {
    lockStatus: api.invoke('lock:status', undefined),
    loaded: Promise.all([
      api.invoke('state:get', undefined),
      api.invoke('views:list-states', undefined),
      api.invoke('downloads:list', undefined),
    ]),
  };
}

let prefetched: ReturnType<typeof askFirstScreen> | undefined;

/**
 * Asks the main process for the first screen's data while the UI is still starting, so the
 * answers are on their way before React has rendered anything. Used once, by the first mount.
 */
export function prefetchFirstScreen(api: FlowDeskBridge = window.flowdesk): void {
  prefetched ??= askFirstScreen(api);
}

function takePrefetched() {
  const taken = prefetched;
  prefetched = undefined;
  return taken;
}

/** All app state comes from the main process through window.flowdesk; nothing else is kept. */
export function useFlowDeskState(): FlowDeskState {
  const [store, setStore] = useState<WorkspaceStore | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [views, setViews] = useState<Record<string, ViewState>>({});
  const [downloads, setDownloads] = useState<DownloadEntry[]>([]);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [questions, setQuestions] = useState<PermissionQuestion[]>([]);
  const [screenShares, setScreenShares] = useState<ScreenShareQuestion[]>([]);
  const [actionError, setActionError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [lock, setLock] = useState<AppLockState | undefined>();
  const [license, setLicense] = useState<LicenseStatus | undefined>();
  const [updates, setUpdates] = useState<UpdateStatus | undefined>();
  const wasLocked = useRef(false);

  useEffect(() => {
    const api = window.flowdesk;
    let current = true;
    setLoadError(undefined);
    // Everything the first screen needs, asked at once (and before React started, on the first
    // attempt: see prefetchFirstScreen). While locked the main process refuses all but the lock
    // status; those answers are dropped.
    const { lockStatus, loaded } = takePrefetched() ?? askFirstScreen(api);
    const show = ([state, viewStates, downloadList]: Awaited<typeof loaded>) => {
      if (!current) return;
      if (state.ok) setStore(state.value);
      else setLoadError(state.error.message);
      if (viewStates.ok) {
        setViews(Object.fromEntries(viewStates.value.map((view) => [view.serviceId, view])));
      }
      if (downloadList.ok) setDownloads(downloadList.value);
      // Not needed to draw the first screen: asked once it is up.
      void api.invoke('license:status', undefined).then((answer) => {
        if (current && answer.ok) setLicense(answer.value);
      });
      void api.invoke('updates:status', undefined).then((answer) => {
        if (current && answer.ok) setUpdates(answer.value);
      });
    };
    void lockStatus.then((answer) => {
      if (!current) return;
      if (answer.ok) {
        wasLocked.current = answer.value.locked;
        setLock(answer.value);
      }
      if (!answer.ok || !answer.value.locked) void loaded.then(show);
    });
    const offs = [
      api.on('state:changed', setStore),
      api.on('view:state', (state) =>
        setViews((known) => ({ ...known, [state.serviceId]: state })),
      ),
      api.on('notice', (notice) =>
        setNotices((known) => [...known.filter((n) => n.id !== notice.id), notice]),
      ),
      api.on('download:changed', (entry) =>
        setDownloads((known) =>
          known.some((download) => download.id === entry.id)
            ? known.map((download) => (download.id === entry.id ? entry : download))
            : [entry, ...known],
        ),
      ),
      api.on('permission:requested', (question) => setQuestions((known) => [...known, question])),
      api.on('screen-share:requested', (question) =>
        setScreenShares((known) => [...known, question]),
      ),
      api.on('screen-share:ended', ({ requestId }) =>
        setScreenShares((known) => known.filter((question) => question.requestId !== requestId)),
      ),
      api.on('license:changed', setLicense),
      api.on('updates:changed', setUpdates),
      api.on('lock:changed', (status) => {
        // Unlocked again: read everything afresh.
        if (wasLocked.current && !status.locked) setAttempt((count) => count + 1);
        wasLocked.current = status.locked;
        setLock(status);
      }),
    ];
    return () => {
      current = false;
      offs.forEach((off) => off());
    };
  }, [attempt]);

  // Stable, so a dialog can clear an earlier error once when it opens.
  const dismissError = useCallback(() => setActionError(undefined), []);

  const call = useCallback<Call>(async (channel, request) => {
    const answer = await window.flowdesk.invoke(channel, request);
    if (answer.ok) {
      setActionError(undefined);
      return answer.value;
    }
    setActionError(answer.error.message);
    return undefined;
  }, []);

  return {
    store,
    loadError,
    views,
    downloads,
    lock,
    license,
    updates,
    notices,
    questions,
    screenShares,
    actionError,
    call,
    reload: () => setAttempt((count) => count + 1),
    dismissNotice: (id) => setNotices((known) => known.filter((notice) => notice.id !== id)),
    dismissError,
    answered: (requestId) =>
      setQuestions((known) => known.filter((question) => question.requestId !== requestId)),
    clearedFinishedDownloads: () =>
      setDownloads((known) => known.filter((download) => download.finishedAt === undefined)),
    inform: (message) =>
      setNotices((known) => [
        ...known.filter((notice) => notice.code !== 'UI_INFO'),
        { id: `info-${Date.now().toString(36)}`, level: 'info', code: 'UI_INFO', message },
      ]),
  };
}

export const FlowDeskContext = createContext<FlowDeskState | undefined>(undefined);

export function useFlowDesk(): FlowDeskState {
  const state = useContext(FlowDeskContext);
  if (!state) throw new Error('useFlowDesk is used outside the app.');
  return state;
}
