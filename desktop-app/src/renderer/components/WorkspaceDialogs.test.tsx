// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { renderWithBackend } from '../test-support';
import { DeleteWorkspaceDialog, WorkspaceDialog } from './WorkspaceDialogs';

afterEach(cleanup);

const createdAt = '2026-11-24T10:00:00.000Z';
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/client', createdAt },
        { id: 's2', type: 'trello', name: 'Trello', url: 'https://trello.com/', createdAt },
      ],
    },
  ],
});

describe('WorkspaceDialog', () => {
  it('names a missing name as the user types and sends nothing until it is fixed', async () => {
    const onClose = vi.fn();
    const { backend } = renderWithBackend(<WorkspaceDialog onClose={onClose} />);
    const name = screen.getByLabelText('Workspace name');
    await userEvent.type(name, ' ');
    expect(screen.getByText('Enter a name for the workspace.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    expect(backend.workspaces.store.workspaces).toEqual([]);
    await userEvent.type(name, 'Clients');
    await userEvent.type(screen.getByLabelText(/Icon/), 'toolong');
    expect(screen.getByText('Use one emoji or up to two letters.')).toBeTruthy();
    await userEvent.clear(screen.getByLabelText(/Icon/));
    await userEvent.type(screen.getByLabelText(/Icon/), '🚀');
    await userEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.workspaces.store.workspaces[0]).toMatchObject({ name: 'Clients', icon: '🚀' });
  });

  it('renames and recolours an existing workspace', async () => {
    const onClose = vi.fn();
    const { backend } = renderWithBackend(
      <WorkspaceDialog workspace={store.workspaces[0]} onClose={onClose} />,
      { initial: store },
    );
    const name = screen.getByLabelText('Workspace name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Office');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(backend.workspaces.store.workspaces[0]?.name).toBe('Office');
  });
});

describe('DeleteWorkspaceDialog', () => {
  it('names every service that goes, offers a backup, and deletes only when confirmed', async () => {
    const onClose = vi.fn();
    const onBackups = vi.fn();
    const { backend } = renderWithBackend(
      <DeleteWorkspaceDialog
        workspace={store.workspaces[0]!}
        onBackups={onBackups}
        onClose={onClose}
      />,
      { initial: store },
    );
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Work' });
    expect(dialog.textContent).toContain('Services removed: Slack, Trello.');
    await userEvent.click(screen.getByRole('button', { name: 'Open backups' }));
    expect(onBackups).toHaveBeenCalled();
    expect(document.activeElement?.textContent).not.toBe('Delete Work');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(backend.workspaces.store.workspaces).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Delete Work' }));
    await waitFor(() => expect(backend.workspaces.store.workspaces).toEqual([]));
  });
});
