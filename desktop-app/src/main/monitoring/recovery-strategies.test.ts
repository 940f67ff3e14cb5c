import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError, err, ok } from '@flowdesk/shared/core';
import {
  LocalErrorTracker,
  ProductionErrorHandler,
  RingBufferSink,
  createLogger,
} from '@flowdesk/shared/monitoring';
import type { RecoveryStrategy } from '@flowdesk/shared/monitoring';
import { DegradationManager } from '@flowdesk/shared/resilience';
import {
  degradeDependencyStrategy,
  reloadAppUiStrategy,
  reopenStoreStrategy,
} from './recovery-strategies';

function handlerWith(...strategies: RecoveryStrategy[]) {
  const handler = new ProductionErrorHandler({
    logger: createLogger({ sinks: [new RingBufferSink()] }),
    tracker: new LocalErrorTracker(),
  });
  strategies.forEach((strategy) => handler.registerRecoveryStrategy(strategy));
  return handler;
}

describe('recovery strategies', () => {
  it('reloads a crashed app UI, but gives up after three crashes in ten minutes', async () => {
    let clock = 0;
    const reload = vi.fn();
    const handler = handlerWith(reloadAppUiStrategy(reload, () => clock));
    const crash = () =>
      handler.handleError(new FlowDeskError('APP_UI_CRASHED', 'The app UI stopped (oom).'));
    expect((await crash()).recovery).toEqual({
      strategy: 'reload-app-ui',
      recovered: true,
      message: 'The app UI was reloaded.',
    });
    clock += 60_000;
    await crash();
    clock += 60_000;
    expect((await crash()).recovery).toMatchObject({ recovered: false });
    expect(reload).toHaveBeenCalledTimes(2);
    // Ten quiet minutes later it is reloaded again.
    clock += 11 * 60_000;
    expect((await crash()).recovery?.recovered).toBe(true);
    // Other errors are not its business.
    expect((await handler.handleError(new Error('x'))).recovery).toBeUndefined();
  });

  it('writes the last good store again once the folder can be written', async () => {
    let writable = false;
    const saveCurrent = vi.fn(() => ok(null));
    const handler = handlerWith(
      reopenStoreStrategy({
        probeWritable: () => (writable ? Promise.resolve() : Promise.reject(new Error('ENOSPC'))),
        saveCurrent,
      }),
    );
    const failure = new FlowDeskError('STORE_WRITE_FAILED', 'Could not save your workspaces.');
    const stillFailing = (await handler.handleError(failure)).recovery;
    expect(stillFailing?.recovered).toBe(false);
    expect(stillFailing?.message).toMatch(/still cannot be written/);
    expect(saveCurrent).not.toHaveBeenCalled();
    writable = true;
    expect((await handler.handleError(failure)).recovery).toMatchObject({ recovered: true });
    expect(saveCurrent).toHaveBeenCalledTimes(1);

    const readOnly = handlerWith(
      reopenStoreStrategy({
        probeWritable: () => Promise.resolve(),
        saveCurrent: () => err(new FlowDeskError('STORE_READ_ONLY', 'Made by a newer version.')),
      }),
    );
    expect((await readOnly.handleError(failure)).recovery).toMatchObject({
      recovered: false,
      message: 'Made by a newer version.',
    });
    // A corrupt store is not a failed save: not this strategy's business.
    expect(
      (await readOnly.handleError(new FlowDeskError('STORE_CORRUPT', 'x'))).recovery,
    ).toBeUndefined();
  });

  it('switches a failing server dependency off for a while through the DegradationManager', async () => {
    const degradation = new DegradationManager({
      features: { 'remote-error-reports': ['error-reports'] },
    });
    degradation.registerService('error-reports');
    const scheduled: { task: () => void; delay: number }[] = [];
    const handler = handlerWith(
      degradeDependencyStrategy({
        degradation,
        dependencies: ['error-reports'],
        retryAfterMs: 30 * 60_000,
        schedule: (task, delay) => scheduled.push({ task, delay }),
      }),
    );
    const failure = new FlowDeskError('NETWORK_ERROR_REPORT_FAILED', 'Not sent.');
    const handled = await handler.handleError(failure, { dependency: 'error-reports' });
    expect(handled.recovery?.recovered).toBe(true);
    expect(handled.recovery?.message).toMatch(/30 min/);
    expect(degradation.isFeatureAvailable('remote-error-reports')).toBe(false);
    // A second failure while off does not stack a second retry.
    await handler.handleError(failure, { dependency: 'error-reports' });
    expect(scheduled).toHaveLength(1);
    scheduled[0]!.task();
    await Promise.resolve();
    expect(degradation.isFeatureAvailable('remote-error-reports')).toBe(true);
    // Without a known dependency there is nothing to degrade.
    expect((await handler.handleError(failure)).recovery).toEqual({
      strategy: 'degrade-dependency',
      recovered: false,
    });
  });
});
