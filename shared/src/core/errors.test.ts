import { describe, expect, it } from 'vitest';
import { FlowDeskError, isFlowDeskError, toFlowDeskError } from './errors';

describe('FlowDeskError', () => {
  it('carries a stable code, a message and frozen details', () => {
    const error = new FlowDeskError('STORE_CORRUPT', 'The store is damaged.', {
      details: { file: 'workspaces.json' },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toBe('The store is damaged.');
    expect(Object.isFrozen(error.details)).toBe(true);
    expect(error.toJSON()).toEqual({
      code: 'STORE_CORRUPT',
      message: 'The store is damaged.',
      details: { file: 'workspaces.json' },
    });
    expect(isFlowDeskError(error)).toBe(true);
    expect(isFlowDeskError(new Error('x'))).toBe(false);
  });

  it('keeps the cause when one is given', () => {
    const cause = new Error('disk full');
    expect(new FlowDeskError('X', 'y', { cause }).cause).toBe(cause);
    expect(new FlowDeskError('X', 'y').cause).toBeUndefined();
  });
});

describe('toFlowDeskError', () => {
  it('returns a FlowDeskError unchanged', () => {
    const error = new FlowDeskError('A', 'b');
    expect(toFlowDeskError(error)).toBe(error);
  });

  it('wraps an Error and keeps it as the cause', () => {
    const original = new TypeError('boom');
    const wrapped = toFlowDeskError(original, 'IPC_HANDLER_FAILED', 'Could not do it.');
    expect(wrapped.code).toBe('IPC_HANDLER_FAILED');
    expect(wrapped.message).toBe('Could not do it.');
    expect(wrapped.cause).toBe(original);
    expect(wrapped.details).toEqual({ originalName: 'TypeError' });
  });

  it.each([
    ['a string', 'text', 'string'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an object', { a: 1 }, 'object'],
  ])('describes %s thrown as a non-Error', (_label, thrown, type) => {
    const wrapped = toFlowDeskError(thrown);
    expect(wrapped.code).toBe('UNEXPECTED_ERROR');
    expect(wrapped.details).toEqual({ thrownType: type });
  });
});
