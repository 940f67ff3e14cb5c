import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { deadlineSignal } from './abort';

afterEach(() => {
  vi.useRealTimers();
});

describe('deadlineSignal', () => {
  it('aborts with OPERATION_TIMEOUT once the time is up, and not before', () => {
    vi.useFakeTimers();
    const { signal } = deadlineSignal(1000);
    vi.advanceTimersByTime(999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBeInstanceOf(FlowDeskError);
    expect((signal.reason as FlowDeskError).code).toBe('OPERATION_TIMEOUT');
  });

  it('follows the parent signal, with its reason, and at once when it is already aborted', () => {
    const parent = new AbortController();
    const { signal } = deadlineSignal(60_000, parent.signal);
    expect(signal.aborted).toBe(false);
    parent.abort('user cancelled');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('user cancelled');

    const early = deadlineSignal(60_000, AbortSignal.abort('before'));
    expect(early.signal.reason).toBe('before');
    early.dispose();
  });

  it('stops the timer and lets go of the parent once disposed', () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    const { signal, dispose } = deadlineSignal(1000, parent.signal);
    dispose();
    vi.advanceTimersByTime(5000);
    parent.abort();
    expect(signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
