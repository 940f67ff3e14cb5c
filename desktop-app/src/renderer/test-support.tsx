import { configure, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { createInPageBackend } from '../../test/support/in-page-backend';
import type { InPageBackendOptions } from '../../test/support/in-page-backend';
import { temporaryBackups } from '../../test/support/temporary-backups';
import { FlowDeskContext, useFlowDesk, useFlowDeskState } from './state/use-flowdesk';

// The suite runs beside browser tests on two cores: give findBy/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });

/**
 * Renders a piece of the UI against the in-page implementation of window.flowdesk (the real
 * main-process handlers with memory in place of files), as the app would run it.
 */
export function renderWithBackend(ui: ReactElement, options: InPageBackendOptions = {}) {
  const backend = createInPageBackend(options);
  Object.defineProperty(window, 'flowdesk', { value: backend.bridge, configurable: true });
  function Provider({ children }: { children: ReactNode }) {
    const state = useFlowDeskState();
    return <FlowDeskContext.Provider value={state}>{children}</FlowDeskContext.Provider>;
  }
  return { backend, ...render(ui, { wrapper: Provider }) };
}

/** Like renderWithBackend, with the notices the app shell shows (what `inform` says). */
export function renderWithNotices(ui: ReactElement, options: InPageBackendOptions = {}) {
  function Shell() {
    const { notices } = useFlowDesk();
    return (
      <>
        {notices.map((notice) => (
          <p key={notice.id}>{notice.message}</p>
        ))}
        {ui}
      </>
    );
  }
  return renderWithBackend(<Shell />, options);
}

const dataFolders: ReturnType<typeof temporaryBackups>[] = [];

/** Removes the folders renderWithDataFolder made (call after each test). */
export function removeDataFolders() {
  dataFolders.splice(0).forEach((folder) => folder.remove());
}

/**
 * Renders a page that works on files (backups, export/import) with the real modules over a
 * temporary folder, inside the bits of the app shell it relies on: the action error and notices.
 */
export function renderWithDataFolder(
  page: (store: WorkspaceStore) => ReactElement,
  initial: WorkspaceStore,
) {
  const folder = temporaryBackups();
  dataFolders.push(folder);
  function Live() {
    const { store, actionError, notices } = useFlowDesk();
    if (!store) return null;
    return (
      <>
        {actionError ? <p role="alert">{actionError}</p> : null}
        {notices.map((notice) => (
          <p key={notice.id}>{notice.message}</p>
        ))}
        {page(store)}
      </>
    );
  }
  return {
    folder,
    ...renderWithBackend(<Live />, {
      initial,
      backupsFor: folder.backupsFor,
      dataFor: folder.dataFor,
    }),
  };
}
