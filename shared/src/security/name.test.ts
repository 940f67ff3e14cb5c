import { describe, expect, it } from 'vitest';
import {
  MAX_NAME_LENGTH,
  sanitizeServiceName,
  validateServiceName,
  validateWorkspaceName,
} from './name';

describe('sanitizeServiceName', () => {
  it('keeps ordinary names, including accents, CJK and emoji sequences', () => {
    expect(sanitizeServiceName('Slack — Acme')).toBe('Slack — Acme');
    expect(sanitizeServiceName('Équipe 日本 👩‍💻')).toBe('Équipe 日本 👩‍💻');
    expect(sanitizeServiceName('می‌خواهم')).toBe('می‌خواهم');
  });

  it('trims, collapses whitespace and turns line breaks into spaces', () => {
    expect(sanitizeServiceName('  Team\n\nwiki\t ')).toBe('Team wiki');
    expect(sanitizeServiceName('a\u2028b')).toBe('a b');
  });

  it('removes bidi overrides, zero-width and other invisible characters', () => {
    expect(sanitizeServiceName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(sanitizeServiceName('Sl\u200Back\uFEFF')).toBe('Slack');
    expect(sanitizeServiceName('\u2066Git\u2069Hub\u00AD')).toBe('GitHub');
  });

  it('removes control characters and lone surrogates', () => {
    expect(sanitizeServiceName('Jira\u0000\u0007 Cloud\u009F')).toBe('Jira Cloud');
    expect(sanitizeServiceName('ab\uD800cd\uDC00')).toBe('abcd');
  });

  it('normalises to NFC so the same name compares equal', () => {
    expect(sanitizeServiceName('Cafe\u0301')).toBe('Caf\u00E9');
  });

  it('cuts long names by characters without splitting a surrogate pair or leaving a joiner', () => {
    const emoji = '😀'.repeat(MAX_NAME_LENGTH + 10);
    const cut = sanitizeServiceName(emoji);
    expect([...cut]).toHaveLength(MAX_NAME_LENGTH);
    expect(cut).toBe('😀'.repeat(MAX_NAME_LENGTH));
    const joined = `${'a'.repeat(MAX_NAME_LENGTH - 1)}\u200D👩`;
    expect(sanitizeServiceName(joined)).toBe('a'.repeat(MAX_NAME_LENGTH - 1));
  });

  it.each([undefined, null, 5, {}, ['Slack']])('returns an empty name for %j', (input) => {
    expect(sanitizeServiceName(input)).toBe('');
  });
});

describe('validateServiceName / validateWorkspaceName', () => {
  it('returns the cleaned name', () => {
    expect(validateServiceName('  Slack  ')).toEqual({
      valid: true,
      value: 'Slack',
      errors: [],
      warnings: [],
    });
  });

  it('warns when invisible characters were removed', () => {
    const result = validateServiceName('Sla\u202Eck');
    expect(result.valid && result.value).toBe('Slack');
    expect(result.warnings).toEqual([
      {
        field: 'name',
        code: 'NAME_CHARACTERS_REMOVED',
        message: 'Invisible or control characters were removed from the name.',
      },
    ]);
  });

  it('asks for a name when it is empty or only invisible', () => {
    expect(validateServiceName('')).toMatchObject({
      valid: false,
      errors: [{ field: 'name', code: 'NAME_EMPTY', message: 'Enter a name for the service.' }],
    });
    expect(validateWorkspaceName('\u200B \n')).toMatchObject({
      errors: [{ code: 'NAME_EMPTY', message: 'Enter a name for the workspace.' }],
    });
    expect(validateWorkspaceName(undefined).errors[0]?.code).toBe('NAME_EMPTY');
  });

  it('refuses names that are not text', () => {
    expect(validateServiceName(42, 'services.0.name').errors).toEqual([
      { field: 'services.0.name', code: 'NAME_INVALID', message: 'The service name must be text.' },
    ]);
  });

  it('refuses long names instead of silently cutting them, and says how long they are', () => {
    const result = validateWorkspaceName('x'.repeat(70));
    expect(result.errors[0]).toMatchObject({ code: 'NAME_TOO_LONG' });
    expect(result.errors[0]?.message).toBe(
      'Use at most 64 characters for the workspace name (this one has 70).',
    );
    expect(validateWorkspaceName('x'.repeat(64)).valid).toBe(true);
  });
});
