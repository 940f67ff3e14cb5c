// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { useFlowDesk } from '../state/use-flowdesk';
import { formatBytes } from '../strings';
import { renderWithBackend } from '../test-support';
import { DownloadsDialog } from './DownloadsDialog';

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
      ],
    },
  ],
});

function open() {
  function Live() {
    const { store: current } = useFlowDesk();
    return current ? <DownloadsDialog store={current} onClose={() => undefined} /> : null;
  }
  return renderWithBackend(<Live />, { initial: store });
}

describe('DownloadsDialog', () => {
  it('says what will appear when nothing was downloaded', async () => {
    open();
    expect(await screen.findByText(/No downloads yet/)).toBeTruthy();
    // The dialog's content counts as accessible once it has opened, a moment after it renders.
    expect(await screen.findByRole('button', { name: 'Clear finished' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('shows progress, pauses and resumes, then opens the finished file', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    await screen.findByText(/No downloads yet/);
    let download!: ReturnType<typeof backend.startDownload>;
    act(() => {
      download = backend.startDownload('s1', 'invoice.pdf', 2_000_000);
    });
    const row = (await screen.findByText('invoice.pdf')).closest('li')!;
    expect(within(row).getByText('from Slack')).toBeTruthy();
    // Progress is reported at most every 250 ms.
    await new Promise((resolve) => setTimeout(resolve, 260));
    act(() => download.item.progress(500_000));
    await waitFor(() =>
      expect(within(row).getByRole('progressbar', { name: 'invoice.pdf progress' })).toHaveProperty(
        'value',
        500_000,
      ),
    );
    expect(within(row).getByText(/Downloading · 500 kB of 2 MB/)).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Pause' }));
    expect(await within(row).findByText(/Paused/)).toBeTruthy();
    expect(download.item.calls).toEqual(['pause']);
    await user.click(within(row).getByRole('button', { name: 'Resume' }));
    expect(await within(row).findByText(/Downloading/)).toBeTruthy();

    act(() => download.complete());
    await user.click(await within(row).findByRole('button', { name: 'Open' }));
    await user.click(within(row).getByRole('button', { name: 'Show in folder' }));
    expect(backend.openedFiles).toEqual(['/home/you/Downloads/invoice.pdf']);
    expect(backend.shownInFolder).toEqual(['/home/you/Downloads/invoice.pdf']);
    expect(within(row).queryByRole('progressbar')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(await screen.findByText(/No downloads yet/)).toBeTruthy();
  });

  it('explains a failed action inside the dialog', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    await screen.findByText(/No downloads yet/);
    let download!: ReturnType<typeof backend.startDownload>;
    act(() => {
      download = backend.startDownload('s1', 'video.mp4', 0);
    });
    const row = (await screen.findByText('video.mp4')).closest('li')!;
    // No size from the server: an indeterminate bar and what has arrived so far.
    expect(within(row).getByRole('progressbar').hasAttribute('value')).toBe(false);
    act(() => download.item.progress(1234, 'interrupted'));
    expect(await within(row).findByText(/Interrupted: choose Resume/)).toBeTruthy();
    download.item.resumable = false;
    await user.click(within(row).getByRole('button', { name: 'Resume' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/cannot be resumed/);
  });

  it('remembers whether to ask where to save', async () => {
    const user = userEvent.setup();
    const { backend } = open();
    await user.click(await screen.findByRole('checkbox', { name: /Ask where to save/ }));
    await waitFor(() =>
      expect(backend.workspaces.store.settings.downloads.askWhereToSave).toBe(true),
    );
  });
});

describe('formatBytes', () => {
  it('uses decimal units with at most one decimal', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 bytes');
    expect(formatBytes(1, 'en-US')).toBe('1 byte');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 kB');
    expect(formatBytes(2_000_000, 'en-US')).toBe('2 MB');
    expect(formatBytes(-5, 'en-US')).toBe('0 bytes');
    expect(formatBytes(5e15, 'en-US')).toBe('5,000 TB');
  });
});
