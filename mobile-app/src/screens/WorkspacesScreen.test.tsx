import { describe, expect, it, jest } from '@jest/globals';
import * as ReactNative from 'react-native';
import { render, screen } from '@testing-library/react-native';
import { defaultWorkspaceStore, workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { WorkspacesScreen } from './WorkspacesScreen';

const createdAt = '2026-12-01T10:00:00.000Z';
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  workspaces: [
    {
      id: 'w1',
      name: 'Work',
      createdAt,
      services: [
        { id: 's1', type: 'slack', name: 'Slack', url: 'https://acme.slack.com/', createdAt },
        { id: 's2', type: 'github', name: 'GitHub', url: 'https://github.com/', createdAt },
      ],
    },
    { id: 'w2', name: 'Family', createdAt, services: [] },
  ],
});

describe('the workspaces screen', () => {
  it('lists the workspaces with their service counts', () => {
    render(<WorkspacesScreen store={store} />);
    expect(screen.getByLabelText('Work, 2 services')).toBeTruthy();
    expect(screen.getByLabelText('Family, 0 services')).toBeTruthy();
  });

  it('counts one service in the singular, and follows the dark system theme', () => {
    jest.spyOn(ReactNative, 'useColorScheme').mockReturnValue('dark');
    const one = workspaceStoreSchema.parse({
      schemaVersion: 1,
      workspaces: [{ ...store.workspaces[0], services: store.workspaces[0]!.services.slice(0, 1) }],
    });
    render(<WorkspacesScreen store={one} />);
    expect(screen.getByLabelText('Work, 1 service')).toBeTruthy();
    expect(screen.getByText('Work')).toHaveStyle({ color: '#f5f5f5' });
  });

  it('has an empty state', () => {
    render(<WorkspacesScreen store={defaultWorkspaceStore()} />);
    expect(screen.getByText('No workspaces yet')).toBeTruthy();
  });

  it('shows the problem from loading', () => {
    render(
      <WorkspacesScreen
        store={defaultWorkspaceStore()}
        problem="Your workspaces file is damaged. A copy was kept."
      />,
    );
    expect(screen.getByRole('alert').props.children).toMatch(/damaged/);
  });
});
