import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import { IPC_CHANNEL_NAMES } from '@flowdesk/shared/ipc';
import { createIpcDispatcher, isTrustedSender } from './dispatcher';
import type { IpcHandlers, IpcSender } from './dispatcher';

const ui: IpcSender = {
  frameUrl: 'app://flowdesk/index.html',
  isMainFrame: true,
  webContentsId: 1,
};

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unexpected = () => {
    throw new Error('not under test');
  };
  return {
    ...(Object.fromEntries(
      IPC_CHANNEL_NAMES.map((channel) => [channel, unexpected]),
    ) as unknown as IpcHandlers),
    ...overrides,
  };
}

describe('isTrustedSender', () => {
  it('trusts only the main frame of the app UI', () => {
    expect(isTrustedSender(ui)).toBe(true);
    expect(isTrustedSender({ ...ui, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ui, frameUrl: 'https://app.slack.com/' })).toBe(false);
    expect(isTrustedSender({ ...ui, frameUrl: 'app://flowdesk.evil/' })).toBe(false);
    expect(isTrustedSender({ ...ui, frameUrl: 'app://other/index.html' })).toBe(false);
    expect(isTrustedSender({ ...ui, frameUrl: undefined })).toBe(false);
    expect(isTrustedSender({ ...ui, frameUrl: '::' })).toBe(false);
  });
});

describe('IPC dispatcher', () => {
  it('runs the handler with the parsed request and wraps plain values and Results', async () => {
    const activate = vi.fn(() => ok(null));
    const dispatch = createIpcDispatcher({
      handlers: handlers({
        'workspaces:activate': activate,
        'settings:get': () => ({ theme: 'dark' }) as never,
      }),
    });
    expect(await dispatch('workspaces:activate', { workspaceId: 'w1' }, ui)).toEqual({
      ok: true,
      value: null,
    });
    expect(activate).toHaveBeenCalledWith({ workspaceId: 'w1' }, ui);
    expect(await dispatch('settings:get', undefined, ui)).toEqual({
      ok: true,
      value: { theme: 'dark' },
    });
  });

  it('refuses and records messages from anything but the app UI, before parsing', async () => {
    const onRejected = vi.fn();
    const activate = vi.fn();
    const dispatch = createIpcDispatcher({
      handlers: handlers({ 'workspaces:activate': activate }),
      onRejected,
    });
    const forged = { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 9 };
    expect(await dispatch('workspaces:activate', { workspaceId: 'w1' }, forged)).toMatchObject({
      ok: false,
      error: { code: 'IPC_FORBIDDEN_SENDER' },
    });
    expect(activate).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith({
      channel: 'workspaces:activate',
      code: 'IPC_FORBIDDEN_SENDER',
      sender: forged,
    });
  });

  it('refuses unknown channels and invalid requests with typed errors', async () => {
    const onRejected = vi.fn();
    const dispatch = createIpcDispatcher({ handlers: handlers(), onRejected });
    expect(await dispatch('shell:exec', { cmd: 'rm -rf /' }, ui)).toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL' },
    });
    expect(await dispatch('workspaces:activate', { workspaceId: '../x' }, ui)).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_REQUEST' },
    });
    expect(await dispatch(42, undefined, ui)).toMatchObject({
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL' },
    });
    expect(
      onRejected.mock.calls.map(([message]) => (message as { channel: string }).channel),
    ).toEqual(['shell:exec', 'workspaces:activate', 'number']);
  });

  it('returns handler failures with their code, and hides unexpected errors', async () => {
    const onHandlerError = vi.fn();
    const dispatch = createIpcDispatcher({
      handlers: handlers({
        'workspaces:activate': () => err(new FlowDeskError('WORKSPACE_NOT_FOUND', 'Gone.')),
        'views:reload': () => {
          throw new FlowDeskError('VIEW_UNKNOWN_SERVICE', 'No such view.');
        },
        'views:hibernate': () => Promise.reject(new TypeError('x is undefined')),
      }),
      onHandlerError,
    });
    expect(await dispatch('workspaces:activate', { workspaceId: 'w1' }, ui)).toEqual({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND', message: 'Gone.', details: {} },
    });
    expect(await dispatch('views:reload', { serviceId: 's1' }, ui)).toMatchObject({
      ok: false,
      error: { code: 'VIEW_UNKNOWN_SERVICE' },
    });
    const hidden = await dispatch('views:hibernate', { serviceId: 's1' }, ui);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'IPC_HANDLER_FAILED' } });
    expect(JSON.stringify(hidden)).not.toContain('x is undefined');
    expect(onHandlerError).toHaveBeenCalledTimes(1);
  });
});
