import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { abortableDelay } from './abort';
import { computeBackoffDelay, retry } from './retry';

describe('computeBackoffDelay', () => {
  it('grows exponentially up to the cap without jitter', () => {
    const options = {
      initialDelayMs: 100,
      maxDelayMs: 1000,
      multiplier: 2,
      jitter: 'none' as const,
    };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => computeBackoffDelay(attempt, options))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('spreads delays with full and equal jitter', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 10_000 };
    expect(computeBackoffDelay(3, options, () => 0)).toBe(0);
    expect(computeBackoffDelay(3, options, () => 0.5)).toBe(200);
    expect(computeBackoffDelay(3, { ...options, jitter: 'equal' }, () => 0)).toBe(200);
    expect(computeBackoffDelay(3, { ...options, jitter: 'equal' }, () => 1)).toBe(400);
  });

  it('stays under the cap even where halving tiny values rounds up (found by fast-check)', () => {
    const tiny = {
      initialDelayMs: 1.5e-323,
      maxDelayMs: 1.5e-323,
      multiplier: 0,
      jitter: 'equal' as const,
    };
    expect(computeBackoffDelay(0, tiny, () => 0.75)).toBeLessThanOrEqual(1.5e-323);
  });

  it('is always a finite delay within [0, maxDelayMs]', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double()),
        fc.record({
          initialDelayMs: fc.double({ min: -10, max: 1e6, noNaN: true }),
          maxDelayMs: fc.double({ min: 0, max: 1e7, noNaN: true }),
          multiplier: fc.double({ min: -5, max: 100, noNaN: true }),
          jitter: fc.constantFrom('none', 'full', 'equal'),
        }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (attempt, options, random) => {
          const delay = computeBackoffDelay(attempt, options, () => random);
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(options.maxDelayMs);
        },
      ),
    );
  });
});

describe('retry', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('retries until success, waiting the backoff in between', async () => {
    const operation = vi
      .fn<(attempt: number) => Promise<string>>()
      .mockRejectedValueOnce(new Error('1'))
      .mockRejectedValueOnce(new Error('2'))
      .mockResolvedValue('done');
    const onRetry = vi.fn();
    const pending = retry(operation, {
      maxAttempts: 3,
      initialDelayMs: 100,
      jitter: 'none',
      onRetry,
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(operation).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(operation).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toBe('done');
    expect(operation.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3]);
    expect(onRetry.mock.calls.map(([info]) => (info as { delayMs: number }).delayMs)).toEqual([
      100, 200,
    ]);
  });

  it('gives up with RETRY_EXHAUSTED, keeping the last error', async () => {
    const last = new Error('still down');
    const pending = retry(() => Promise.reject(last), {
      maxAttempts: 2,
      initialDelayMs: 10,
      jitter: 'none',
    });
    const assertion = expect(pending).rejects.toMatchObject({
      code: 'RETRY_EXHAUSTED',
      cause: last,
    });
    await vi.advanceTimersByTimeAsync(10);
    await assertion;
  });

  it('stops at once for errors not worth retrying', async () => {
    const operation = vi.fn(() => Promise.reject(new Error('bad input')));
    await expect(retry(operation, { shouldRetry: () => false })).rejects.toMatchObject({
      code: 'RETRY_EXHAUSTED',
    });
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('stops waiting as soon as it is cancelled', async () => {
    const controller = new AbortController();
    const operation = vi.fn(() => Promise.reject(new Error('x')));
    const pending = retry(operation, {
      maxAttempts: 5,
      initialDelayMs: 60_000,
      jitter: 'none',
      signal: controller.signal,
    });
    const assertion = expect(pending).rejects.toMatchObject({ code: 'OPERATION_CANCELLED' });
    await vi.advanceTimersByTimeAsync(1);
    controller.abort();
    await assertion;
    expect(operation).toHaveBeenCalledTimes(1);
  });

  it('reports cancellation when the operation fails because of it, or before starting', async () => {
    const controller = new AbortController();
    const pending = retry(
      (_attempt, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      { signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'OPERATION_CANCELLED' });
    await expect(
      retry(() => Promise.resolve(1), { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'OPERATION_CANCELLED',
    });
  });

  it('refuses a nonsense attempt count', async () => {
    await expect(retry(() => Promise.resolve(1), { maxAttempts: 0 })).rejects.toMatchObject({
      code: 'RESILIENCE_INVALID_OPTIONS',
    });
  });

  it('abortableDelay resolves after the time and rejects on an already aborted signal', async () => {
    const done = vi.fn();
    void abortableDelay(50, new AbortController().signal).then(done);
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toHaveBeenCalled();
    await expect(abortableDelay(50, AbortSignal.abort())).rejects.toMatchObject({
      code: 'OPERATION_CANCELLED',
    });
  });
});
