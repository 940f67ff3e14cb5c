import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USER_CODE_ALPHABET, newUserCode, normalizeUserCode } from './codes';

describe('user codes', () => {
  it('are 8 letters of the unambiguous alphabet, and read back however they are typed', () => {
    for (let index = 0; index < 200; index += 1) {
      const code = newUserCode();
      expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
      expect([...code.replace('-', '')].every((c) => USER_CODE_ALPHABET.includes(c))).toBe(true);
      expect(normalizeUserCode(code.toLowerCase().replace('-', ' '))).toBe(code);
    }
  });

  it('refuse anything that cannot be a code, without touching the database', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const normalized = normalizeUserCode(typed);
        return (
          normalized === undefined ||
          /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/.test(normalized)
        );
      }),
    );
    expect(normalizeUserCode('AEIO-UAEI')).toBeUndefined();
    expect(normalizeUserCode('BCDF-GHJK-L')).toBeUndefined();
  });
});
