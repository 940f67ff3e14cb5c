import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcEvent } from '@flowdesk/shared/ipc';
import type { ServicePermissionGrant } from '@flowdesk/shared/workspace';
import { PermissionPrompts } from './permission-prompts';

function setup() {
  const sent: IpcEvent<'permission:requested'>[] = [];
  const remembered: [string, ServicePermissionGrant][] = [];
  const timers: (() => void)[] = [];
  let id = 0;
  const prompts = new PermissionPrompts({
    send: (event) => sent.push(event),
    remember: (serviceId, grant) => remembered.push([serviceId, grant]),
    newId: () => `r${++id}`,
    now: () => new Date('2026-11-24T10:00:00.000Z'),
    setTimer: (task) => {
      timers.push(task);
      return () => undefined;
    },
  });
  return { prompts, sent, remembered, timers };
}

const request = {
  workspaceId: 'w1',
  serviceId: 's1',
  permission: 'media',
  origin: 'https://app.slack.com',
  mediaTypes: ['audio' as const],
};

describe('PermissionPrompts', () => {
  it('asks the UI and resolves with the answer, remembering it when asked to', async () => {
    const { prompts, sent, remembered } = setup();
    const answer = prompts.ask(request);
    expect(sent).toEqual([
      {
        requestId: 'r1',
        workspaceId: 'w1',
        serviceId: 's1',
        permission: 'media',
        origin: 'https://app.slack.com',
        mediaTypes: ['audio'],
      },
    ]);
    expect(prompts.decide({ requestId: 'r1', decision: 'granted', remember: true })).toEqual({
      ok: true,
      value: null,
    });
    await expect(answer).resolves.toBe(true);
    expect(remembered).toEqual([
      [
        's1',
        {
          permission: 'media',
          decision: 'granted',
          mediaTypes: ['audio'],
          decidedAt: '2026-11-24T10:00:00.000Z',
        },
      ],
    ]);
    expect(prompts.openRequests).toBe(0);
  });

  it('treats no answer in time as a no', async () => {
    const { prompts, timers } = setup();
    const answer = prompts.ask({
      ...request,
      permission: 'notifications',
      mediaTypes: undefined,
    });
    timers[0]!();
    await expect(answer).resolves.toBe(false);
    expect(prompts.decide({ requestId: 'r1', decision: 'granted', remember: false })).toMatchObject(
      { ok: false, error: { code: 'PERMISSION_REQUEST_UNKNOWN' } },
    );
  });

  it('asks once when a page asks again before the answer', async () => {
    const { prompts, sent, remembered } = setup();
    const first = prompts.ask(request);
    const second = prompts.ask(request);
    expect(sent).toHaveLength(1);
    prompts.decide({ requestId: 'r1', decision: 'denied', remember: false });
    await expect(Promise.all([first, second])).resolves.toEqual([false, false]);
    expect(remembered).toEqual([]);
  });

  it('refuses unknown permissions without asking, and denies all open questions on request', async () => {
    const { prompts, sent } = setup();
    await expect(prompts.ask({ ...request, permission: 'telepathy' })).resolves.toBe(false);
    expect(sent).toHaveLength(0);
    const a = prompts.ask(request);
    const b = prompts.ask({ ...request, serviceId: 's2' });
    prompts.denyAll('s2');
    await expect(b).resolves.toBe(false);
    prompts.denyAll();
    await expect(a).resolves.toBe(false);
  });

  describe('with the real clock', () => {
    afterEach(() => vi.useRealTimers());

    it('denies after the timeout and clears its timer when answered', async () => {
      vi.useFakeTimers();
      const prompts = new PermissionPrompts({
        send: () => undefined,
        remember: () => undefined,
        newId: () => 'r1',
        timeoutMs: 1000,
      });
      const unanswered = prompts.ask(request);
      await vi.advanceTimersByTimeAsync(1000);
      await expect(unanswered).resolves.toBe(false);
      const answered = prompts.ask(request);
      prompts.decide({ requestId: 'r1', decision: 'granted', remember: false });
      await expect(answered).resolves.toBe(true);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
