import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { err, fieldErrorsFromZod, fieldPath, invalid, ok, parseWith, valid } from './result';

describe('result helpers', () => {
  it('builds ok and err results', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('no')).toEqual({ ok: false, error: 'no' });
  });

  it('builds validation results', () => {
    expect(valid('x')).toEqual({ valid: true, value: 'x', errors: [], warnings: [] });
    const errors = [{ field: 'name', code: 'NAME_EMPTY', message: 'Enter a name.' }];
    expect(invalid(errors)).toEqual({ valid: false, errors, warnings: [] });
  });

  it('joins paths with dots', () => {
    expect(fieldPath(['services', 2, 'url'])).toBe('services.2.url');
    expect(fieldPath([])).toBe('');
  });
});

describe('fieldErrorsFromZod', () => {
  const schema = z.object({
    name: z.string().min(1, 'Enter a name.'),
    port: z
      .number()
      .refine((n) => n > 0, { message: 'Port must be positive.', params: { code: 'PORT_RANGE' } }),
  });

  it('maps each issue to a field, a code and the message', () => {
    const parsed = schema.safeParse({ name: '', port: -1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsFromZod(parsed.error)).toEqual([
      { field: 'name', code: 'INVALID_TOO_SMALL', message: 'Enter a name.' },
      { field: 'port', code: 'PORT_RANGE', message: 'Port must be positive.' },
    ]);
    expect(fieldErrorsFromZod(parsed.error, 'settings')[0]?.field).toBe('settings.name');
  });

  it('uses the prefix alone for a root issue', () => {
    const parsed = z.string().safeParse(1);
    if (parsed.success) throw new Error('expected failure');
    expect(fieldErrorsFromZod(parsed.error, 'input')[0]?.field).toBe('input');
    expect(fieldErrorsFromZod(parsed.error)[0]?.field).toBe('');
    // zod's own invalid_* codes are not prefixed twice.
    expect(fieldErrorsFromZod(parsed.error)[0]?.code).toBe('INVALID_TYPE');
  });
});

describe('parseWith', () => {
  const schema = z.object({ id: z.string() });

  it('returns the parsed value', () => {
    expect(parseWith(schema, { id: 'a' }, 'BAD', 'The file')).toEqual({
      ok: true,
      value: { id: 'a' },
    });
  });

  it('returns a typed error naming the first wrong field', () => {
    const result = parseWith(schema, { id: 5 }, 'STORE_INVALID', 'The workspace file');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('STORE_INVALID');
    expect(result.error.message).toMatch(/^The workspace file is not valid \(id: /);
    expect(result.error.details.fields).toHaveLength(1);
  });

  it('describes a root-level problem without a field name', () => {
    const result = parseWith(z.string(), 5, 'X', 'The value');
    if (result.ok) throw new Error('expected failure');
    expect(result.error.message).toBe(
      'The value is not valid (Invalid input: expected string, received number).',
    );
  });
});
