import { describe, expect, it } from 'vitest';
import type { IpcEvent } from '@flowdesk/shared/ipc';
import { ScreenSharePicker } from './screen-share';
import type { ScreenShareRequest } from './screen-share';

const sources: ScreenShareRequest['sources'] = [
  { id: 'screen:0:0', name: 'Entire screen', kind: 'screen' },
  { id: 'window:42:0', name: 'Slides', kind: 'window' },
];

const request = (overrides: Partial<ScreenShareRequest> = {}): ScreenShareRequest => ({
  workspaceId: 'w1',
  serviceId: 's1',
  origin: 'https://meet.google.com',
  audioRequested: false,
  sources,
  ...overrides,
});

function setup(audioSupported = false) {
  const sent: IpcEvent<'screen-share:requested'>[] = [];
  const ended: string[] = [];
  const timers: (() => void)[] = [];
  let id = 0;
  const picker = new ScreenSharePicker({
    send: (event) => sent.push(event),
    ended: ({ requestId }) => ended.push(requestId),
    audioSupported,
    newId: () => `r${++id}`,
    setTimer: (task) => {
      timers.push(task);
      return () => undefined;
    },
  });
  return { picker, sent, ended, timers };
}

describe('ScreenSharePicker', () => {
  it('asks the UI with the sources and resolves with the chosen one', async () => {
    const { picker, sent, ended } = setup();
    const answer = picker.ask(request());
    expect(sent).toEqual([
      {
        requestId: 'r1',
        workspaceId: 'w1',
        serviceId: 's1',
        origin: 'https://meet.google.com',
        audioAvailable: false,
        sources,
      },
    ]);
    expect(picker.choose({ requestId: 'r1', sourceId: 'window:42:0', shareAudio: false })).toEqual({
      ok: true,
      value: null,
    });
    expect(await answer).toEqual({ sourceId: 'window:42:0', name: 'Slides', audio: false });
    expect(ended).toEqual(['r1']);
  });

  it('refuses on "no", on timeout, and without any source to offer', async () => {
    const { picker, timers } = setup();
    const refused = picker.ask(request());
    picker.choose({ requestId: 'r1', sourceId: null, shareAudio: false });
    expect(await refused).toBeUndefined();

    const ignored = picker.ask(request());
    timers.at(-1)?.();
    expect(await ignored).toBeUndefined();

    expect(await picker.ask(request({ sources: [] }))).toBeUndefined();
    const odd = [{ id: 'tab:1', name: 'A tab', kind: 'window' as const }];
    expect(await picker.ask(request({ sources: odd }))).toBeUndefined();
  });

  it('accepts only a source it offered, and only an open question', async () => {
    const { picker, sent } = setup();
    const answer = picker.ask(
      request({
        sources: [
          ...sources,
          { id: 'window:1:0', name: 'x', kind: 'window', thumbnail: 'data:text/html,hi' },
        ],
      }),
    );
    // The source with an unusable picture was left out.
    expect(sent[0]?.sources).toEqual(sources);
    expect(
      picker.choose({ requestId: 'r1', sourceId: 'screen:9:9', shareAudio: false }),
    ).toMatchObject({ ok: false, error: { code: 'SCREEN_SHARE_SOURCE_UNKNOWN' } });
    expect(
      picker.choose({ requestId: 'nope', sourceId: 'screen:0:0', shareAudio: false }),
    ).toMatchObject({ ok: false, error: { code: 'SCREEN_SHARE_REQUEST_UNKNOWN' } });
    // Still open after a wrong pick.
    picker.choose({ requestId: 'r1', sourceId: 'screen:0:0', shareAudio: false });
    expect(await answer).toMatchObject({ sourceId: 'screen:0:0' });
    expect(picker.choose({ requestId: 'r1', sourceId: 'screen:0:0', shareAudio: false }).ok).toBe(
      false,
    );
  });

  it('shares sound only when asked for, supported and ticked', async () => {
    const unsupported = setup(false);
    const noSound = unsupported.picker.ask(request({ audioRequested: true }));
    expect(unsupported.sent[0]?.audioAvailable).toBe(false);
    unsupported.picker.choose({ requestId: 'r1', sourceId: 'screen:0:0', shareAudio: true });
    expect((await noSound)?.audio).toBe(false);

    const windows = setup(true);
    const notAsked = windows.picker.ask(request());
    expect(windows.sent[0]?.audioAvailable).toBe(false);
    windows.picker.choose({ requestId: 'r1', sourceId: 'screen:0:0', shareAudio: true });
    expect((await notAsked)?.audio).toBe(false);

    const sound = windows.picker.ask(request({ audioRequested: true }));
    expect(windows.sent[1]?.audioAvailable).toBe(true);
    windows.picker.choose({ requestId: 'r2', sourceId: 'screen:0:0', shareAudio: true });
    expect((await sound)?.audio).toBe(true);
  });

  it('keeps one picker per service and closes them when a service goes', async () => {
    const { picker, ended } = setup();
    const first = picker.ask(request());
    const second = picker.ask(request());
    expect(await first).toBeUndefined();
    const other = picker.ask(request({ serviceId: 's2' }));
    picker.refuseAll('s1');
    expect(await second).toBeUndefined();
    expect(ended).toEqual(['r1', 'r2']);
    picker.refuseAll();
    expect(await other).toBeUndefined();
    expect(ended).toEqual(['r1', 'r2', 'r3']);
  });
});
