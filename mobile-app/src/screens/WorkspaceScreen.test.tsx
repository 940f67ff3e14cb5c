import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react-native';
import { workspaceSchema } from '@flowdesk/shared/workspace';
import { WorkspaceScreen } from './WorkspaceScreen';

const createdAt = '2026-12-01T10:00:00.000Z';
const workspace = workspaceSchema.parse({
  id: 'w1',
  name: 'Work',
  createdAt,
  services: [
    { id: 's1', type: 'slack', name: 'Slack', url: 'https://acme.slack.com/', createdAt },
    { id: 's2', type: 'gmail', name: 'Gmail', url: 'https://mail.google.com/', createdAt },
    {
      id: 's3',
      type: 'discord',
      name: 'Discord',
      url: 'https://discord.com/app',
      createdAt,
      notifications: { showBadge: false },
    },
  ],
});

describe('a workspace’s services', () => {
  it('shows each service with the unread count or activity its page shows, and opens it', () => {
    const onOpenService = jest.fn();
    render(
      <WorkspaceScreen
        workspace={workspace}
        unread={{
          s1: { count: 120, attention: false },
          s2: { count: 0, attention: true },
          s3: { count: 4, attention: false },
        }}
        onOpenService={onOpenService}
        onAddService={jest.fn()}
      />,
    );
    expect(screen.getByText('99+')).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Slack, 120 unread' }));
    expect(onOpenService).toHaveBeenCalledWith('s1');
    expect(screen.getByRole('button', { name: 'Gmail, new activity' })).toBeTruthy();
    // A service whose badge is off shows none.
    expect(screen.getByRole('button', { name: 'Discord' })).toBeTruthy();
  });

  it('offers to add a service, and says when there is none yet', () => {
    const onAddService = jest.fn();
    render(
      <WorkspaceScreen
        workspace={{ ...workspace, services: [] }}
        unread={{}}
        onOpenService={jest.fn()}
        onAddService={onAddService}
      />,
    );
    expect(screen.getByText(/No services in Work yet/)).toBeTruthy();
    fireEvent.press(screen.getByRole('button', { name: 'Add a service' }));
    expect(onAddService).toHaveBeenCalled();
  });

  it('marks services over the plan as locked, without their unread counts', () => {
    const onOpenService = jest.fn();
    render(
      <WorkspaceScreen
        workspace={workspace}
        unread={{ s2: { count: 3, attention: false } }}
        lockedServiceIds={['s2']}
        onOpenService={onOpenService}
        onAddService={jest.fn()}
      />,
    );
    fireEvent.press(screen.getByRole('button', { name: 'Gmail, locked by your plan' }));
    expect(onOpenService).toHaveBeenCalledWith('s2');
    expect(screen.getByText('Locked')).toBeTruthy();
    expect(screen.queryByText('3')).toBeNull();
  });
});
