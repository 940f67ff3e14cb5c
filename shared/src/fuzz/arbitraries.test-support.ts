import fc from 'fast-check';

/**
 * Generators of hostile user input for the fuzz tests: addresses and names as they arrive from
 * a paste, an import, a policy or a compromised renderer.
 */

/** Schemes and scheme look-alikes, including tricks browsers once fell for. */
export const SCHEMES = [
  'https://',
  'http://',
  'HTTPS://',
  'hTtP://',
  'https:',
  'https:/',
  'https:\\\\',
  'https:/\\',
  '//',
  '\\\\',
  '',
  'javascript:',
  'JaVaScRiPt:',
  'java\tscript:',
  'java\nscript:',
  ' javascript:',
  '\u0000javascript:',
  'javascript&colon;',
  '%6A%61vascript:',
  'javascript://',
  'x-javascript:',
  'vbscript:',
  'data:',
  'DATA:',
  'data:text/html;base64,',
  'file://',
  'file:///',
  'FILE:',
  'blob:',
  'blob:https://',
  'chrome://',
  'about:',
  'view-source:',
  'ws://',
  'intent://',
  'mailto:',
  'https\u200b://',
  '\uff48\uff54\uff54\uff50\uff53://',
  'https\uff1a//',
];

/** Schemes that must never reach a view or the system, whatever their spelling. */
export const DANGEROUS_SCHEMES = ['javascript', 'vbscript', 'data', 'file', 'blob', 'chrome'];

const USERINFO = [
  '',
  '',
  '',
  'user@',
  'user:pass@',
  ':@',
  '@',
  'app.slack.com@',
  'a%40b@',
  'user:p@ss@',
  '\\@',
  '%00@',
];

const HOSTS = [
  'localhost',
  'LOCALHOST',
  'nas',
  'gitlab.corp',
  '127.1',
  '0x7f.0.0.1',
  '2130706433',
  '017700000001',
  '0.0.0.0',
  '[::]',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[fe80::1%25eth0]',
  '10.0.0.1',
  '192.168.1.20',
  '224.0.0.1',
  '255.255.255.255',
  '999.1.1.1',
  'ex\u00e4mple.com',
  'xn--exmple-cua.com',
  'xn--.com',
  '\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com',
  '\u0430pple.com',
  'example.com.',
  'example..com',
  '.example.com',
  '-a.com',
  'a_b.com',
  '*.com',
  '%65xample.com',
  'ex%00ample.com',
  `${'a'.repeat(64)}.com`,
  `${'x.'.repeat(130)}com`,
  '\ud83d\udca9.la',
  'evil.com#@app.slack.com',
  'app.slack.com\\@evil.com',
  'app.slack.com%2F@evil.com',
  'app.slack.com.evil.com',
];

const PORTS = ['', '', '', ':0', ':443', ':80', ':8080', ':65535', ':65536', ':-1', ':abc', ':'];

const PATHS = [
  '',
  '/',
  '/%00',
  '/\u0000',
  '/\u00e9t\u00e9',
  '/../..',
  '/\\evil.com',
  '?q=javascript:alert(1)',
  '#javascript:alert(1)',
  '/a b',
  '/%2e%2e/',
];

/** Padding around an address: spaces, controls and invisible characters. */
export const AROUND_URL = [
  '',
  '',
  '',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u00a0',
  '\ufeff',
  '\u200b',
  '\u3000',
];

const host = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTS) },
  { weight: 2, arbitrary: fc.domain() },
  { weight: 1, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: fc.ipV6().map((ip) => `[${ip}]`) },
);

/** An address put together from the pieces above, with odd characters around it. */
export const assembledUrl: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...AROUND_URL),
    fc.constantFrom(...SCHEMES),
    fc.constantFrom(...USERINFO),
    host,
    fc.constantFrom(...PORTS),
    fc.oneof(fc.constantFrom(...PATHS), fc.webPath()),
    fc.constantFrom(...AROUND_URL),
  )
  .map((parts) => parts.join(''));

/** Any address-like text: assembled, well-formed, arbitrary, and very long. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: assembledUrl },
  {
    weight: 2,
    arbitrary: fc.webUrl({
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true },
    }),
  },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('https://', 'http://localhost/', ''), fc.nat({ max: 2100 }))
      .map(([prefix, length]) => `${prefix}a.example.com/${'x'.repeat(length)}`),
  },
);

/**
 * Characters that change how names display or compare: controls, bidi overrides, invisible
 * formatting, combining marks, Hangul jamo, emoji joiners, odd spaces and UTF-16 halves.
 */
const NAME_CHARACTERS = [
  ...'aZ 09-_.',
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\u00a0',
  '\u00ad',
  '\u034f',
  '\u061c',
  '\u180e',
  '\u2000',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u2028',
  '\u2029',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2066',
  '\u2069',
  '\u3000',
  '\ufeff',
  '\ufff9',
  '\u0301',
  '\u0308',
  '\u0323',
  'e',
  '\u00e9',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uac00',
  '\ud800',
  '\udc00',
  '\ud83d',
  '\ude00',
  '\ud83d\ude00',
  '\ud83d\udc69\u200d\ud83d\udcbb',
  '\u05d0',
  '\u0627',
  '\ufb01',
  '\u212b',
];

/** Text built from {@link NAME_CHARACTERS}: every combination of the tricky characters. */
export const trickyText = (maxLength = 80): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...NAME_CHARACTERS), maxLength });

/** Names as typed, pasted or imported: tricky, arbitrary, long, and not text at all. */
export const hostileName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: trickyText() },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 1, arbitrary: trickyText(300) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

/** Code points of `text` that are C0/C1 controls or line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** Invisible formatting the name rules remove (bidi overrides and isolates, zero-width space…). */
export const INVISIBLE_FORMATTING =
  /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/u;
/** A UTF-16 half without its other half. */
export const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
