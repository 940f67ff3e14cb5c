import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, createFlowDeskBridge } from './bridge';
import type { IpcTransport } from './bridge';
import type { IpcChannel } from './contract';
import { ipcSuccess } from './envelope';
import { IPC_CHANNEL_EXAMPLES, IPC_EVENT_EXAMPLES } from './examples';

function transport(
  answer: (channel: unknown, request: unknown) => unknown = () => ipcSuccess(null),
) {
  let eventListener: ((event: unknown, ...args: unknown[]) => void) | undefined;
  const fake: IpcTransport & { emit: (...args: unknown[]) => void } = {
    invoke: vi.fn((ipcChannel: string, channel: unknown, request: unknown) => {
      expect(ipcChannel).toBe(IPC_INVOKE_CHANNEL);
      return Promise.resolve(answer(channel, request));
    }),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      expect(channel).toBe(IPC_EVENT_CHANNEL);
      eventListener = listener;
    }),
    emit: (...args) => eventListener?.({}, ...args),
  };
  return fake;
}

describe('createFlowDeskBridge', () => {
  it('sends requests on the one invoke channel and returns checked answers', async () => {
    const fake = transport(() => ipcSuccess(IPC_CHANNEL_EXAMPLES['state:get'].response));
    const bridge = createFlowDeskBridge(fake);
    const answer = await bridge.invoke('state:get', undefined);
    expect(answer.ok).toBe(true);
    expect(fake.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'state:get', undefined);
  });

  it('turns invalid answers, handler errors and transport failures into error data', async () => {
    const invalid = createFlowDeskBridge(transport(() => ipcSuccess({ nonsense: true })));
    expect(await invalid.invoke('state:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_RESPONSE' },
    });
    const failing = createFlowDeskBridge(
      transport(() => ({
        ok: false,
        error: { code: 'WORKSPACE_NOT_FOUND', message: 'Gone.', details: {} },
      })),
    );
    expect(await failing.invoke('workspaces:activate', { workspaceId: 'w1' })).toEqual({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND', message: 'Gone.', details: {} },
    });
    const broken: IpcTransport = {
      invoke: () => Promise.reject(new Error('channel closed')),
      on: () => undefined,
    };
    expect(await createFlowDeskBridge(broken).invoke('state:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'IPC_TRANSPORT_FAILED' },
    });
  });

  it('never sends a request for an unknown channel', async () => {
    const fake = transport();
    const answer = await createFlowDeskBridge(fake).invoke('shell:exec' as IpcChannel, undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    expect(fake.invoke).not.toHaveBeenCalled();
  });

  it('delivers valid events to their listeners only, and unsubscribes', () => {
    const fake = transport();
    const bridge = createFlowDeskBridge(fake);
    const views = vi.fn();
    const notices = vi.fn();
    const off = bridge.on('view:state', views);
    bridge.on('notice', notices);
    bridge.on('notice', () => {
      throw new Error('broken listener');
    });
    expect(fake.on).toHaveBeenCalledTimes(1);
    fake.emit('view:state', IPC_EVENT_EXAMPLES['view:state']);
    fake.emit('view:state', { serviceId: 'BAD' });
    fake.emit('unknown:event', {});
    fake.emit('notice', IPC_EVENT_EXAMPLES.notice);
    expect(views).toHaveBeenCalledTimes(1);
    expect(notices).toHaveBeenCalledTimes(1);
    off();
    fake.emit('view:state', IPC_EVENT_EXAMPLES['view:state']);
    expect(views).toHaveBeenCalledTimes(1);
  });
});
