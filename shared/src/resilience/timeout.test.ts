import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResiliencePolicy } from './policy';
import { withTimeout } from './timeout';

describe('withTimeout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves when the operation is quick', async () => {
    await expect(withTimeout(() => Promise.resolve(42), 1000)).resolves.toBe(42);
  });

  it('rejects with OPERATION_TIMEOUT and aborts the operation when it is slow', async () => {
    let signal: AbortSignal | undefined;
    const pending = withTimeout(
      (inner) => {
        signal = inner;
        return new Promise(() => undefined);
      },
      2500,
      { operation: 'The license check' },
    );
    const assertion = expect(pending).rejects.toMatchObject({
      code: 'OPERATION_TIMEOUT',
      message: 'The license check took longer than 2.5 s and was stopped.',
    });
    await vi.advanceTimersByTimeAsync(2500);
    await assertion;
    expect(signal?.aborted).toBe(true);
  });

  it('says OPERATION_CANCELLED when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = withTimeout(() => new Promise(() => undefined), 500, {
      signal: controller.signal,
    });
    const assertion = expect(pending).rejects.toMatchObject({ code: 'OPERATION_CANCELLED' });
    controller.abort();
    await assertion;
  });

  it('passes other errors through and refuses a nonsense limit', async () => {
    await expect(withTimeout(() => Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
    await expect(withTimeout(() => Promise.resolve(1), 0)).rejects.toMatchObject({
      code: 'RESILIENCE_INVALID_OPTIONS',
    });
    const slow = withTimeout(() => new Promise(() => undefined), 300);
    const assertion = expect(slow).rejects.toThrow('300 ms');
    await vi.advanceTimersByTimeAsync(300);
    await assertion;
  });
});

describe('createResiliencePolicy', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('times out each attempt, retries, and lets the breaker count one failure per call', async () => {
    const policy = createResiliencePolicy({
      operation: 'License check',
      timeoutMs: 1000,
      retry: { maxAttempts: 2, initialDelayMs: 100, jitter: 'none' },
      circuitBreaker: { failureThreshold: 2, resetTimeoutMs: 60_000 },
    });
    const operation = vi.fn(() => new Promise<never>(() => undefined));
    const first = policy.execute(operation);
    const firstAssertion = expect(first).rejects.toMatchObject({ code: 'RETRY_EXHAUSTED' });
    await vi.advanceTimersByTimeAsync(1000 + 100 + 1000);
    await firstAssertion;
    expect(operation).toHaveBeenCalledTimes(2);
    expect(policy.breaker?.state).toBe('closed');

    const second = policy.execute(operation);
    const secondAssertion = expect(second).rejects.toMatchObject({ code: 'RETRY_EXHAUSTED' });
    await vi.advanceTimersByTimeAsync(2100);
    await secondAssertion;
    expect(policy.breaker?.state).toBe('open');
    await expect(policy.execute(operation)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(operation).toHaveBeenCalledTimes(4);
  });

  it('works with any subset of its parts', async () => {
    await expect(
      createResiliencePolicy({ operation: 'x' }).execute(() => Promise.resolve(1)),
    ).resolves.toBe(1);
    const timed = createResiliencePolicy({ operation: 'x', timeoutMs: 10 });
    expect(timed.breaker).toBeUndefined();
    await expect(timed.execute(() => Promise.resolve(2))).resolves.toBe(2);
  });
});
