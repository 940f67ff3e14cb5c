// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { renderWithBackend, renderWithNotices } from '../test-support';
import { ServiceUsage, Sparkline, StartupTimes } from './ServiceUsage';

afterEach(cleanup);

const createdAt = '2026-12-01T10:00:00.000Z';
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
        { id: 's2', type: 'notion', name: 'Notion', url: 'https://www.notion.so/', createdAt },
      ],
    },
  ],
});

describe('memory and CPU per service', () => {
  it('lists loaded services the heaviest first, with their workspace, peak and trend, and refreshes', async () => {
    let rows = [
      {
        serviceId: 's2',
        memoryMb: 812,
        cpuPercent: 12.34,
        peakMemoryMb: 900,
        memoryHistory: [700, 900, 812],
        sampledAt: createdAt,
        loadTimeMs: 1800,
        requestCount: 1234,
      },
      {
        serviceId: 's1',
        memoryMb: 240,
        cpuPercent: 0.5,
        peakMemoryMb: 260,
        memoryHistory: [260, 240],
        sampledAt: createdAt,
      },
    ];
    renderWithBackend(<ServiceUsage />, { initial, serviceMetrics: () => rows });
    const table = await screen.findByRole('table', { name: 'Memory and CPU per service' });
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(
      bodyRows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['812 MB', '12.3 %', '900 MB', '1,800 ms', '1,234', ''],
      ['240 MB', '0.5 %', '260 MB', '—', '—', ''],
    ]);
    expect(within(bodyRows[0]!).getByRole('rowheader').textContent).toBe('Notion · Work');
    expect(
      within(bodyRows[0]!).getByRole('img', { name: 'Memory of Notion over the last 30 minutes' }),
    ).toBeTruthy();

    rows = [];
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(/No service page is loaded right now/)).toBeTruthy();
  });

  it('puts idle services to sleep on request and says how many', async () => {
    const { backend } = renderWithNotices(<ServiceUsage />, { initial });
    backend.views.activate('s1');
    backend.views.activate('s2');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Put idle services to sleep' }),
    );
    // Both were used a moment ago: nothing is idle for 5 minutes yet.
    expect(
      await screen.findByText('No service has been idle long enough to put to sleep.'),
    ).toBeTruthy();
    expect(backend.views.liveCount()).toBe(2);
  });

  it('draws the trend scaled to its own peak', () => {
    const { container } = renderWithBackend(<Sparkline values={[0, 50, 100]} label="trend" />);
    expect(container.querySelector('polyline')?.getAttribute('points')).toBe(
      '0.0,20.0 40.0,10.0 80.0,0.0',
    );
    cleanup();
    const single = renderWithBackend(<Sparkline values={[10]} label="trend" />);
    expect(single.container.querySelector('polyline')).toBeNull();
  });
});

describe('start-up times', () => {
  it('lists this launch and the earlier ones, with a dash for a phase not reached', async () => {
    const launches = [
      { startedAt: createdAt, phases: { windowShown: 420, uiInteractive: 1690 } },
      {
        startedAt: '2026-11-30T10:00:00.000Z',
        phases: { windowShown: 380, uiInteractive: 650, firstServicePainted: 2100 },
      },
    ];
    renderWithBackend(<StartupTimes />, {
      initial,
      startup: { mark: () => undefined, launches: () => launches },
    });
    const table = await screen.findByRole('table', { name: 'Start-up' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('This one');
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['420 ms', '1,690 ms', '—']);
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['380 ms', '650 ms', '2,100 ms']);
  });

  it('shows nothing before any launch was recorded', async () => {
    const { container } = renderWithBackend(<StartupTimes />, { initial });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('table')).toBeNull();
  });
});
