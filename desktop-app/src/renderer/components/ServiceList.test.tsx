// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ViewState } from '@flowdesk/shared/ipc';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { useFlowDesk } from '../state/use-flowdesk';
import { renderWithBackend } from '../test-support';
import { ServiceList } from './ServiceList';

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
      activeServiceId: 's1',
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/client', createdAt },
        {
          id: 's2',
          type: 'gmail',
          name: 'Gmail',
          url: 'https://mail.google.com/',
          createdAt,
          notifications: { muted: true },
        },
        { id: 's3', type: 'notion', name: 'Notion', url: 'https://www.notion.so/', createdAt },
      ],
    },
  ],
});

const view = (serviceId: string, extra: Partial<ViewState>): ViewState => ({
  serviceId,
  state: 'live',
  canGoBack: false,
  canGoForward: false,
  ...extra,
});

function open(views: Record<string, ViewState> = {}) {
  const actions = { onSettings: vi.fn(), onFind: vi.fn(), onRemove: vi.fn(), onClearData: vi.fn() };
  // Reads the workspace from the app state, as the app does, so it follows every change.
  function Live() {
    const workspace = useFlowDesk().store?.workspaces[0];
    return workspace ? <ServiceList workspace={workspace} views={views} actions={actions} /> : null;
  }
  const rendered = renderWithBackend(<Live />, { initial: store });
  return { ...rendered, actions };
}

describe('ServiceList', () => {
  it('tells state, unread count, attention and muting to screen readers and sighted users', async () => {
    open({
      s1: view('s1', { unread: 120 }),
      s2: view('s2', { state: 'crashed', needsAttention: true }),
      s3: view('s3', { state: 'hibernated' }),
    });
    const slack = await screen.findByRole('button', { name: 'Slack, open, 120 unread items' });
    expect(slack.getAttribute('aria-current')).toBe('page');
    expect(slack.textContent).toContain('99+');
    expect(
      screen.getByRole('button', { name: 'Gmail, stopped, needs attention, muted' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Notion, asleep' }).dataset.state).toBe('hibernated');
  });

  it('toggles notifications, sound and keep-alive from the options menu', async () => {
    const { backend } = open();
    await screen.findByRole('button', { name: 'Notion options' });
    const service = () => backend.workspaces.findService('s3')!.service;
    await userEvent.click(screen.getByRole('button', { name: 'Notion options' }));
    await userEvent.click(screen.getByRole('menuitemcheckbox', { name: /Mute notifications/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Notion options' }));
    await userEvent.click(screen.getByRole('menuitemcheckbox', { name: /Mute sound/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Notion options' }));
    await userEvent.click(screen.getByRole('menuitemcheckbox', { name: /Keep alive/ }));
    await waitFor(() =>
      expect(service()).toMatchObject({
        notifications: { muted: true },
        audioMuted: true,
        hibernation: { keepAlive: true },
      }),
    );
  });

  it('hands settings, find, clear data and remove to the app, and copies the link', async () => {
    const { actions, backend } = open({
      s1: view('s1', { url: 'https://app.slack.com/client/T1' }),
    });
    await screen.findByRole('button', { name: 'Slack options' });
    for (const [item, action] of [
      ['Settings…', actions.onSettings],
      ['Find in page…', actions.onFind],
      ['Clear data…', actions.onClearData],
      ['Remove…', actions.onRemove],
    ] as const) {
      await userEvent.click(screen.getByRole('button', { name: 'Slack options' }));
      await userEvent.click(screen.getByRole('menuitem', { name: item }));
      expect(action).toHaveBeenCalledWith('s1');
    }
    await userEvent.click(screen.getByRole('button', { name: 'Slack options' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Copy link' }));
    await waitFor(() => expect(backend.clipboard).toEqual(['https://app.slack.com/client/T1']));
  });

  it('moves a service with Alt+Down and from the menu', async () => {
    const { backend } = open();
    const order = () => backend.workspaces.store.workspaces[0]!.services.map((s) => s.name);
    (await screen.findByRole('button', { name: /^Slack, / })).focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(order()).toEqual(['Gmail', 'Slack', 'Notion']));
    await userEvent.click(screen.getByRole('button', { name: 'Notion options' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Move up' }));
    await waitFor(() => expect(order()).toEqual(['Gmail', 'Notion', 'Slack']));
  });
});
