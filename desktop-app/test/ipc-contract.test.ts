import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC_CHANNEL_EXAMPLES, IPC_CHANNEL_NAMES, parseIpcResponse } from '@flowdesk/shared/ipc';
import type { IpcChannel } from '@flowdesk/shared/ipc';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { AuditTrail } from '../src/main/data/audit-trail';
import { WorkspaceManager } from '../src/main/data/workspace-manager';
import { WorkspaceStoreRepository } from '../src/main/data/workspace-store';
import { createIpcDispatcher } from '../src/main/ipc/dispatcher';
import { createIpcHandlers } from '../src/main/ipc/handlers';
import { PermissionPrompts } from '../src/main/security/permission-prompts';
import { FakeViewHost } from '../src/main/views/fake-view-host.test-support';
import { ViewManager, managedServicesOf } from '../src/main/views/view-manager';

/**
 * The contract test: every channel's example request goes through the real dispatcher and the
 * real handlers (store on disk, audit trail, view manager over a fake host), and every answer
 * must parse with the contract's response schema — so main process and contract cannot drift.
 */

const now = '2026-11-24T10:00:00.000Z';
const directories: string[] = [];
afterEach(() =>
  directories
    .splice(0)
    .forEach((directory) => rmSync(directory, { recursive: true, force: true, maxRetries: 3 })),
);

function environment() {
  const directory = mkdtempSync(join(tmpdir(), 'flowdesk-ipc-'));
  directories.push(directory);
  const repository = new WorkspaceStoreRepository(directory);
  repository.load();
  const initial = workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt: now,
        services: [
          {
            id: 's1',
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/client',
            createdAt: now,
          },
        ],
      },
      { id: 'w2', name: 'Home', createdAt: now },
    ],
  });
  let nextId = 0;
  const workspaces = new WorkspaceManager(initial, {
    repository,
    now: () => new Date(now),
    newId: () => `new-${++nextId}`,
  });
  const views = new ViewManager({ host: new FakeViewHost() });
  const sync = () => views.setServices(managedServicesOf(workspaces.store));
  sync();
  workspaces.onChange(sync);
  const audit = new AuditTrail({ directory, userAgent: 'Flow Desk/test', retentionDays: 30 });
  const prompts = new PermissionPrompts({
    send: () => undefined,
    remember: () => undefined,
    newId: () => 'r1',
  });
  const opened: string[] = [];
  const dispatch = createIpcDispatcher({
    handlers: createIpcHandlers({
      workspaces,
      views,
      audit,
      prompts,
      appInfo: () => ({
        name: 'Flow Desk',
        version: '0.1.0',
        platform: 'linux',
        electronVersion: '45.4.1',
        chromeVersion: '142.0.0.0',
        locale: 'en-US',
      }),
      openExternal: (url) => opened.push(url),
      clearServiceData: () => Promise.resolve(),
      diagnosticsReport: () => 'Flow Desk 0.1.0',
    }),
  });
  return { dispatch, workspaces, views, opened };
}

const ui = { frameUrl: 'app://flowdesk/index.html', isMainFrame: true, webContentsId: 1 };
/** Channels whose example cannot succeed here, and the typed refusal they must give. */
const EXPECTED_REFUSALS: Partial<Record<IpcChannel, string>> = {
  'permissions:decide': 'PERMISSION_REQUEST_UNKNOWN',
  'backups:create': 'FEATURE_NOT_AVAILABLE',
  'backups:restore': 'FEATURE_NOT_AVAILABLE',
  'license:sign-in': 'FEATURE_NOT_AVAILABLE',
  'license:sign-out': 'FEATURE_NOT_AVAILABLE',
};

describe('IPC contract against the real main-process handlers', () => {
  it.each(IPC_CHANNEL_NAMES)('%s answers within the contract', async (channel) => {
    const { dispatch } = environment();
    const envelope = await dispatch(channel, IPC_CHANNEL_EXAMPLES[channel].request, ui);
    const response = parseIpcResponse(channel, envelope);
    const refusal = EXPECTED_REFUSALS[channel];
    if (refusal) {
      expect(!response.ok && response.error.code).toBe(refusal);
    } else {
      expect(response.ok, JSON.stringify(envelope)).toBe(true);
    }
  });

  it('changes state that later requests see', async () => {
    const { dispatch, workspaces, views, opened } = environment();
    await dispatch('services:add', { workspaceId: 'w2', service: { type: 'github' } }, ui);
    expect(workspaces.findWorkspace('w2')?.services.map((service) => service.type)).toEqual([
      'github',
    ]);
    await dispatch('views:activate', { serviceId: 'new-1' }, ui);
    expect(views.activeService).toBe('new-1');
    expect(workspaces.store.activeWorkspaceId).toBe('w2');
    const refused = await dispatch('app:open-external', { url: 'file:///etc/passwd' }, ui);
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXTERNAL_URL_REFUSED' } });
    await dispatch('app:open-external', { url: 'https://flowdesk.app/help' }, ui);
    expect(opened).toEqual(['https://flowdesk.app/help']);
    expect(await dispatch('views:reload', { serviceId: 'nope' }, ui)).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_NOT_FOUND' },
    });
    expect(await dispatch('views:activate', { serviceId: 'nope' }, ui)).toMatchObject({
      ok: false,
      error: { code: 'SERVICE_NOT_FOUND' },
    });
  });

  it('refuses a forged message from a service page', async () => {
    const { dispatch, workspaces } = environment();
    const forged = await dispatch(
      'workspaces:remove',
      { workspaceId: 'w1', clearData: true },
      { frameUrl: 'https://app.slack.com/client', isMainFrame: true, webContentsId: 7 },
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    expect(workspaces.findWorkspace('w1')).toBeDefined();
  });

  it('controls views and lists and revokes permission answers', async () => {
    const { dispatch, views, workspaces } = environment();
    await dispatch('views:activate', { serviceId: 's1' }, ui);
    for (const channel of [
      'views:go-back',
      'views:go-forward',
      'views:hibernate',
      'views:clear-data',
    ] as const) {
      expect(await dispatch(channel, { serviceId: 's1' }, ui), channel).toEqual({
        ok: true,
        value: null,
      });
      expect(await dispatch(channel, { serviceId: 'zz' }, ui), channel).toMatchObject({
        ok: false,
        error: { code: 'SERVICE_NOT_FOUND' },
      });
    }
    expect(views.liveCount()).toBe(0);
    workspaces.rememberPermission('s1', {
      permission: 'notifications',
      decision: 'granted',
      decidedAt: now,
    });
    expect(await dispatch('permissions:list', {}, ui)).toMatchObject({
      ok: true,
      value: [{ serviceId: 's1', grant: { permission: 'notifications' } }],
    });
    expect(await dispatch('permissions:list', { serviceId: 'other' }, ui)).toEqual({
      ok: true,
      value: [],
    });
    expect(
      await dispatch('permissions:revoke', { serviceId: 's1', permission: 'notifications' }, ui),
    ).toEqual({ ok: true, value: null });
    expect(await dispatch('services:remove', { serviceId: 's1', clearData: false }, ui)).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await dispatch('audit:list', { workspaceId: 'w1', beforeSequence: 5 }, ui),
    ).toMatchObject({ ok: true });
  });
});
