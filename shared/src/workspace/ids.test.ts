import { afterEach, describe, expect, it, vi } from 'vitest';
import { idSchema, isId, newId } from './ids';

describe('ids', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('accepts lower-case ids safe for partitions and file names', () => {
    expect(isId('slack-1')).toBe(true);
    expect(isId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    for (const bad of ['', 'Slack', '-a', 'a/b', '../x', 'a b', 'a'.repeat(64), 7]) {
      expect(isId(bad), String(bad)).toBe(false);
    }
    expect(idSchema.safeParse('x_y').error?.issues[0]).toMatchObject({
      params: { code: 'ID_INVALID' },
    });
  });

  it('makes random UUIDs with WebCrypto', () => {
    const a = newId();
    const b = newId();
    expect(isId(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('uses an injected generator, and refuses one that returns junk', () => {
    expect(newId(() => 'ABC-123')).toBe('abc-123');
    expect(() => newId(() => '../etc')).toThrow(expect.objectContaining({ code: 'ID_INVALID' }));
  });

  it('says so when the runtime has no secure random source', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => newId()).toThrow(expect.objectContaining({ code: 'ID_GENERATOR_MISSING' }));
  });
});
