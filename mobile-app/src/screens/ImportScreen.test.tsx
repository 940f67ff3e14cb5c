import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';
import { defaultWorkspaceStore, previewImport } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import type { PickedFile } from '../import/import-file';
import { importWorkspaces } from '../state/workspace-editor';
import { ImportScreen } from './ImportScreen';
import desktopExport from '../import/fixtures/desktop-export.json';

/** A real export written by the desktop app's exportWorkspaceConfig (two workspaces). */
const exportText = JSON.stringify(desktopExport);

function renderImport(initial: WorkspaceStore, files: Result<PickedFile>[]) {
  let store = initial;
  const view = render(
    <ImportScreen
      store={store}
      pick={() => Promise.resolve(files.shift() ?? ok({ cancelled: true }))}
      apply={(preview, choices) => {
        const done = importWorkspaces(store, preview, choices);
        if (!done.ok) return done;
        store = done.value.store;
        return ok(done.value.result);
      }}
    />,
  );
  const choose = async () => {
    await act(async () => {
      fireEvent.press(screen.getByRole('button', { name: 'Choose the export file' }));
      await Promise.resolve();
    });
  };
  return { view, choose, store: () => store };
}

describe('importing the desktop’s export', () => {
  it('previews a real desktop export, stores nothing until Import, then all of it', async () => {
    const { choose, store } = renderImport(defaultWorkspaceStore(), [
      ok({ name: 'flowdesk-workspaces.json', text: exportText }),
    ]);
    await choose();
    expect(screen.getByText('flowdesk-workspaces.json')).toBeTruthy();
    expect(screen.getByText('Work: 3 services')).toBeTruthy();
    expect(screen.getByText('Home: 1 service')).toBeTruthy();
    expect(store().workspaces).toEqual([]);
    fireEvent.press(screen.getByRole('button', { name: 'Import' }));
    expect(
      store().workspaces.map((workspace) => [workspace.name, workspace.services.length]),
    ).toEqual([
      ['Work', 3],
      ['Home', 1],
    ]);
    expect(screen.getByText('Imported: 2 added, 0 replaced, 0 skipped.')).toBeTruthy();
    // The isolation setting came along.
    expect(
      store().workspaces[0]!.services.find((service) => service.name === 'Gmail')?.isolation,
    ).toBe('isolated');
  });

  it('offers the desktop’s choices for a workspace already on the phone', async () => {
    const preview = previewImport(exportText, defaultWorkspaceStore());
    if (!preview.ok) throw preview.error;
    const first = importWorkspaces(defaultWorkspaceStore(), preview.value, {});
    if (!first.ok) throw first.error;
    const { choose, store } = renderImport(first.value.store, [
      ok({ name: 'again.json', text: exportText }),
    ]);
    await choose();
    expect(screen.getByText('Already on this phone as “Work”.')).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: 'Keep both Work' }).props.accessibilityState,
    ).toMatchObject({
      checked: true,
    });
    fireEvent.press(screen.getByRole('radio', { name: 'Skip Work' }));
    fireEvent.press(screen.getByRole('radio', { name: 'Replace Home' }));
    fireEvent.press(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText('Imported: 0 added, 1 replaced, 1 skipped.')).toBeTruthy();
    expect(store().workspaces).toHaveLength(2);
  });

  it('refuses malformed and oversized files with a clear message, storing nothing', async () => {
    const broken = { ...desktopExport, workspaces: [{ ...desktopExport.workspaces[0], name: '' }] };
    const cases: [Result<PickedFile>, RegExp][] = [
      [ok({ name: 'notes.txt', text: 'hello' }), /not JSON/],
      [
        ok({ name: 'other.json', text: '{"format":"something-else"}' }),
        /not a Flow Desk workspace export/,
      ],
      [
        ok({ name: 'newer.json', text: JSON.stringify({ ...desktopExport, formatVersion: 99 }) }),
        /newer/i,
      ],
      [ok({ name: 'broken.json', text: JSON.stringify(broken) }), /.+/],
      [
        err(
          new FlowDeskError(
            'IMPORT_TOO_LARGE',
            'This file is too large to be a Flow Desk workspace export.',
          ),
        ),
        /too large/,
      ],
    ];
    const { choose, store } = renderImport(
      defaultWorkspaceStore(),
      cases.map(([file]) => file),
    );
    for (const [, message] of cases) {
      await choose();
      expect(screen.getByRole('alert').props.children).toMatch(message);
      expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    }
    expect(store().workspaces).toEqual([]);
  });

  it('does nothing when the picker is closed', async () => {
    const { choose } = renderImport(defaultWorkspaceStore(), [ok({ cancelled: true })]);
    await choose();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });
});
