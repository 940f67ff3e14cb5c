import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowDeskError } from '../core';
import { MAX_REDACTED_STRING, isSecretKey, redactString, redactValue } from './redact';

const JWT =
  'eyJhbGciOiJFZERTQSIsInR5cCI6ImZsb3dkZXNrLWxpY2Vuc2Urand0In0.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJlX2J5dGVz';

describe('redactString', () => {
  it.each([
    ['Token is ' + JWT, 'Token is [jwt]'],
    ['Authorization: Bearer abc.DEF_123-xyz', 'Authorization: Bearer [redacted]'],
    ['header Basic dXNlcjpwYXNzd29yZA==', 'header Basic [redacted]'],
    ['mail jane.doe+work@example.co.uk now', 'mail [email] now'],
    [
      'GET https://app.slack.com/api/x?token=abc&team=T1#frag',
      'GET https://app.slack.com/api/x?[redacted]#[redacted]',
    ],
    ['at https://admin:hunter2@jira.corp/browse', 'at https://[credentials]@jira.corp/browse'],
    ['password=hunter2 user=bob', 'password=[redacted] user=bob'],
    ['stripe sk_live_51HxYzAbCdEf0123 key', 'stripe [secret] key'],
    ['gh ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'gh [secret]'],
    ['slack xoxb-1234567890-abcdefghij', 'slack [secret]'],
    ['aws AKIAIOSFODNN7EXAMPLE', 'aws [secret]'],
    ['gitlab glpat-abcdefghij1234567890', 'gitlab [secret]'],
    ['google AIzaSyA-abcdefghijklmnopqrstuvwxyz012345', 'google [secret]'],
  ])('%s', (input, expected) => {
    expect(redactString(input)).toBe(expected);
  });

  it('leaves ordinary text, paths and URLs without secrets alone', () => {
    const text =
      'Loaded https://app.slack.com/client/T1 in 120 ms (view 3 of 6, /var/lib/flowdesk/x.json)';
    expect(redactString(text)).toBe(text);
  });

  it('hides the user name in home-folder paths, and only there', () => {
    expect(redactString('at load (/home/jane/app/main.js:3:9)')).toBe(
      'at load (~/app/main.js:3:9)',
    );
    expect(redactString('file:///Users/Jane Doe/x')).toBe('file://~ Doe/x');
    expect(redactString('C:\\Users\\jane\\AppData\\x.log')).toBe('~\\AppData\\x.log');
    // A URL path that happens to say home or Users is not a folder.
    expect(redactString('https://app.slack.com/home/team')).toBe('https://app.slack.com/home/team');
    expect(redactString('https://x.org/Users/list')).toBe('https://x.org/Users/list');
  });

  it('cuts very long strings', () => {
    const result = redactString('a'.repeat(MAX_REDACTED_STRING + 50));
    expect(result.endsWith('…[truncated]')).toBe(true);
    expect(result.length).toBeLessThan(MAX_REDACTED_STRING + 20);
  });

  it('never lets an email or a JWT through, wherever it sits', () => {
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,15}[a-z0-9])?$/),
        fc.domain().filter((domain) => /\.[a-z]{2,}$/.test(domain)),
      )
      .map(([local, domain]) => `${local}@${domain}`);
    fc.assert(
      fc.property(
        fc.string(),
        email,
        fc.string(),
        fc.boolean(),
        (before, secretEmail, after, useJwt) => {
          const secret = useJwt ? JWT : secretEmail;
          const output = redactString(`${before} ${secret} ${after}`);
          expect(output).not.toContain(secret);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isSecretKey', () => {
  it.each([
    'password',
    'newPassword',
    'api_key',
    'X-Api-Key',
    'accessToken',
    'refresh_token',
    'Cookie',
    'set-cookie',
    'authorization',
    'clientSecret',
    'licenseKey',
    'auth',
    'privateKey',
    'sessionId',
  ])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));
  it.each(['code', 'message', 'serviceId', 'sessionPartition', 'author', 'url'])(
    '%s is not',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
});

describe('redactValue', () => {
  it('redacts deep values and secret keys without touching the input', () => {
    const input = {
      user: {
        email: 'a@b.com',
        password: 'hunter2',
        nested: [{ token: 'x' }, 'see https://x.io/?q=1'],
      },
      count: 3,
    };
    const snapshot = structuredClone(input);
    expect(redactValue(input)).toEqual({
      user: {
        email: '[email]',
        password: '[redacted]',
        nested: [{ token: '[redacted]' }, 'see https://x.io/?[redacted]'],
      },
      count: 3,
    });
    expect(input).toEqual(snapshot);
  });

  it('handles cycles, depth, errors, dates, maps, sets, binary and odd values', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const error = new FlowDeskError(
      'STORE_WRITE_FAILED',
      'Cannot write /home/jane@example.com/store.json',
    );
    const redacted = redactValue(
      {
        cyclic,
        error,
        date: new Date('2026-11-24T00:00:00Z'),
        bad: new Date(Number.NaN),
        map: new Map([['apiKey', 'secret']]),
        set: new Set(['a@b.com']),
        bytes: new Uint8Array(4),
        big: 10n,
        symbol: Symbol('s'),
        fn: () => 1,
        nan: Number.NaN,
        none: undefined,
        deep: { a: { b: { c: 1 } } },
      },
      { maxDepth: 3 },
    ) as Record<string, unknown>;
    expect(redacted.cyclic).toEqual({ name: 'x', self: '[circular]' });
    expect(redacted.error).toMatchObject({
      name: 'FlowDeskError',
      code: 'STORE_WRITE_FAILED',
      message: 'Cannot write ~/store.json',
    });
    expect(redacted.date).toBe('2026-11-24T00:00:00.000Z');
    expect(redacted.bad).toBe('Invalid Date');
    expect(redacted.map).toEqual({ apiKey: '[redacted]' });
    expect(redacted.set).toEqual(['[email]']);
    expect(redacted.bytes).toBe('[binary 4 bytes]');
    expect(redacted.big).toBe('10n');
    expect(redacted.symbol).toBe('Symbol(s)');
    expect(redacted.fn).toBe('[function]');
    expect(redacted.nan).toBe('NaN');
    expect(redacted.deep).toEqual({ a: { b: '[truncated]' } });
  });

  it('bounds wide objects and arrays, and survives throwing getters', () => {
    const wide = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, i]));
    expect(redactValue(wide, { maxEntries: 2 })).toEqual({ k0: 0, k1: 1, '…': '[truncated]' });
    expect(redactValue([1, 2, 3], { maxEntries: 2 })).toEqual([1, 2]);
    const hostile = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(redactValue({ hostile })).toEqual({ hostile: '[unreadable]' });
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withBigInt: true,
        }),
        (value) => {
          expect(() => JSON.stringify(redactValue(value))).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
