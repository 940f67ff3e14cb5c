import { describe, expect, it } from '@jest/globals';
import { defaultWorkspaceStore } from '@flowdesk/shared/workspace';
import { InputRefused, addService, addWorkspace } from './workspace-editor';

let counter = 0;
const deps = { makeId: () => `id-${(counter += 1)}`, now: () => new Date('2026-12-02T07:00:00Z') };

function withWorkspace() {
  const created = addWorkspace(defaultWorkspaceStore(), { name: 'Work' }, deps);
  if (!created.ok) throw created.error;
  return created.value;
}

describe('changing the phone’s workspaces', () => {
  it('adds a workspace, which becomes the active one', () => {
    const { store, workspace } = withWorkspace();
    expect(workspace).toMatchObject({ name: 'Work', services: [], activeServiceId: null });
    expect(store.activeWorkspaceId).toBe(workspace.id);
    const refused = addWorkspace(store, { name: '   ' }, deps);
    expect(!refused.ok && refused.error).toBeInstanceOf(InputRefused);
  });

  it('adds a catalog service and a custom one, the first becoming the active service', () => {
    const { store, workspace } = withWorkspace();
    const slack = addService(store, workspace.id, { type: 'slack' }, deps);
    if (!slack.ok) throw slack.error;
    expect(slack.value.service).toMatchObject({ type: 'slack', name: 'Slack' });
    const custom = addService(
      slack.value.store,
      workspace.id,
      { type: 'custom-template', name: 'Wiki', url: 'https://wiki.acme.example/' },
      deps,
    );
    if (!custom.ok) throw custom.error;
    const updated = custom.value.store.workspaces[0]!;
    expect(updated.services.map((service) => service.name)).toEqual(['Slack', 'Wiki']);
    expect(updated.activeServiceId).toBe(slack.value.service.id);
  });

  it('refuses a bad address with the field and a message the form can show', () => {
    const { store, workspace } = withWorkspace();
    for (const url of ['javascript:alert(1)', 'not a url', 'file:///etc/passwd']) {
      const refused = addService(
        store,
        workspace.id,
        { type: 'custom-template', name: 'X', url },
        deps,
      );
      expect(refused.ok).toBe(false);
      const error = !refused.ok ? (refused.error as InputRefused) : undefined;
      expect(error?.fields[0]).toMatchObject({ field: 'url' });
      expect(error?.message.length).toBeGreaterThan(5);
    }
    const unknownType = addService(store, workspace.id, { type: 'not-a-service' }, deps);
    expect(!unknownType.ok && unknownType.error.code).toBe('SERVICE_INPUT_INVALID');
    expect(!addService(store, workspace.id, { type: 42 }, deps).ok).toBe(true);
    const gone = addService(store, 'missing', { type: 'slack' }, deps);
    expect(!gone.ok && gone.error.code).toBe('WORKSPACE_NOT_FOUND');
  });

  it('holds a workspace to its maximum number of services', () => {
    let { store } = withWorkspace();
    const workspaceId = store.workspaces[0]!.id;
    let refused;
    for (let n = 0; n < 200; n += 1) {
      const next = addService(
        store,
        workspaceId,
        { type: 'custom-template', name: `S${n}`, url: `https://s${n}.example.com/` },
        deps,
      );
      if (!next.ok) {
        refused = next.error;
        break;
      }
      store = next.value.store;
    }
    expect(refused?.code).toBe('WORKSPACE_TOO_MANY_SERVICES');
  });
});
