import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '@flowdesk/shared/core';
import { LocalErrorTracker } from '@flowdesk/shared/monitoring';
import { ErrorHistory } from './error-history';

afterEach(() => vi.useRealTimers());

function memoryFile(initial?: string) {
  const file = {
    text: initial,
    writes: 0,
    failNext: false,
    read: () => file.text,
    write: (text: string) => {
      if (file.failNext) {
        file.failNext = false;
        throw new Error('ENOSPC: no space left on device');
      }
      file.writes += 1;
      file.text = text;
    },
  };
  return file;
}

describe('ErrorHistory', () => {
  it('keeps error groups across restarts, saving a moment after a change', () => {
    vi.useFakeTimers();
    const file = memoryFile();
    const first = new LocalErrorTracker();
    expect(new ErrorHistory(first, file, 1000).load()).toEqual({
      restored: 0,
      dropped: 0,
      unreadable: false,
    });
    first.capture(new FlowDeskError('STORE_WRITE_FAILED', 'Cannot save'));
    first.capture(new FlowDeskError('STORE_WRITE_FAILED', 'Cannot save'));
    first.capture(new Error('Other'));
    expect(file.writes).toBe(0);
    vi.advanceTimersByTime(1000);
    // Three changes, one write.
    expect(file.writes).toBe(1);

    const second = new LocalErrorTracker();
    expect(new ErrorHistory(second, file).load()).toMatchObject({ restored: 2, dropped: 0 });
    expect(second.list().map((report) => [report.classification.code, report.count])).toEqual([
      ['UNEXPECTED_ERROR', 1],
      ['STORE_WRITE_FAILED', 2],
    ]);
  });

  it('drops only the entries that fail the schema, and starts empty from a damaged file', () => {
    const tracker = new LocalErrorTracker();
    tracker.capture(new Error('Good one'));
    const good = tracker.list()[0];
    const file = memoryFile(
      JSON.stringify({ version: 1, reports: [good, { id: 'x', count: -1 }, 'junk'] }),
    );
    const restored = new LocalErrorTracker();
    expect(new ErrorHistory(restored, file).load()).toEqual({
      restored: 1,
      dropped: 2,
      unreadable: false,
    });
    expect(restored.list()[0]?.error.message).toBe('Good one');

    for (const damaged of [
      '{not json',
      JSON.stringify({ version: 9, reports: [] }),
      'x'.repeat(9e6),
    ]) {
      expect(new ErrorHistory(new LocalErrorTracker(), memoryFile(damaged)).load()).toEqual({
        restored: 0,
        dropped: 0,
        unreadable: true,
      });
    }
    const throwing = {
      read: () => {
        throw new Error('EACCES');
      },
      write: () => undefined,
    };
    expect(new ErrorHistory(new LocalErrorTracker(), throwing).load().unreadable).toBe(true);
  });

  it('counts a failed save and writes it with the next flush', () => {
    vi.useFakeTimers();
    const file = memoryFile();
    const tracker = new LocalErrorTracker();
    const history = new ErrorHistory(tracker, file, 1000);
    history.load();
    file.failNext = true;
    expect(() => tracker.capture(new Error('First'))).not.toThrow();
    history.flush();
    expect(history.writeFailures).toBe(1);
    expect(file.text).toBeUndefined();
    history.flush();
    expect(JSON.parse(file.text!)).toMatchObject({ version: 1, reports: [{ count: 1 }] });
    // Nothing pending: no write.
    history.flush();
    expect(file.writes).toBe(1);
  });
});
