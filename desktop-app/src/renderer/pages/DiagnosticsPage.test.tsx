// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FlowDeskError } from '@flowdesk/shared/core';
import { createMonitoringManager, monitoringConfigSchema } from '@flowdesk/shared/monitoring';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { renderWithNotices } from '../test-support';
import { DiagnosticsPage } from './DiagnosticsPage';

afterEach(cleanup);

const initial = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w1',
  workspaces: [{ id: 'w1', name: 'Work', createdAt: '2026-11-24T10:00:00.000Z' }],
});

/** A monitoring manager with a problem recorded after a few log lines, one with an address. */
async function withProblem() {
  const monitoring = createMonitoringManager(monitoringConfigSchema.parse({}));
  const log = monitoring.createLogger('store');
  log.info('Saving workspaces for jane.doe@example.com');
  log.warn('The disk is nearly full');
  await monitoring.captureException(
    new FlowDeskError('STORE_WRITE_FAILED', 'Could not save your workspaces.'),
    { component: 'store' },
  );
  await monitoring.captureException(
    new FlowDeskError('STORE_WRITE_FAILED', 'Could not save your workspaces.'),
    { component: 'store' },
  );
  return monitoring;
}

describe('DiagnosticsPage', () => {
  it('runs the health checks and shows each, and runs them again on request', async () => {
    const { backend } = renderWithNotices(<DiagnosticsPage />, { initial });
    expect(await screen.findByText('Service pages')).toBeTruthy();
    expect(screen.getByText(/No service page has crashed/)).toBeTruthy();
    backend.monitoring.registerHealthCheck('disk-space', () =>
      Promise.resolve({ status: 'unhealthy', message: 'Only 90 MB free.' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText(/Only 90 MB free/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Health\s+Problem/ })).toBeTruthy();
  });

  it('lists recent problems grouped, with what happened before, and clears them', async () => {
    const monitoring = await withProblem();
    renderWithNotices(<DiagnosticsPage />, { initial, monitoring });
    const summary = await screen.findByText(/Could not save your workspaces\./);
    const item = summary.closest('li')!;
    expect(within(item).getByText('STORE_WRITE_FAILED')).toBeTruthy();
    expect(item.textContent).toMatch(/Serious/);
    expect(item.textContent).toMatch(/2 times, first/);
    await userEvent.click(summary);
    const crumbs = within(item)
      .getAllByRole('listitem')
      .map((crumb) => crumb.textContent);
    expect(crumbs.some((crumb) => /Saving workspaces for \[email\]/.test(crumb ?? ''))).toBe(true);
    expect(crumbs.some((crumb) => /The disk is nearly full/.test(crumb ?? ''))).toBe(true);
    expect(item.textContent).not.toMatch(/jane\.doe/);

    await userEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
    expect(await screen.findByText('No problems recorded. Good.')).toBeTruthy();
    expect(monitoring.errors.list()).toEqual([]);
  });

  it('previews each file of the export, then saves it where the user chose', async () => {
    const monitoring = await withProblem();
    const chosen: { path?: string } = {};
    const { backend } = renderWithNotices(<DiagnosticsPage />, {
      initial,
      monitoring,
      diagnosticsDestination: () => chosen.path,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show what would be exported' }),
    );
    const preview = await screen.findByRole('list', { name: 'Show what would be exported' });
    const names = within(preview)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(names).toEqual([
      'system.json',
      'health.json',
      'errors.json',
      'startup.json',
      'service-usage.json',
      'metrics.json',
      'logs/main.jsonl',
    ]);
    expect(preview.textContent).toMatch(/STORE_WRITE_FAILED/);
    expect(preview.textContent).not.toMatch(/jane\.doe/);

    // Cancelled: nothing saved, nothing said.
    await userEvent.click(screen.getByRole('button', { name: 'Export diagnostics…' }));
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Export diagnostics…' }).hasAttribute('disabled'),
      ).toBe(false),
    );
    expect(backend.savedDiagnostics).toEqual([]);

    chosen.path = '/tmp/flowdesk-diagnostics.tar.gz';
    await userEvent.click(screen.getByRole('button', { name: 'Export diagnostics…' }));
    expect(
      await screen.findByText('Diagnostics saved to /tmp/flowdesk-diagnostics.tar.gz.'),
    ).toBeTruthy();
    expect(backend.savedDiagnostics[0]?.files.map((file) => file.name)).toEqual(names);
    expect(backend.savedDiagnostics[0]?.files.map((file) => file.text).join('')).not.toMatch(
      /jane\.doe/,
    );
  });
});
