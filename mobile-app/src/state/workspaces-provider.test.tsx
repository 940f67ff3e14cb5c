import { describe, expect, it } from '@jest/globals';
import { act, render, screen, waitFor } from '@testing-library/react-native';
import { Text } from 'react-native';
import { WORKSPACES_DOCUMENT, WorkspaceRepository } from '../storage/workspace-repository';
import { memoryStorage } from '../storage/memory-storage.test-support';
import type { DocumentStorage } from '../storage/workspace-repository';
import { WorkspacesProvider, useWorkspaces } from './workspaces-provider';
import type { WorkspacesState } from './workspaces-provider';
import { previewImport } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import desktopExport from '../import/fixtures/desktop-export.json';

let state: WorkspacesState;
function Probe() {
  state = useWorkspaces();
  return <Text>{state.loading ? 'loading' : `${state.store.workspaces.length} workspaces`}</Text>;
}

describe('the workspaces every screen sees', () => {
  it('loads, saves each change, and keeps unread counts', async () => {
    const { storage, files } = memoryStorage();
    render(
      <WorkspacesProvider repository={new WorkspaceRepository(storage)}>
        <Probe />
      </WorkspacesProvider>,
    );
    await screen.findByText('0 workspaces');
    let workspaceId = '';
    act(() => {
      const created = state.addWorkspace({ name: 'Work' });
      if (created.ok) workspaceId = created.value.id;
    });
    act(() => {
      state.addService(workspaceId, { type: 'slack' });
    });
    await waitFor(() =>
      expect(
        (JSON.parse(files.get(WORKSPACES_DOCUMENT)!) as WorkspaceStore).workspaces[0]!.services,
      ).toHaveLength(1),
    );
    expect(state.addService(workspaceId, { type: 'custom-template', url: 'javascript:x' }).ok).toBe(
      false,
    );
    expect(state.addWorkspace({ name: '' }).ok).toBe(false);
    const preview = previewImport(JSON.stringify(desktopExport), state.store);
    if (!preview.ok) throw preview.error;
    act(() => {
      expect(state.importWorkspaces(preview.value, {}).ok).toBe(true);
    });
    expect(state.store.workspaces.map((workspace) => workspace.name)).toEqual([
      'Work',
      'Work',
      'Home',
    ]);
    act(() => state.setUnread('s1', { count: 2, attention: false }));
    const before = state.unread;
    act(() => state.setUnread('s1', { count: 2, attention: false }));
    expect(state.unread).toBe(before);
    expect(state.unread.s1).toEqual({ count: 2, attention: false });
  });

  it('says when the workspaces could not be read, or a change not saved', async () => {
    const { storage, failWrites } = memoryStorage({ [WORKSPACES_DOCUMENT]: '{broken' });
    render(
      <WorkspacesProvider repository={new WorkspaceRepository(storage)}>
        <Probe />
      </WorkspacesProvider>,
    );
    await screen.findByText('0 workspaces');
    expect(state.problem).toMatch(/damaged/);
    failWrites();
    act(() => {
      state.addWorkspace({ name: 'Work' });
    });
    await waitFor(() => expect(state.problem).toMatch(/could not be saved/));
    expect(state.store.workspaces).toHaveLength(1);
  });

  it('says when even reading failed, and refuses to be used outside its provider', async () => {
    const storage: DocumentStorage = {
      read: () => Promise.reject(new Error('Storage is not available.')),
      write: () => Promise.resolve(),
    };
    render(
      <WorkspacesProvider repository={new WorkspaceRepository(storage)}>
        <Probe />
      </WorkspacesProvider>,
    );
    await screen.findByText('0 workspaces');
    expect(state.problem).toBe('Storage is not available.');
    expect(() => render(<Probe />)).toThrow(/WorkspacesProvider/);
  });
});
