import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveId, rememberRecent, stepRecent } from './order';

describe('moveId', () => {
  it('moves an id to a position and clamps the position', () => {
    expect(moveId(['a', 'b', 'c'], 'a', 2)).toEqual(['b', 'c', 'a']);
    expect(moveId(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveId(['a', 'b', 'c'], 'b', 99)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 'b', -3)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });

  it('always keeps the same ids', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.nat(20),
        fc.nat(20),
        (ids, pick, to) => {
          const id = ids[pick % ids.length]!;
          const moved = moveId(ids, id, to);
          return [...moved].sort().join() === [...ids].sort().join() && moved.includes(id);
        },
      ),
    );
  });
});

describe('recent services', () => {
  const known = new Set(['a', 'b', 'c']);

  it('puts the latest first, drops removed services and keeps the list short', () => {
    expect(rememberRecent(['b', 'x', 'a'], 'a', known)).toEqual(['a', 'b']);
    expect(rememberRecent(['a', 'b', 'c'], 'c', known, 2)).toEqual(['c', 'a']);
  });

  it('steps forward and backward through the list, wrapping around', () => {
    expect(stepRecent(['a', 'b', 'c'], 'a', 1)).toBe('b');
    expect(stepRecent(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(stepRecent(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(stepRecent(['a', 'b'], undefined, 1)).toBe('b');
    expect(stepRecent(['a'], 'a', 1)).toBeUndefined();
  });
});
