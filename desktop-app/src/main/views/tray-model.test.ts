import { describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { trayModel } from './tray-model';

const createdAt = '2026-11-24T10:00:00.000Z';
const store = workspaceStoreSchema.parse({
  schemaVersion: 1,
  activeWorkspaceId: 'w2',
  workspaces: Array.from({ length: 11 }, (_, index) => ({
    id: `w${index + 1}`,
    name: `Workspace ${index + 1}`,
    createdAt,
  })),
});

const none = { count: 0, attention: false };

describe('trayModel', () => {
  it('says nothing is waiting when nothing is', () => {
    const model = trayModel({
      store,
      total: none,
      byWorkspace: new Map(),
      locked: false,
      lockEnabled: false,
    });
    expect(model).toMatchObject({
      tooltip: 'Flow Desk',
      title: '',
      hasUnread: false,
      overlayDescription: '',
    });
    expect(model.menu[0]).toEqual({ kind: 'show', label: 'Open Flow Desk' });
    expect(model.menu.at(-1)).toEqual({ kind: 'quit', label: 'Quit Flow Desk' });
    // The first nine workspaces, the active one marked.
    const workspaces = model.menu.filter((item) => item.kind === 'workspace');
    expect(workspaces).toHaveLength(9);
    expect(workspaces[1]).toEqual({
      kind: 'workspace',
      workspaceId: 'w2',
      label: 'Workspace 2',
      active: true,
    });
  });

  it('shows the total, per-workspace counts and activity without a number', () => {
    const model = trayModel({
      store,
      total: { count: 120, attention: false },
      byWorkspace: new Map([
        ['w1', { count: 120, attention: false }],
        ['w3', { count: 0, attention: true }],
      ]),
      locked: false,
      lockEnabled: true,
    });
    expect(model).toMatchObject({
      tooltip: 'Flow Desk: 99+ unread',
      title: '99+',
      hasUnread: true,
      overlayDescription: 'Flow Desk: 99+ unread',
    });
    expect(model.menu.map((item) => item.label)).toContain('Workspace 1 (99+ unread)');
    expect(model.menu.map((item) => item.label)).toContain('Workspace 3 (new activity)');
    expect(model.menu.at(-2)).toEqual({ kind: 'lock', label: 'Lock Flow Desk' });

    const dot = trayModel({
      store,
      total: { count: 0, attention: true },
      byWorkspace: new Map(),
      locked: false,
      lockEnabled: false,
    });
    expect(dot).toMatchObject({ tooltip: 'Flow Desk: new activity', title: '', hasUnread: true });
  });

  it('names no workspace and shows no count while locked', () => {
    const model = trayModel({
      store,
      total: { count: 4, attention: false },
      byWorkspace: new Map([['w1', { count: 4, attention: false }]]),
      locked: true,
      lockEnabled: true,
    });
    expect(model).toMatchObject({
      tooltip: 'Flow Desk (locked)',
      title: '',
      hasUnread: false,
      overlayDescription: '',
    });
    expect(model.menu.map((item) => item.kind)).toEqual(['show', 'quit']);
  });
});
