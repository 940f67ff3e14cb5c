// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { useFlowDesk } from '../state/use-flowdesk';
import { renderWithBackend } from '../test-support';
import { SettingsPage, parseLanguages } from './SettingsPage';
import type { SettingsSection } from './SettingsPage';

afterEach(cleanup);

const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [{ id: 'w1', name: 'Work', createdAt: '2026-11-24T10:00:00.000Z' }],
});

function open(section: SettingsSection, initial: WorkspaceStore = store) {
  // Reads the store from the app state, as the app does, so the page follows each change.
  function Live() {
    const { store: current } = useFlowDesk();
    return (
      <SettingsPage
        store={current ?? initial}
        section={section}
        onSection={() => undefined}
        onClose={() => undefined}
      />
    );
  }
  const rendered = renderWithBackend(<Live />, { initial });
  return { ...rendered, stored: () => rendered.backend.workspaces.store };
}

describe('parseLanguages', () => {
  it('reads language codes and names the first wrong one', () => {
    expect(parseLanguages('en-US, de  pt-BR')).toEqual({ codes: ['en-US', 'de', 'pt-BR'] });
    expect(parseLanguages('')).toEqual({ codes: [] });
    expect(parseLanguages('en-US, english!')).toEqual({
      problem: '"english!" is not a language code. Use codes such as en-US, de or pt-BR.',
    });
    expect(parseLanguages('a1 '.repeat(1))).toHaveProperty('problem');
    expect(parseLanguages(Array.from({ length: 11 }, () => 'de').join(','))).toEqual({
      problem: 'Choose at most 10 languages.',
    });
  });
});

describe('SettingsPage', () => {
  it('saves general settings as they are changed', async () => {
    const { stored } = open('general');
    await userEvent.click(screen.getByRole('switch', { name: /Open Flow Desk when I sign in/ }));
    await userEvent.selectOptions(screen.getByLabelText('Theme'), 'dark');
    await userEvent.type(screen.getByLabelText(/Spelling languages/), 'en-US, fr');
    await userEvent.click(screen.getByRole('switch', { name: 'Start in the background' }));
    // With the tray icon (the default) the window waits there; without, in the taskbar.
    expect(screen.getByText(/until you open it from the tray icon/)).toBeTruthy();
    await userEvent.click(
      screen.getByRole('switch', { name: /Show Flow Desk in the notification area/ }),
    );
    expect(await screen.findByText(/starts minimised in the taskbar/)).toBeTruthy();
    await userEvent.click(screen.getByRole('switch', { name: 'Use graphics acceleration' }));
    await waitFor(() =>
      expect(stored().settings).toMatchObject({
        launchAtLogin: true,
        theme: 'dark',
        spellcheck: { languages: ['en-US', 'fr'] },
        startMinimized: true,
        showInTray: false,
        hardwareAcceleration: false,
      }),
    );
  });

  it('names the allowed range of a limit and saves only valid values', async () => {
    const { stored } = open('performance');
    const idle = screen.getByLabelText(/Sleep after this many idle minutes/);
    await userEvent.clear(idle);
    await userEvent.type(idle, '0');
    expect(screen.getByText('Enter a whole number from 1 to 1440.')).toBeTruthy();
    expect(stored().workspaces[0]?.settings.hibernation.idleMinutes).toBe(15);
    await userEvent.clear(idle);
    await userEvent.type(idle, '45');
    await waitFor(() => expect(stored().workspaces[0]?.settings.hibernation.idleMinutes).toBe(45));
    expect((idle as HTMLInputElement).value).toBe('45');
  });

  it('turns on do-not-disturb with a weekday schedule', async () => {
    const { stored } = open('notifications');
    await userEvent.click(screen.getByRole('switch', { name: 'Do not disturb' }));
    await waitFor(() => expect(stored().workspaces[0]?.settings.doNotDisturb.enabled).toBe(true));
  });

  it('verifies the audit log of the workspace', async () => {
    open('audit');
    await userEvent.click(screen.getByRole('button', { name: 'Check the log' }));
    await screen.findByText('The log is intact (0 entries).');
  });

  it('says what the backups and license pages will show', async () => {
    open('backups');
    await screen.findByText(/No backups yet/);
    cleanup();
    // The stand-in has no license keys, as a development build: licensing is off.
    open('license');
    await screen.findByText(/Licensing is off in this build/);
  });

  it('offers to share error reports only when the build names where they go, and saves the choice', async () => {
    open('privacy');
    expect(await screen.findByText(/sends error reports nowhere/)).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Send reports of serious errors' })).toBeNull();
    cleanup();

    function Live() {
      const { store: current } = useFlowDesk();
      return (
        <SettingsPage
          store={current ?? store}
          section="privacy"
          onSection={() => undefined}
          onClose={() => undefined}
        />
      );
    }
    const { backend } = renderWithBackend(<Live />, {
      initial: store,
      errorReportHost: 'errors.flowdesk.app',
    });
    const toggle = await screen.findByRole('switch', { name: 'Send reports of serious errors' });
    expect(screen.getByText(/serious errors go to errors\.flowdesk\.app/)).toBeTruthy();
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await userEvent.click(toggle);
    await waitFor(() => expect(backend.workspaces.store.settings.errorReports.share).toBe(true));
  });
});
