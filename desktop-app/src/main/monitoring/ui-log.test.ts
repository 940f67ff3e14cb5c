import { describe, expect, it } from 'vitest';
import { RingBufferSink, createLogger } from '@flowdesk/shared/monitoring';
import { createUiLogWriter } from './ui-log';

describe('the UI’s log records', () => {
  it('are written through the redacting logger as the UI component', () => {
    const sink = new RingBufferSink(100);
    const write = createUiLogWriter(createLogger({ sinks: [sink] }).child('ui'));
    write({
      level: 'error',
      message: 'Uncaught TypeError',
      context: { source: 'https://app.slack.com/client?token=xoxb-1234-secret', line: 3 },
    });
    const [record] = sink.records();
    expect(record).toMatchObject({
      level: 'error',
      component: 'app.ui',
      message: 'Uncaught TypeError',
    });
    expect(JSON.stringify(record)).not.toContain('xoxb-1234-secret');
  });

  it('drop a flood past the limit and say how many once the window ends', () => {
    const sink = new RingBufferSink(1000);
    let now = 0;
    const write = createUiLogWriter(createLogger({ sinks: [sink] }), {
      limit: 3,
      windowMs: 1000,
      now: () => now,
    });
    for (let index = 0; index < 10; index += 1) write({ level: 'error', message: `loop ${index}` });
    expect(sink.records().map((record) => record.message)).toEqual(['loop 0', 'loop 1', 'loop 2']);
    now = 1000;
    write({ level: 'info', message: 'after' });
    expect(sink.records().slice(3)).toEqual([
      expect.objectContaining({ level: 'warn', context: { dropped: 7 } }),
      expect.objectContaining({ message: 'after' }),
    ]);
  });

  it('pass the UI’s errors on as problems, within the same limit', () => {
    const problems: string[] = [];
    let now = 0;
    const write = createUiLogWriter(createLogger({ sinks: [] }), {
      limit: 2,
      windowMs: 1000,
      now: () => now,
      onError: (message) => problems.push(message),
    });
    write({ level: 'warn', message: 'Slow render' });
    write({ level: 'error', message: 'Unhandled rejection: x' });
    write({ level: 'error', message: 'Dropped: over the limit' });
    now = 1000;
    write({ level: 'error', message: 'Uncaught TypeError' });
    expect(problems).toEqual(['Unhandled rejection: x', 'Uncaught TypeError']);
  });
});
