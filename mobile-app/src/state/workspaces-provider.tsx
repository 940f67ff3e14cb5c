import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import type { Result } from '@flowdesk/shared/core';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import type {
  ConflictChoice,
  ImportPreview,
  ImportResult,
  UnreadBadge,
  WorkspaceStore,
} from '@flowdesk/shared/workspace';
import type { WorkspaceRepository } from '../storage/workspace-repository';
import { addService, addWorkspace, importWorkspaces } from './workspace-editor';
import type { EditorDeps } from './workspace-editor';

/**
 * The app's workspaces for every screen (issue 11): read once from storage, changed only through
 * the editor (shared validators), and saved after each change. A save that fails is said on
 * screen; the change stays in memory and the next change saves again.
 */

export interface WorkspacesState {
  loading: boolean;
  store: WorkspaceStore;
  /** Loading or saving went wrong: what to tell the user. */
  problem?: string;
  addWorkspace: (input: unknown) => Result<{ id: string }>;
  addService: (workspaceId: string, input: unknown) => Result<{ id: string }>;
  /** Unread counts the service pages show in their titles, by service id. */
  unread: Record<string, UnreadBadge>;
  setUnread: (serviceId: string, badge: UnreadBadge) => void;
  importWorkspaces: (
    preview: ImportPreview,
    choices: Record<string, ConflictChoice>,
  ) => Result<ImportResult>;
}

const WorkspacesContext = createContext<WorkspacesState | undefined>(undefined);

export function WorkspacesProvider({
  repository,
  deps,
  children,
}: {
  repository: WorkspaceRepository;
  deps?: EditorDeps;
  children: ReactNode;
}) {
  const [loading, setLoading] = useState(true);
  const [store, setStore] = useState<WorkspaceStore>(defaultWorkspaceStore);
  const [problem, setProblem] = useState<string>();
  const [unread, setUnreadMap] = useState<Record<string, UnreadBadge>>({});
  const current = useRef(store);

  useEffect(() => {
    let live = true;
    repository.load().then(
      (loaded) => {
        if (!live) return;
        current.current = loaded.store;
        setStore(loaded.store);
        if (loaded.problem) setProblem(loaded.problem.message);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setProblem(error instanceof Error ? error.message : 'Your workspaces could not be read.');
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [repository]);

  const commit = useCallback(
    (next: WorkspaceStore) => {
      current.current = next;
      setStore(next);
      repository.save(next).then(
        () => setProblem(undefined),
        () =>
          setProblem(
            'Your change could not be saved on this phone. It is kept until the app closes; try again.',
          ),
      );
    },
    [repository],
  );

  const value = useMemo<WorkspacesState>(
    () => ({
      loading,
      store,
      ...(problem ? { problem } : {}),
      unread,
      addWorkspace(input) {
        const result = addWorkspace(current.current, input, deps);
        if (!result.ok) return result;
        commit(result.value.store);
        return { ok: true, value: { id: result.value.workspace.id } };
      },
      addService(workspaceId, input) {
        const result = addService(current.current, workspaceId, input, deps);
        if (!result.ok) return result;
        commit(result.value.store);
        return { ok: true, value: { id: result.value.service.id } };
      },
      importWorkspaces(preview, choices) {
        const imported = importWorkspaces(current.current, preview, choices, deps);
        if (!imported.ok) return imported;
        commit(imported.value.store);
        return { ok: true, value: imported.value.result };
      },
      setUnread(serviceId, badge) {
        setUnreadMap((map) =>
          map[serviceId]?.count === badge.count && map[serviceId]?.attention === badge.attention
            ? map
            : { ...map, [serviceId]: badge },
        );
      },
    }),
    [loading, store, problem, unread, commit, deps],
  );
  return <WorkspacesContext.Provider value={value}>{children}</WorkspacesContext.Provider>;
}

export function useWorkspaces(): WorkspacesState {
  const state = useContext(WorkspacesContext);
  if (!state) throw new Error('useWorkspaces needs a WorkspacesProvider around the screen.');
  return state;
}
