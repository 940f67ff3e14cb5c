// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { removeDataFolders, renderWithDataFolder } from '../test-support';
import { BackupsPage, passphraseStrength } from './BackupsPage';

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
  ],
});

function open() {
  return renderWithDataFolder((store) => <BackupsPage store={store} />, initial);
}

const PASSPHRASE = 'blue kettle winter 42!';

describe('BackupsPage', () => {
  it('makes a passphrase backup, checks it and restores it as a new workspace', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    expect(await screen.findByText(/No backups yet/)).toBeTruthy();
    // Sign-ins are not possible in this environment (no browser sessions).
    await user.click(screen.getByRole('checkbox', { name: /Include sign-ins/ }));
    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('Passphrase again'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const list = await screen.findByRole('list', { name: 'Backups on this computer' });
    const row = within(list).getAllByRole('listitem')[0]!;
    expect(row.textContent).toMatch(/1 workspace, 1 service · passphrase/);

    await user.click(within(row).getByRole('button', { name: 'Check' }));
    await user.type(within(row).getByLabelText('Passphrase of this backup'), PASSPHRASE);
    await user.click(within(row).getAllByRole('button', { name: 'Check' })[0]!);
    expect(await within(row).findByText(/Intact: every byte checked \(2 files\)/)).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Restore…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Restore a backup' });
    expect(dialog.textContent).toContain('These workspaces will be replaced: Work.');
    await user.click(within(dialog).getByRole('radio', { name: /Add them as new workspaces/ }));
    await user.type(
      within(dialog).getByLabelText('Passphrase of this backup'),
      'wrong passphrase here',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(
      /passphrase is not the one/,
    );
    const field = within(dialog).getByLabelText('Passphrase of this backup');
    await user.clear(field);
    await user.type(field, PASSPHRASE);
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(backend.workspaces.store.workspaces.map((workspace) => workspace.name)).toEqual([
        'Work',
        'Work',
      ]),
    );
    // The safety snapshot joins the list.
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  });

  it('names what is wrong with the passphrase before making anything', async () => {
    const user = userEvent.setup();
    open();
    await user.type(await screen.findByLabelText('Passphrase'), 'short');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(screen.getByText('Use at least 12 characters.')).toBeTruthy();
    await user.type(screen.getByLabelText('Passphrase'), ' but longer now');
    await user.type(screen.getByLabelText('Passphrase again'), 'something else');
    expect(screen.getByText('The two passphrases differ.')).toBeTruthy();
    expect(screen.getByText(/No backups yet/)).toBeTruthy();
  });

  it('makes nothing without a keyring, and deletes a backup after asking', async () => {
    const user = userEvent.setup();
    open();
    await user.click(await screen.findByRole('radio', { name: /keyring/ }));
    // No keyring in this environment: the main process refuses, and nothing is made.
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Back up now' })).toHaveProperty('disabled', false),
    );
    expect(screen.getByText(/No backups yet/)).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /A passphrase/ }));
    await user.click(screen.getByRole('checkbox', { name: /Include sign-ins/ }));
    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('Passphrase again'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const list = await screen.findByRole('list', { name: 'Backups on this computer' });
    await user.click(within(list).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete this backup?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete backup' }));
    expect(await screen.findByText(/No backups yet/)).toBeTruthy();
  });
});

describe('BackupsPage: incremental backups, copies and the schedule', () => {
  it('builds an incremental backup on the last one, saves a copy and adds it back', async () => {
    const user = userEvent.setup();
    const { folder } = open();
    const incremental = await screen.findByRole('checkbox', { name: /Only what changed/ });
    // Nothing to build on yet.
    expect(incremental).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: /Include sign-ins/ }));
    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('Passphrase again'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const list = await screen.findByRole('list', { name: 'Backups on this computer' });
    await waitFor(() => expect(incremental).toHaveProperty('disabled', false));
    await user.click(incremental);
    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('Passphrase again'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const newest = within(list).getAllByRole('listitem')[0]!;
    expect(newest.textContent).toContain('incremental');

    // The full backup under it cannot be deleted while the incremental one needs it.
    const full = within(list).getAllByRole('listitem')[1]!;
    await user.click(within(full).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete backup' }),
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/builds on this one/);

    await user.click(within(newest).getByRole('button', { name: 'Save a copy…' }));
    expect(await screen.findByText(/Copy saved: copy of flowdesk-/)).toBeTruthy();
    folder.choose.backupFile = () => undefined;
    await user.click(screen.getByRole('button', { name: 'Add a backup file…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/No file was chosen/);
  });

  it('changes the automatic backup schedule', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    const every = await screen.findByLabelText('How often');
    expect((every as HTMLSelectElement).value).toBe('24');
    await user.selectOptions(every, 'Every week');
    await user.selectOptions(screen.getByLabelText('Automatic backups to keep'), '14');
    await user.click(screen.getByRole('switch', { name: 'Include sign-ins' }));
    await waitFor(() =>
      expect(backend.workspaces.store.settings.backups).toEqual({
        automatic: true,
        intervalHours: 168,
        keep: 14,
        includeBrowserSessions: true,
      }),
    );
    await user.click(screen.getByRole('switch', { name: 'Back up automatically' }));
    await waitFor(() => expect(backend.workspaces.store.settings.backups.automatic).toBe(false));
    expect(screen.getByLabelText('How often')).toHaveProperty('disabled', true);
  });
});

describe('passphraseStrength', () => {
  it('rates length and variety', () => {
    expect(passphraseStrength('password')).toBe(0);
    expect(passphraseStrength('horse battery')).toBe(1);
    expect(passphraseStrength('Correct horse battery staple 42!')).toBe(2);
  });
});
