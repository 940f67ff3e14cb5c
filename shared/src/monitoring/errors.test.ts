import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import {
  BreadcrumbTrail,
  LocalErrorTracker,
  ProductionErrorHandler,
  classifyError,
  errorReportSchema,
  isAtLeast,
} from './errors';
import type { RecoveryStrategy } from './errors';
import { RingBufferSink, createLogger } from './logger';

describe('classifyError', () => {
  it.each([
    ['OPERATION_CANCELLED', 'cancelled', 'low'],
    ['OPERATION_TIMEOUT', 'timeout', 'medium'],
    ['CIRCUIT_OPEN', 'network', 'medium'],
    ['RETRY_EXHAUSTED', 'network', 'medium'],
    ['STORE_CORRUPT', 'storage', 'critical'],
    ['MIGRATION_FAILED', 'storage', 'critical'],
    ['SCHEMA_TOO_NEW', 'storage', 'high'],
    ['BACKUP_DECRYPT_FAILED', 'storage', 'high'],
    ['IPC_UNKNOWN_CHANNEL', 'security', 'high'],
    ['LICENSE_EXPIRED', 'license', 'medium'],
    ['RENDERER_CRASHED', 'crash', 'high'],
    ['URL_SCHEME_NOT_ALLOWED', 'validation', 'low'],
    ['IPC_INVALID_REQUEST', 'validation', 'low'],
    ['SOMETHING_NEW', 'unknown', 'medium'],
  ])('%s → %s, %s', (code, category, severity) => {
    expect(classifyError(new FlowDeskError(code, 'x'))).toMatchObject({ category, severity, code });
  });

  it('classifies plain errors by kind', () => {
    const abort = Object.assign(new Error('stop'), { name: 'AbortError' });
    const timeout = Object.assign(new Error('slow'), { name: 'TimeoutError' });
    expect(classifyError(abort).category).toBe('cancelled');
    expect(classifyError(timeout).category).toBe('timeout');
    expect(classifyError(new TypeError('fetch failed')).category).toBe('network');
    expect(classifyError(new TypeError('x is not a function'))).toMatchObject({
      category: 'crash',
      recoverable: false,
    });
    expect(classifyError(new Error('?')).code).toBe('UNEXPECTED_ERROR');
    expect(classifyError('string').code).toBe('NON_ERROR_THROWN');
  });

  it('orders severities', () => {
    expect(isAtLeast('critical', 'high')).toBe(true);
    expect(isAtLeast('medium', 'high')).toBe(false);
  });
});

describe('LocalErrorTracker', () => {
  it('groups the same problem, keeps it redacted, and evicts the stalest', () => {
    let time = 0;
    const tracker = new LocalErrorTracker(2, () => new Date(Date.UTC(2026, 10, 24, 10, 0, time++)));
    tracker.capture(new Error('View 3 failed for a@b.com'), { token: 'x' });
    const again = tracker.capture(new Error('View 7 failed for a@b.com'));
    expect(again.count).toBe(2);
    expect(again.error.message).toBe('View 7 failed for [email]');
    expect(again.firstSeen).not.toBe(again.lastSeen);
    tracker.capture(new FlowDeskError('STORE_CORRUPT', 'Bad file'));
    tracker.capture(null);
    const list = tracker.list();
    expect(list.map((report) => report.classification.code)).toEqual([
      'NON_ERROR_THROWN',
      'STORE_CORRUPT',
    ]);
    expect(list[0]?.error.message).toBe('Non-error value thrown (null)');
    tracker.capture('text thrown');
    expect(tracker.list()[0]?.error.message).toBe('text thrown');
    tracker.clear();
    expect(tracker.list()).toEqual([]);
  });

  it('attaches the redacted log records before each occurrence as breadcrumbs', () => {
    const trail = new BreadcrumbTrail(3);
    const logger = createLogger({ level: 'debug', sinks: [trail] });
    const tracker = new LocalErrorTracker(10, () => new Date('2026-11-24T10:00:00Z'), trail);
    logger.debug('Too chatty to keep');
    logger.info('Opened https://mail.example.com/?token=abc');
    logger.child('views').warn('Slow page');
    const first = tracker.capture(new Error('Boom'));
    expect(first.breadcrumbs.map((crumb) => `${crumb.component}: ${crumb.message}`)).toEqual([
      'app: Opened https://mail.example.com/?[redacted]',
      'app.views: Slow page',
    ]);
    for (const n of [1, 2, 3]) logger.info(`Step ${n}`);
    const again = tracker.capture(new Error('Boom'));
    // Only the capacity is kept, oldest dropped; the report carries the latest trail.
    expect(again.breadcrumbs.map((crumb) => crumb.message)).toEqual(['Step 1', 'Step 2', 'Step 3']);
    expect(errorReportSchema.parse(JSON.parse(JSON.stringify(again)))).toEqual(again);
  });

  it('restores reports kept from an earlier run, counting on from them, and says when it changes', () => {
    const earlier = new LocalErrorTracker(10, () => new Date('2026-11-20T08:00:00Z'));
    earlier.capture(new Error('Disk full'));
    earlier.capture(new Error('Disk full'));
    earlier.capture(new FlowDeskError('STORE_WRITE_FAILED', 'Cannot save'));
    const saved = earlier.list();

    const tracker = new LocalErrorTracker(10, () => new Date('2026-11-24T10:00:00Z'));
    const changes = vi.fn();
    tracker.onChange(changes);
    tracker.restore(saved.map((report) => errorReportSchema.parse(report)));
    const disk = tracker.capture(new Error('Disk full'));
    expect(disk.count).toBe(3);
    expect(disk.firstSeen).toBe('2026-11-20T08:00:00.000Z');
    expect(disk.lastSeen).toBe('2026-11-24T10:00:00.000Z');
    const fresh = tracker.capture(new Error('Something new'));
    // Ids go on from the restored ones instead of repeating them.
    expect(new Set(tracker.list().map((report) => report.id)).size).toBe(3);
    expect(fresh.id).toBe('err-3');
    expect(changes).toHaveBeenCalledTimes(3);
    // A listener that throws does not break capture.
    tracker.onChange(() => {
      throw new Error('save failed');
    });
    expect(() => tracker.capture(new Error('Disk full'))).not.toThrow();
  });

  it('refuses a stored report with the wrong shape', () => {
    const tracker = new LocalErrorTracker();
    const report = tracker.capture(new Error('x'));
    expect(errorReportSchema.safeParse({ ...report, count: 0 }).success).toBe(false);
    expect(errorReportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    expect(
      errorReportSchema.safeParse({
        ...report,
        classification: { ...report.classification, severity: 'meh' },
      }).success,
    ).toBe(false);
  });
});

function setup(
  options: { alert?: () => void | Promise<void>; alertAt?: 'high' | 'critical' } = {},
) {
  const sink = new RingBufferSink();
  let clock = Date.UTC(2026, 10, 24);
  const handler = new ProductionErrorHandler({
    logger: createLogger({ level: 'trace', sinks: [sink] }),
    tracker: new LocalErrorTracker(),
    now: () => new Date(clock),
    ...options,
  });
  return { handler, sink, advance: (ms: number) => (clock += ms) };
}

describe('ProductionErrorHandler', () => {
  it('logs, tracks and alerts for critical errors, at most once a minute per problem', async () => {
    const alert = vi.fn();
    const { handler, sink, advance } = setup({ alert });
    const critical = new FlowDeskError('STORE_CORRUPT', 'The store is damaged.');
    expect(await handler.handleError(critical, { component: 'data' })).toMatchObject({
      alerted: true,
    });
    expect((await handler.handleError(critical)).alerted).toBe(false);
    advance(61_000);
    expect((await handler.handleError(critical)).alerted).toBe(true);
    expect(alert).toHaveBeenCalledTimes(2);
    expect((await handler.handleError(new FlowDeskError('URL_EMPTY', 'x'))).alerted).toBe(false);
    expect(sink.records()[0]).toMatchObject({ level: 'fatal', context: { component: 'data' } });
  });

  it('tries recovery strategies in order, rolling back those that fail', async () => {
    const { handler } = setup();
    const rollback = vi.fn(() => Promise.resolve());
    const strategies: RecoveryStrategy[] = [
      { name: 'not-mine', canRecover: () => false, recover: vi.fn() },
      {
        name: 'throws-in-check',
        canRecover: () => {
          throw new Error('bug');
        },
        recover: vi.fn(),
      },
      {
        name: 'fails',
        canRecover: () => true,
        recover: () => Promise.resolve({ recovered: false }),
        rollback,
      },
      {
        name: 'explodes',
        canRecover: () => true,
        recover: () => Promise.reject(new Error('boom')),
        rollback: () => Promise.reject(new Error('rollback boom')),
      },
      {
        name: 'restore-snapshot',
        canRecover: (_e, c) => c.category === 'storage',
        recover: () =>
          Promise.resolve({ recovered: true, message: 'Restored from snapshot for a@b.com' }),
      },
      { name: 'never-reached', canRecover: () => true, recover: vi.fn() },
    ];
    strategies.forEach((strategy) => handler.registerRecoveryStrategy(strategy));
    const result = await handler.handleError(new FlowDeskError('STORE_CORRUPT', 'x'));
    expect(result.recovery).toEqual({
      strategy: 'restore-snapshot',
      recovered: true,
      message: 'Restored from snapshot for [email]',
    });
    expect(rollback).toHaveBeenCalledTimes(1);
    expect(strategies[5]?.recover).not.toHaveBeenCalled();
    expect(strategies[0]?.recover).not.toHaveBeenCalled();
  });

  it('reports the last failed recovery when none succeeds', async () => {
    const { handler } = setup();
    handler.registerRecoveryStrategy({
      name: 'reload',
      canRecover: () => true,
      recover: () => Promise.reject(new Error('no')),
    });
    expect((await handler.handleError(new Error('x'))).recovery).toEqual({
      strategy: 'reload',
      recovered: false,
    });
    const { handler: empty } = setup();
    expect((await empty.handleError(new Error('x'))).recovery).toBeUndefined();
  });

  it('never throws, even when the alert and the logger do', async () => {
    const { handler } = setup({
      alert: () => Promise.reject(new Error('alert down')),
      alertAt: 'high',
    });
    await expect(
      handler.handleError(new FlowDeskError('RENDERER_CRASHED', 'x')),
    ).resolves.toMatchObject({ alerted: false });
    const broken = new ProductionErrorHandler({
      logger: {
        log: () => {
          throw new Error('logger down');
        },
      } as never,
      tracker: new LocalErrorTracker(),
    });
    await expect(broken.handleError(undefined)).resolves.toMatchObject({ alerted: false });
  });
});
