import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, IPC_CHANNEL_EXAMPLES, IPC_CHANNEL_NAMES } from '@flowdesk/shared/ipc';
import type { IpcChannel } from '@flowdesk/shared/ipc';
import { createIpcDispatcher } from './dispatcher';
import type { IpcHandlers, IpcSender } from './dispatcher';

/**
 * Security regression (issue 12), one row per IPC channel of the contract, so a channel added
 * later is covered without anyone writing a test: a foreign sender is refused before parsing,
 * malformed payloads are refused with a typed error, and a handler only ever sees a request its
 * channel's schema accepts.
 */

const ui: IpcSender = {
  frameUrl: 'app://flowdesk/index.html',
  isMainFrame: true,
  webContentsId: 1,
};
const foreignSenders: IpcSender[] = [
  { frameUrl: 'https://evil.example/', isMainFrame: true, webContentsId: 7 },
  // The app's own page, but in a frame: a service embedded there could be anything.
  { frameUrl: 'app://flowdesk/index.html', isMainFrame: false, webContentsId: 1 },
  { frameUrl: 'file:///etc/passwd', isMainFrame: true, webContentsId: 3 },
];
const malformed: unknown[] = [
  null,
  42,
  'x',
  [],
  { __proto__: { polluted: true } },
  { extra: 'field', workspaceId: 'w1', url: 'https://x.example/' },
  'a'.repeat(2 * 1024 * 1024),
];

/** The typed refusals of a bad payload: invalid, or too large to even parse. */
const REFUSALS = /^IPC_(INVALID_REQUEST|PAYLOAD_TOO_LARGE)$/;

/** Handlers that record what reached them and answer with the contract's example response. */
function recordingDispatcher() {
  const received: { channel: IpcChannel; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    IPC_CHANNEL_NAMES.map((channel) => [
      channel,
      (request: unknown) => {
        received.push({ channel, request });
        return IPC_CHANNEL_EXAMPLES[channel].response;
      },
    ]),
  ) as unknown as IpcHandlers;
  return { received, dispatch: createIpcDispatcher({ handlers }) };
}

describe.each(IPC_CHANNEL_NAMES)('IPC channel %s', (channel) => {
  const schema = IPC_CHANNELS[channel].request;

  it('answers the app UI with a valid request, and refuses every foreign sender before parsing', async () => {
    const { received, dispatch } = recordingDispatcher();
    const valid = IPC_CHANNEL_EXAMPLES[channel].request;
    expect(await dispatch(channel, valid, ui)).toMatchObject({ ok: true });
    for (const sender of foreignSenders) {
      expect(await dispatch(channel, valid, sender)).toMatchObject({
        ok: false,
        error: { code: 'IPC_FORBIDDEN_SENDER' },
      });
    }
    expect(received).toHaveLength(1);
  });

  it('refuses malformed payloads with a typed error; a handler sees only what the schema accepts', async () => {
    const { received, dispatch } = recordingDispatcher();
    for (const payload of malformed) {
      const answer = await dispatch(channel, payload, ui);
      if (!schema.safeParse(payload).success) {
        expect(answer.ok ? 'accepted' : answer.error.code).toMatch(REFUSALS);
      }
    }
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        async (payload) => {
          const before = received.length;
          const answer = await dispatch(channel, payload, ui);
          if (received.length > before) {
            expect(schema.safeParse(received.at(-1)!.request).success).toBe(true);
          } else {
            expect(answer).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_REQUEST' } });
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
