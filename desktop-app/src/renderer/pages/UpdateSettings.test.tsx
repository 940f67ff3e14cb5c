// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { createInPageBackend } from '../../../test/support/in-page-backend';
import { fakeUpdater } from '../../main/updates/fake-updater.test-support';
import { App } from '../App';
import { useFlowDesk } from '../state/use-flowdesk';
import { renderWithBackend } from '../test-support';
import { SettingsPage } from './SettingsPage';

afterEach(cleanup);

const initial = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [{ id: 'w1', name: 'Work', createdAt: '2026-11-24T10:00:00.000Z' }],
});

function General() {
  const { store } = useFlowDesk();
  return store ? (
    <SettingsPage
      store={store}
      section="general"
      onSection={() => undefined}
      onClose={() => undefined}
    />
  ) : null;
}

describe('updates in the settings', () => {
  it('checks now, shows the download and offers to restart into the new version', async () => {
    const fake = fakeUpdater('0.2.0');
    fake.queued.push([
      { type: 'available', version: '0.2.0' },
      {
        type: 'progress',
        percent: 37.4,
        bytesPerSecond: 1e6,
        transferredBytes: 37,
        totalBytes: 100,
      },
    ]);
    const { backend } = renderWithBackend(<General />, { initial, updater: fake.updater });
    expect(await screen.findByText('Flow Desk 0.1.0. Not checked for updates yet.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByText('Downloading Flow Desk 0.2.0: 37 %')).toBeTruthy();
    expect(
      screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Download progress' }).value,
    ).toBe(37.4);
    expect(screen.getByRole('button', { name: 'Check now' }).hasAttribute('disabled')).toBe(true);
    fake.emit({ type: 'downloaded', version: '0.2.0' });
    await userEvent.click(await screen.findByRole('button', { name: 'Restart to update' }));
    expect(fake.calls.at(-1)).toBe('quitAndInstall');
    expect(backend.updates.status().phase).toBe('ready');
  });

  it('switches to the beta channel, and turns updates off', async () => {
    const fake = fakeUpdater();
    // Each change of the settings checks at once: nothing new this time.
    fake.queued.push([{ type: 'not-available' }], [{ type: 'not-available' }]);
    const { backend } = renderWithBackend(<General />, { initial, updater: fake.updater });
    await userEvent.click(await screen.findByRole('radio', { name: /Beta/ }));
    await waitFor(() => expect(backend.workspaces.store.settings.updates.channel).toBe('beta'));
    expect(fake.calls).toContain('configure prerelease=true');
    await userEvent.selectOptions(screen.getByLabelText('Check for updates'), 'Once a day');
    await waitFor(() =>
      expect(backend.workspaces.store.settings.updates.checkIntervalHours).toBe(24),
    );
    await userEvent.click(screen.getByRole('switch', { name: 'Update Flow Desk automatically' }));
    expect(await screen.findByText('Automatic updates are off.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check now' }).hasAttribute('disabled')).toBe(true);
  });

  it('says a development build does not update itself', async () => {
    renderWithBackend(<General />, { initial });
    expect(
      await screen.findByText('This is a development build: it does not update itself.'),
    ).toBeTruthy();
  });

  it('shows a banner with "Restart to update" anywhere in the app once an update is ready', async () => {
    const fake = fakeUpdater('0.3.0');
    const backend = createInPageBackend({ initial, updater: fake.updater });
    Object.defineProperty(window, 'flowdesk', { value: backend.bridge, configurable: true });
    render(<App />);
    await screen.findByRole('heading', { name: 'Work' });
    await backend.updates.checkNow();
    expect(await screen.findByText('Flow Desk 0.3.0 is ready to install.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Restart to update' }));
    expect(fake.calls.at(-1)).toBe('quitAndInstall');
  });
});
