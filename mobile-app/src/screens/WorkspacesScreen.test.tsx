import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react-native';
import * as ReactNative from 'react-native';
import { defaultWorkspaceStore, workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { addWorkspace } from '../state/workspace-editor';
import { WorkspacesScreen } from './WorkspacesScreen';

const createdAt = '2026-12-01T10:00:00.000Z';
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://acme.slack.com/', createdAt },
        { id: 's2', type: 'github', name: 'GitHub', url: 'https://github.com/', createdAt },
      ],
    },
    { id: 'w2', name: 'Family', createdAt, services: [] },
  ],
});
const noCreate = () => ({ ok: true as const, value: null });

describe('the workspaces screen', () => {
  it('lists the workspaces with their service counts, and opens one', () => {
    const onOpen = jest.fn();
    render(
      <WorkspacesScreen store={store} onOpen={onOpen} onCreate={noCreate} onImport={jest.fn()} />,
    );
    fireEvent.press(screen.getByRole('button', { name: 'Work, 2 services' }));
    expect(onOpen).toHaveBeenCalledWith('w1');
    expect(screen.getByRole('button', { name: 'Family, 0 services' })).toBeTruthy();
  });

  it('counts one service in the singular, and follows the dark system theme', () => {
    jest.spyOn(ReactNative, 'useColorScheme').mockReturnValue('dark');
    const one = workspaceStoreSchema.parse({
      schemaVersion: 1,
      workspaces: [{ ...store.workspaces[0], services: store.workspaces[0]!.services.slice(0, 1) }],
    });
    render(
      <WorkspacesScreen store={one} onOpen={jest.fn()} onCreate={noCreate} onImport={jest.fn()} />,
    );
    expect(screen.getByRole('button', { name: 'Work, 1 service' })).toBeTruthy();
    expect(screen.getByText('Work')).toHaveStyle({ color: '#f5f5f5' });
  });

  it('creates a workspace by name, and shows why an empty name is refused', () => {
    let current = defaultWorkspaceStore();
    const onCreate = (input: { name: string }) => {
      const created = addWorkspace(current, input);
      if (created.ok) current = created.value.store;
      return created;
    };
    const { rerender } = render(
      <WorkspacesScreen
        store={current}
        onOpen={jest.fn()}
        onCreate={onCreate}
        onImport={jest.fn()}
      />,
    );
    expect(screen.getByText('No workspaces yet')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Create workspace' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText('New workspace name'), 'Side project');
    fireEvent(screen.getByLabelText('New workspace name'), 'submitEditing');
    rerender(
      <WorkspacesScreen
        store={current}
        onOpen={jest.fn()}
        onCreate={onCreate}
        onImport={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Side project, 0 services' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers the import from the desktop app', () => {
    const onImport = jest.fn();
    render(
      <WorkspacesScreen store={store} onOpen={jest.fn()} onCreate={noCreate} onImport={onImport} />,
    );
    fireEvent.press(screen.getByRole('button', { name: 'Import from the desktop app' }));
    expect(onImport).toHaveBeenCalled();
  });

  it('shows the problem from loading', () => {
    render(
      <WorkspacesScreen
        store={defaultWorkspaceStore()}
        problem="Your workspaces file is damaged. A copy was kept."
        onOpen={jest.fn()}
        onCreate={noCreate}
        onImport={jest.fn()}
      />,
    );
    expect(screen.getByRole('alert').props.children).toMatch(/damaged/);
  });

  it('shows the license notice, and marks the workspaces over the plan as locked', () => {
    const onOpen = jest.fn();
    render(
      <WorkspacesScreen
        store={store}
        notice="Your license could not be checked for too long: Free limits apply."
        lockedWorkspaceIds={['w2']}
        onOpen={onOpen}
        onCreate={noCreate}
        onImport={jest.fn()}
      />,
    );
    expect(screen.getByRole('alert').props.children).toMatch(/Free limits apply/);
    expect(screen.getByRole('button', { name: 'Work, 2 services' })).toBeTruthy();
    // Still listed and openable: its services say why they do not open.
    fireEvent.press(
      screen.getByRole('button', { name: 'Family, 0 services, locked by your plan' }),
    );
    expect(onOpen).toHaveBeenCalledWith('w2');
  });
});
