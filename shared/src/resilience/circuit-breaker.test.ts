import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { CircuitBreaker } from './circuit-breaker';

const fail = () => Promise.reject(new Error('down'));
const succeed = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('opens after the threshold of consecutive failures and then fails fast', async () => {
    const breaker = new CircuitBreaker({
      name: 'License server',
      failureThreshold: 3,
      resetTimeoutMs: 10_000,
    });
    for (let i = 0; i < 3; i += 1) await expect(breaker.execute(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    const operation = vi.fn(succeed);
    const error = await breaker.execute(operation).catch((e: unknown) => e);
    expect(operation).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(FlowDeskError);
    expect(error).toMatchObject({
      code: 'CIRCUIT_OPEN',
      message: 'License server failed several times in a row; Flow Desk will try again in 10 s.',
      details: { name: 'License server', retryAt: '2026-11-24T10:00:10.000Z' },
    });
  });

  it('a success resets the count of consecutive failures', async () => {
    const breaker = new CircuitBreaker({ name: 'x', failureThreshold: 2 });
    await expect(breaker.execute(fail)).rejects.toThrow();
    await breaker.execute(succeed);
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('lets one trial through after the reset timeout: success closes, failure re-opens', async () => {
    const breaker = new CircuitBreaker({ name: 'x', failureThreshold: 1, resetTimeoutMs: 5000 });
    const states: string[] = [];
    breaker.onStateChange((state) => states.push(state));
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    vi.advanceTimersByTime(5001);
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    vi.advanceTimersByTime(5001);
    await expect(breaker.execute(succeed)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('does not count errors the caller marks as not failures', async () => {
    const breaker = new CircuitBreaker({
      name: 'x',
      failureThreshold: 1,
      isFailure: (error) => !(error instanceof FlowDeskError && error.code.startsWith('URL_')),
    });
    await expect(
      breaker.execute(() => Promise.reject(new FlowDeskError('URL_EMPTY', 'Enter an address.'))),
    ).rejects.toThrow('Enter an address.');
    expect(breaker.state).toBe('closed');
  });

  it('passes an abort signal to the operation', async () => {
    const breaker = new CircuitBreaker({ name: 'x' });
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = breaker.execute(
      (signal) =>
        new Promise((_resolve, reject) => {
          seen = signal;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
      controller.signal,
    );
    controller.abort();
    await expect(pending).rejects.toThrow('aborted');
    expect(seen?.aborted).toBe(true);
  });

  it('can be isolated and reset', async () => {
    const breaker = new CircuitBreaker({ name: 'Update server', failureThreshold: 1 });
    const release = breaker.isolate();
    expect(breaker.state).toBe('isolated');
    await expect(breaker.execute(succeed)).rejects.toMatchObject({
      code: 'CIRCUIT_OPEN',
      message:
        'Update server failed several times in a row; Flow Desk will try again once it is available again.',
    });
    release();
    expect(breaker.state).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow();
    const states: string[] = [];
    const unsubscribe = breaker.onStateChange((state) => states.push(state));
    breaker.reset();
    expect(breaker.state).toBe('closed');
    expect(states).toEqual(['closed']);
    breaker.reset();
    expect(states).toEqual(['closed']);
    unsubscribe();
  });

  it('keeps working when a listener throws', async () => {
    const breaker = new CircuitBreaker({ name: 'x', failureThreshold: 1 });
    breaker.onStateChange(() => {
      throw new Error('listener bug');
    });
    await expect(breaker.execute(fail)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
  });

  it('refuses nonsense options', () => {
    expect(() => new CircuitBreaker({ name: 'x', failureThreshold: 0 })).toThrow(
      expect.objectContaining({ code: 'RESILIENCE_INVALID_OPTIONS' }),
    );
    expect(() => new CircuitBreaker({ name: 'x', resetTimeoutMs: 1.5 })).toThrow(FlowDeskError);
  });
});
