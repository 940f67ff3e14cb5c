import { describe, expect, it } from 'vitest';
import { IPC_EVENTS } from '@flowdesk/shared/ipc';
import { memoryCeilingNotice } from './memory-ceiling';

describe('memoryCeilingNotice', () => {
  it('says what was done, with the figures, in a notice the UI accepts', () => {
    const event = { serviceId: 's1', usedMb: 912, ceilingMb: 600 };
    const hibernated = memoryCeilingNotice('Slack', { ...event, action: 'hibernated' });
    expect(hibernated.message).toBe(
      'Slack used 912 MB, over its 600 MB ceiling, so it was put to sleep. It reloads when you open it.',
    );
    expect(memoryCeilingNotice('Slack', { ...event, action: 'reloaded' }).message).toMatch(
      /so it was restarted\.$/,
    );
    const call = memoryCeilingNotice('Meet', { ...event, action: 'left-running' });
    expect(call.level).toBe('warning');
    expect(call.message).toMatch(/in a call, so it was left running/);
    for (const notice of [hibernated, call]) {
      expect(IPC_EVENTS.notice.safeParse(notice).success).toBe(true);
    }
  });

  it('keeps the notice id valid for the longest service id', () => {
    const notice = memoryCeilingNotice('X', {
      serviceId: 'a'.repeat(63),
      usedMb: 1,
      ceilingMb: 1,
      action: 'reloaded',
    });
    expect(IPC_EVENTS.notice.safeParse(notice).success).toBe(true);
  });
});
