import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react-native';
import { workspaceSchema } from '@flowdesk/shared/workspace';
import { ServiceTabBar } from './ServiceTabBar';

const createdAt = '2026-12-01T10:00:00.000Z';
const { services } = workspaceSchema.parse({
  id: 'w1',
  name: 'Work',
  createdAt,
  services: [
    { id: 's1', type: 'slack', name: 'Slack', url: 'https://acme.slack.com/', createdAt },
    { id: 's2', type: 'gmail', name: 'Gmail', url: 'https://mail.google.com/', createdAt },
    { id: 's3', type: 'github', name: 'GitHub', url: 'https://github.com/', createdAt },
    { id: 's4', type: 'notion', name: 'Notion', url: 'https://www.notion.so/', createdAt },
  ],
});

describe('the tab bar under a service', () => {
  it('switches to another service of the workspace, with unread counts, the open one selected', () => {
    const onSwitch = jest.fn();
    render(
      <ServiceTabBar
        services={services}
        currentId="s1"
        unread={{ s2: { count: 4, attention: false }, s3: { count: 0, attention: true } }}
        lockedServiceIds={['s4']}
        onSwitch={onSwitch}
      />,
    );
    const tabs = screen.getAllByRole('tab');
    // The locked one is left out: it could not open.
    expect(tabs.map((tab) => tab.props.accessibilityLabel as string)).toEqual([
      'Slack',
      'Gmail, 4 unread',
      'GitHub',
    ]);
    expect(screen.getByRole('tab', { name: 'Slack' }).props.accessibilityState).toMatchObject({
      selected: true,
    });
    fireEvent.press(screen.getByRole('tab', { name: 'Slack' }));
    expect(onSwitch).not.toHaveBeenCalled();
    fireEvent.press(screen.getByRole('tab', { name: 'Gmail, 4 unread' }));
    expect(onSwitch).toHaveBeenCalledWith('s2');
  });

  it('is not shown when there is nothing to switch to', () => {
    render(
      <ServiceTabBar
        services={services.slice(0, 2)}
        currentId="s1"
        unread={{}}
        lockedServiceIds={['s2']}
        onSwitch={jest.fn()}
      />,
    );
    expect(screen.queryAllByRole('tab')).toEqual([]);
  });
});
