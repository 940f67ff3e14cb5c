import { describe, expect, it } from 'vitest';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import { salvageWorkspaceStore } from './salvage';

const now = '2026-11-24T10:00:00.000Z';

describe('salvageWorkspaceStore', () => {
  it.each([null, 'text', 42, []])(
    'turns %j into an empty store, losing nothing it could count',
    (document) => {
      expect(salvageWorkspaceStore(document)).toEqual({
        store: defaultWorkspaceStore(),
        keptWorkspaces: 0,
        lostWorkspaces: 0,
        lostServices: 0,
      });
    },
  );

  it('keeps workspaces whose services are missing or not a list, and drops non-objects', () => {
    const result = salvageWorkspaceStore({
      workspaces: [
        { id: 'w1', name: 'One', createdAt: now, services: 'oops', activeServiceId: 'gone' },
        { id: 'w2', name: 'Two', createdAt: now },
        'not a workspace',
      ],
      settings: { theme: 'dark' },
    });
    expect(
      result.store.workspaces.map((workspace) => [workspace.id, workspace.activeServiceId]),
    ).toEqual([
      ['w1', null],
      ['w2', null],
    ]);
    expect(result.store.activeWorkspaceId).toBe('w1');
    expect(result.store.settings.theme).toBe('dark');
    expect(result.lostWorkspaces).toBe(1);
  });

  it('keeps the active workspace and service when they survived', () => {
    const service = {
      id: 's1',
      type: 'slack',
      name: 'Slack',
      url: 'https://app.slack.com/',
      createdAt: now,
    };
    const result = salvageWorkspaceStore({
      activeWorkspaceId: 'w2',
      workspaces: [
        { id: 'w1', name: 'One', createdAt: now },
        { id: 'w2', name: 'Two', createdAt: now, services: [service], activeServiceId: 's1' },
      ],
    });
    expect(result.store.activeWorkspaceId).toBe('w2');
    expect(result.store.workspaces[1]?.activeServiceId).toBe('s1');
  });
});
