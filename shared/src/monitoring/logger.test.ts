import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { ConsoleSink, RingBufferSink, createLogger, formatLogLine } from './logger';

const now = () => new Date('2026-11-24T10:00:00.000Z');

describe('createLogger', () => {
  it('writes structured, redacted records to every sink above the level', () => {
    const sink = new RingBufferSink();
    const logger = createLogger({ level: 'info', sinks: [sink], now });
    logger.debug('not written');
    logger.info('Signed in as jane@example.com', { token: 'abc', url: 'https://x.io/cb?code=1' });
    expect(sink.records()).toEqual([
      {
        time: '2026-11-24T10:00:00.000Z',
        level: 'info',
        component: 'app',
        message: 'Signed in as [email]',
        context: { token: '[redacted]', url: 'https://x.io/cb?[redacted]' },
      },
    ]);
  });

  it('records errors as name, code, message and stack', () => {
    const sink = new RingBufferSink();
    const logger = createLogger({ sinks: [sink], now });
    logger.error('Save failed', {
      error: new FlowDeskError('STORE_WRITE_FAILED', 'Disk full'),
      attempt: 2,
    });
    logger.warn('Odd value', { error: 'just text' });
    const [failure, odd] = sink.records();
    expect(failure?.error).toMatchObject({
      name: 'FlowDeskError',
      code: 'STORE_WRITE_FAILED',
      message: 'Disk full',
    });
    expect(failure?.error?.stack).toContain('FlowDeskError: Disk full');
    expect(failure?.context).toEqual({ attempt: 2 });
    expect(odd?.context).toEqual({ error: 'just text' });
  });

  it('gives child loggers their component and fixed fields', () => {
    const sink = new RingBufferSink();
    const views = createLogger({ sinks: [sink], now, component: 'main' }).child('views', {
      workspaceId: 'w1',
    });
    views.child('manager').warn('Hibernated', { serviceId: 's1' });
    expect(sink.records()[0]).toMatchObject({
      component: 'main.views.manager',
      context: { workspaceId: 'w1', serviceId: 's1' },
    });
  });

  it('filters by level everywhere and maps unknown levels to info', () => {
    const sink = new RingBufferSink();
    const logger = createLogger({ level: 'warn', sinks: [sink], now });
    logger.trace('t');
    logger.info('i');
    logger.warn('w');
    logger.fatal('f');
    logger.log('error', 'e');
    logger.log('loud' as 'info', 'unknown level');
    expect(sink.records().map((record) => record.level)).toEqual(['warn', 'fatal', 'error']);
    expect(logger.isLevelEnabled('error')).toBe(true);
    expect(logger.isLevelEnabled('debug')).toBe(false);
  });

  it('keeps going when a sink throws, and counts it', () => {
    const good = new RingBufferSink();
    const logger = createLogger({
      sinks: [
        {
          write: () => {
            throw new Error('disk gone');
          },
        },
        good,
      ],
      now,
    });
    logger.info('one');
    logger.child('x').info('two');
    expect(good.records()).toHaveLength(2);
    expect(logger.sinkFailures).toBe(2);
  });
});

describe('sinks', () => {
  it('the ring buffer keeps the last records only', () => {
    const sink = new RingBufferSink(2);
    const logger = createLogger({ sinks: [sink], now });
    ['a', 'b', 'c'].forEach((message) => logger.info(message));
    expect(sink.records().map((record) => record.message)).toEqual(['b', 'c']);
    sink.clear();
    expect(sink.records()).toEqual([]);
  });

  it('the console sink writes JSON lines to the right stream', () => {
    const target = { log: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const logger = createLogger({ level: 'trace', sinks: [new ConsoleSink(target)], now });
    logger.debug('d');
    logger.warn('w');
    logger.fatal('f');
    expect(target.log).toHaveBeenCalledTimes(1);
    expect(target.warn).toHaveBeenCalledTimes(1);
    expect(target.error).toHaveBeenCalledTimes(1);
    const line = (target.error.mock.calls[0] as string[])[0] ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 'fatal', message: 'f' });
    expect(formatLogLine({ time: 't', level: 'info', component: 'c', message: 'm' })).toBe(
      '{"time":"t","level":"info","component":"c","message":"m"}',
    );
  });
});
