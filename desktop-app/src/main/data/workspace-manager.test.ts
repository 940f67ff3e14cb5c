import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import type { AuditEventInput } from './audit-trail';
import { WorkspaceManager } from './workspace-manager';

function setup(options: { failSave?: boolean } = {}) {
  const saved: WorkspaceStore[] = [];
  const audit: AuditEventInput[] = [];
  const clearPartitions = vi.fn((_partitions: string[]) => Promise.resolve());
  const saveFailures: string[] = [];
  let id = 0;
  const manager = new WorkspaceManager(defaultWorkspaceStore(), {
    repository: {
      save: (store) => {
        if (options.failSave) return err(new FlowDeskError('STORE_WRITE_FAILED', 'Disk full.'));
        saved.push(store);
        return ok(undefined);
      },
    },
    now: () => new Date('2026-11-24T10:00:00.000Z'),
    newId: () => `id-${++id}`,
    audit: (event) => audit.push(event),
    clearPartitions,
    onSaveFailed: (error) => saveFailures.push(error.code),
  });
  return { manager, saved, audit, clearPartitions, saveFailures };
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: FlowDeskError }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

describe('WorkspaceManager', () => {
  it('creates a workspace with its services, makes it active, saves and records it', () => {
    const { manager, saved, audit } = setup();
    const changes: WorkspaceStore[] = [];
    manager.onChange((store) => changes.push(store));
    const workspace = value(
      manager.createWorkspace({
        name: ' Work ',
        services: [{ type: 'slack' }, { type: 'github' }],
      }),
    );
    expect(workspace).toMatchObject({ id: 'id-1', name: 'Work', activeServiceId: 'id-2' });
    expect(workspace.services.map((service) => [service.id, service.type, service.url])).toEqual([
      ['id-2', 'slack', 'https://app.slack.com/client'],
      ['id-3', 'github', 'https://github.com/'],
    ]);
    expect(workspace.settings.hibernation.enabled).toBe(true);
    expect(manager.store.activeWorkspaceId).toBe('id-1');
    expect(saved).toHaveLength(1);
    expect(changes).toHaveLength(1);
    expect(audit.map((event) => event.type)).toEqual([
      'workspace_created',
      'service_added',
      'service_added',
    ]);
  });

  it('refuses invalid input with the first field message, changing nothing', () => {
    const { manager, saved } = setup();
    const result = manager.createWorkspace({
      name: '',
      services: [{ type: 'custom-template', url: 'javascript:alert(1)' }],
    });
    expect(!result.ok && result.error.code).toBe('WORKSPACE_INPUT_INVALID');
    expect(!result.ok && result.error.message).toBe('Enter a name for the workspace.');
    expect(saved).toHaveLength(0);
    expect(manager.store.workspaces).toEqual([]);
  });

  it('keeps the store as it was when saving fails', () => {
    const { manager, saveFailures } = setup({ failSave: true });
    const result = manager.createWorkspace({ name: 'Work' });
    expect(!result.ok && result.error.code).toBe('STORE_WRITE_FAILED');
    expect(manager.store.workspaces).toEqual([]);
    // Monitoring is told, so it can try to recover.
    expect(saveFailures).toEqual(['STORE_WRITE_FAILED']);
  });

  it('updates names, colours, icons and settings, and removes what is set to null', () => {
    const { manager } = setup();
    const { id } = value(manager.createWorkspace({ name: 'Work', icon: '💼' }));
    const updated = value(
      manager.updateWorkspace({
        workspaceId: id,
        patch: {
          name: 'Job',
          color: '#112233',
          icon: null,
          settings: {
            hibernation: { maxLiveViews: 3 },
            notifications: { enabled: false },
            doNotDisturb: {
              enabled: true,
              schedule: { days: [1, 2], start: '18:00', end: '08:00' },
            },
          },
        },
      }),
    );
    expect(updated).toMatchObject({
      name: 'Job',
      color: '#112233',
      settings: {
        hibernation: { maxLiveViews: 3, idleMinutes: 15 },
        notifications: { enabled: false },
        doNotDisturb: { enabled: true },
      },
    });
    expect(updated).not.toHaveProperty('icon');
    const cleared = value(
      manager.updateWorkspace({
        workspaceId: id,
        patch: { icon: '🏠', settings: { doNotDisturb: { schedule: null } } },
      }),
    );
    expect(cleared.icon).toBe('🏠');
    expect(cleared.settings.doNotDisturb).toEqual({ enabled: true });
    expect(manager.updateWorkspace({ workspaceId: id, patch: { name: '  ' } })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_INPUT_INVALID' },
    });
    expect(
      manager.updateWorkspace({
        workspaceId: id,
        patch: { settings: { hibernation: { maxLiveViews: 0 } } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'STORE_INVALID' } });
    expect(manager.updateWorkspace({ workspaceId: 'nope', patch: {} })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND' },
    });
  });

  it('adds, updates, reorders, moves and removes services', async () => {
    const { manager, clearPartitions, audit } = setup();
    const work = value(manager.createWorkspace({ name: 'Work' }));
    const home = value(manager.createWorkspace({ name: 'Home' }));
    const slack = value(manager.addService({ workspaceId: work.id, service: { type: 'slack' } }));
    const notes = value(
      manager.addService({
        workspaceId: work.id,
        service: {
          type: 'custom-template',
          name: 'Notes',
          url: 'notes.example.org',
          isolation: 'isolated',
        },
      }),
    );
    expect(manager.findWorkspace(work.id)?.activeServiceId).toBe(slack.id);
    expect(manager.addService({ workspaceId: work.id, service: { type: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_INPUT_INVALID' },
    });
    expect(manager.addService({ workspaceId: 'nope', service: { type: 'slack' } })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND' },
    });

    const renamed = value(
      manager.updateService({
        serviceId: slack.id,
        patch: {
          name: 'Acme Slack',
          url: 'https://acme.slack.com/',
          notifications: { muted: true },
          hibernation: { keepAlive: true, idleMinutes: 5 },
          userAgent: 'Custom/1',
        },
      }),
    );
    expect(renamed).toMatchObject({
      name: 'Acme Slack',
      url: 'https://acme.slack.com/',
      notifications: { muted: true, enabled: true },
      hibernation: { keepAlive: true, idleMinutes: 5 },
      userAgent: 'Custom/1',
    });
    const reset = value(
      manager.updateService({
        serviceId: slack.id,
        patch: {
          userAgent: null,
          hibernation: { idleMinutes: null },
          isolation: 'isolated',
          persistSession: false,
          clearOnExit: true,
          customColor: '#ff0000',
        },
      }),
    );
    expect(reset).not.toHaveProperty('userAgent');
    expect(reset.hibernation).toEqual({ keepAlive: true });
    expect(
      manager.updateService({
        serviceId: slack.id,
        patch: { url: 'https://evil.example/', name: '' },
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'SERVICE_INPUT_INVALID',
        details: { fields: [{ code: 'NAME_EMPTY' }, { code: 'SERVICE_URL_OUT_OF_SCOPE' }] },
      },
    });
    expect(manager.updateService({ serviceId: 'nope', patch: {} })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_NOT_FOUND' },
    });

    value(manager.reorderServices({ workspaceId: work.id, serviceIds: [notes.id, slack.id] }));
    expect(manager.findWorkspace(work.id)?.services.map((service) => service.id)).toEqual([
      notes.id,
      slack.id,
    ]);
    expect(manager.reorderServices({ workspaceId: work.id, serviceIds: [notes.id] })).toMatchObject(
      { ok: false, error: { code: 'SERVICE_REORDER_INVALID' } },
    );
    expect(manager.reorderServices({ workspaceId: 'nope', serviceIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND' },
    });

    value(manager.moveService({ serviceId: slack.id, toWorkspaceId: home.id, index: 0 }));
    expect(manager.findService(slack.id)?.workspace.id).toBe(home.id);
    expect(manager.findWorkspace(work.id)?.activeServiceId).toBe(notes.id);
    expect(manager.moveService({ serviceId: slack.id, toWorkspaceId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND' },
    });
    expect(manager.moveService({ serviceId: 'nope', toWorkspaceId: home.id })).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_NOT_FOUND' },
    });

    value(manager.activateService(slack.id));
    expect(manager.store.activeWorkspaceId).toBe(home.id);
    expect(manager.activateService('nope').ok).toBe(false);

    value(await manager.removeService({ serviceId: notes.id, clearData: true }));
    expect(clearPartitions).toHaveBeenCalledWith([`persist:svc-${notes.id}`]);
    value(await manager.removeService({ serviceId: slack.id, clearData: true }));
    expect(clearPartitions).toHaveBeenCalledTimes(2);
    expect((await manager.removeService({ serviceId: 'nope', clearData: false })).ok).toBe(false);
    expect(audit.filter((event) => event.type === 'data_cleared')).toHaveLength(2);
  });

  it('reorders, activates and removes workspaces, clearing their data on request', async () => {
    const { manager, clearPartitions } = setup();
    const a = value(
      manager.createWorkspace({
        name: 'A',
        services: [{ type: 'slack' }, { type: 'github', isolation: 'isolated' }],
      }),
    );
    const b = value(manager.createWorkspace({ name: 'B' }));
    value(manager.reorderWorkspaces({ workspaceIds: [b.id, a.id] }));
    expect(manager.store.workspaces.map((workspace) => workspace.id)).toEqual([b.id, a.id]);
    expect(manager.reorderWorkspaces({ workspaceIds: [a.id, a.id] })).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_REORDER_INVALID' },
    });
    value(manager.activateWorkspace({ workspaceId: a.id }));
    expect(manager.activateWorkspace({ workspaceId: 'nope' }).ok).toBe(false);
    expect(value(await manager.removeWorkspace({ workspaceId: a.id, clearData: true }))).toEqual({
      removedServiceCount: 2,
    });
    expect(clearPartitions).toHaveBeenCalledWith([
      `persist:ws-${a.id}`,
      `persist:svc-${a.services[1]!.id}`,
    ]);
    expect(manager.store.activeWorkspaceId).toBe(b.id);
    expect((await manager.removeWorkspace({ workspaceId: 'nope', clearData: false })).ok).toBe(
      false,
    );
  });

  it('remembers and revokes permission answers, and updates app settings', () => {
    const { manager } = setup();
    const workspace = value(manager.createWorkspace({ name: 'W', services: [{ type: 'slack' }] }));
    const serviceId = workspace.services[0]!.id;
    const grant = {
      permission: 'notifications' as const,
      decision: 'granted' as const,
      decidedAt: '2026-11-24T10:00:00.000Z',
    };
    value(manager.rememberPermission(serviceId, grant));
    value(manager.rememberPermission(serviceId, { ...grant, decision: 'denied' }));
    expect(manager.findService(serviceId)?.service.permissions).toEqual([
      { ...grant, decision: 'denied' },
    ]);
    value(manager.revokePermission(serviceId, 'notifications'));
    expect(manager.findService(serviceId)?.service.permissions).toEqual([]);
    expect(manager.rememberPermission('nope', grant).ok).toBe(false);
    expect(manager.revokePermission('nope', 'media').ok).toBe(false);
    expect(
      value(manager.updateSettings({ theme: 'dark', spellcheck: { languages: ['de-DE'] } })),
    ).toMatchObject({ theme: 'dark', spellcheck: { enabled: true, languages: ['de-DE'] } });
    expect(value(manager.updateSettings({ downloads: { askWhereToSave: true } }))).toMatchObject({
      theme: 'dark',
      spellcheck: { languages: ['de-DE'] },
      downloads: { askWhereToSave: true },
    });
    // One field of the backup schedule changes; the others stay.
    value(manager.updateSettings({ backups: { intervalHours: 168 } }));
    expect(value(manager.updateSettings({ backups: { keep: 14 } })).backups).toEqual({
      automatic: true,
      intervalHours: 168,
      keep: 14,
      includeBrowserSessions: false,
    });
  });

  it('keeps a saved change when a listener throws', () => {
    const { manager } = setup();
    manager.onChange(() => {
      throw new Error('ui gone');
    });
    expect(manager.createWorkspace({ name: 'W' }).ok).toBe(true);
    expect(manager.store.workspaces).toHaveLength(1);
  });

  it('remembers the window state and refuses an impossible one', () => {
    const { manager } = setup();
    expect(
      manager.updateWindowState({ width: 1200, height: 800, maximized: false, fullScreen: false })
        .ok,
    ).toBe(true);
    expect(manager.store.window).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
      fullScreen: false,
    });
    expect(
      manager.updateWindowState({ width: 10, height: 800, maximized: false, fullScreen: false }),
    ).toMatchObject({ ok: false, error: { code: 'STORE_INVALID' } });
  });
});
