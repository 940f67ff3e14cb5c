// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { removeDataFolders, renderWithDataFolder } from '../test-support';
import { DataPage } from './DataPage';

afterEach(() => {
  cleanup();
  removeDataFolders();
});

const createdAt = '2026-11-24T10:00:00.000Z';
const initial = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/', createdAt },
      ],
    },
    { id: 'w2', name: 'Home', createdAt },
  ],
});

function open() {
  return renderWithDataFolder((store) => <DataPage store={store} />, initial);
}

describe('DataPage', () => {
  it('exports this workspace and imports it back with a choice per conflict', async () => {
    const user = userEvent.setup();
    const { folder, backend } = open();
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    const notice = await screen.findByText(/Exported 1 workspace to Flow Desk workspaces/);
    const fileName = /to (.+)\.$/.exec(notice.textContent ?? '')![1]!;
    const path = folder.path(fileName);
    const exported = JSON.parse(folder.read(path)) as { workspaces: { id: string }[] };
    expect(exported.workspaces.map((workspace) => workspace.id)).toEqual(['w1']);

    folder.choose.importFile = () => path;
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const dialog = await screen.findByRole('dialog', { name: `Import ${fileName}` });
    const choice = within(dialog).getByLabelText('Already here as “Work”');
    await user.selectOptions(choice, 'Skip it');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(
      (await screen.findByText(/Imported: 0 workspaces added, 0 replaced, 1 skipped/)).textContent,
    ).toBeTruthy();
    expect(backend.workspaces.store.workspaces).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const again = await screen.findByRole('dialog');
    // The default for a conflict: added next to the one here.
    await user.click(within(again).getByRole('button', { name: 'Import' }));
    await waitFor(() =>
      expect(backend.workspaces.store.workspaces.map((workspace) => workspace.name)).toEqual([
        'Work',
        'Home',
        'Work',
      ]),
    );

    // Not an export: the reason, and nothing changes.
    folder.write(path, 'not json at all');
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /not a Flow Desk workspace export/,
    );
    expect(backend.workspaces.store.workspaces).toHaveLength(3);
  });

  it('checks data, repairs what the user ticks, and cleans up', async () => {
    const user = userEvent.setup();
    const { folder } = open();
    folder.write(folder.path('Partitions', 'svc-removed', 'IndexedDB', 'db'), 'x'.repeat(2048));
    await user.click(await screen.findByRole('button', { name: 'Check data' }));
    const issues = await screen.findByRole('list', { name: 'What the check found' });
    const repair = screen.getByRole('button', { name: 'Repair selected' });
    expect(repair).toHaveProperty('disabled', true);
    await user.click(within(issues).getByRole('checkbox', { name: /svc-removed/ }));
    await user.click(repair);
    expect(await screen.findByText(/1 repair done, 2(\.0)? kB freed/)).toBeTruthy();
    // Only a note is left (Slack's session was never opened).
    expect(
      within(screen.getByRole('list', { name: 'What the check found' })).queryByRole('checkbox'),
    ).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clean up' }));
    expect(await screen.findByText('Nothing to clean up.')).toBeTruthy();
  });

  it('signs every service of the workspace out after asking', async () => {
    const user = userEvent.setup();
    const { folder } = open();
    await user.click(
      await screen.findByRole('button', { name: /Sign out of every service in Work/ }),
    );
    const confirm = await screen.findByRole('alertdialog');
    await user.click(within(confirm).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('Signed out of every service in Work.')).toBeTruthy();
    expect(folder.cleared).toEqual([['persist:ws-w1']]);
  });
});
