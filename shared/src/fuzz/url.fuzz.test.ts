import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SERVICE_URL_LENGTH,
  decideExternalOpen,
  decideNavigation,
  decidePopup,
  validateServiceUrl,
} from '../security';
import type { NavigationScope } from '../security';
import { AROUND_URL, DANGEROUS_SCHEMES, hostileUrl } from './arbitraries.test-support';
import { FUZZ_RUNS, fuzzTimeout } from './runs.test-support';

/**
 * Fuzzing the address rules (issue 12): validateServiceUrl, which guards every service address
 * typed, imported or stored, and the navigation, popup and external-open decisions every service
 * view applies. Beyond security/properties.test.ts: error codes and fields, idempotence with
 * warnings, scheme tricks, scope-independent refusals and popup/navigation agreement.
 */

const URL_ERRORS = [
  'URL_EMPTY',
  'URL_TOO_LONG',
  'URL_MALFORMED',
  'URL_SCHEME_NOT_ALLOWED',
  'URL_HAS_CREDENTIALS',
  'URL_HOST_INVALID',
  'URL_HTTP_NOT_ALLOWED',
];
const URL_WARNINGS = ['URL_UNENCRYPTED', 'URL_INTERNATIONAL_NAME'];

/** Protocols nothing may open, in a view or in the system. */
const NEVER_OPENED = ['javascript:', 'vbscript:', 'data:', 'file:', 'chrome:', 'about:'];

const field = fc.constantFrom('url', 'services.3.url', 'proxy.url');
const timeout = fuzzTimeout(15_000);

describe('validateServiceUrl, fuzzed', () => {
  it(
    'answers every address with one known error for the field, or an http(s) address that is accepted again as it is',
    () => {
      fc.assert(
        fc.property(hostileUrl, fc.boolean(), field, (input, allowPrivateHttp, name) => {
          const result = validateServiceUrl(input, { allowPrivateHttp, field: name });
          for (const warning of result.warnings) {
            expect(URL_WARNINGS).toContain(warning.code);
            expect(warning.field).toBe(name);
          }
          if (!result.valid) {
            expect(result.errors).toHaveLength(1);
            const [error] = result.errors;
            expect(URL_ERRORS).toContain(error!.code);
            expect(error!.field).toBe(name);
            expect(error!.message.length).toBeGreaterThan(0);
            if (input.trim().length > MAX_SERVICE_URL_LENGTH)
              expect(error!.code).toBe('URL_TOO_LONG');
            return;
          }
          const url = new URL(result.value);
          // Normalised: exactly what the WHATWG parser writes, no user name, no trailing dot.
          expect(url.href).toBe(result.value);
          expect(url.username + url.password).toBe('');
          expect(url.hostname).not.toMatch(/\.$/);
          expect(url.protocol === 'https:' || (allowPrivateHttp && url.protocol === 'http:')).toBe(
            true,
          );
          expect(result.value.length).toBeLessThanOrEqual(MAX_SERVICE_URL_LENGTH);
          const again = validateServiceUrl(result.value, { allowPrivateHttp, field: name });
          expect(again.valid && again.value).toBe(result.value);
          expect(again.warnings.map((w) => w.code)).toEqual(result.warnings.map((w) => w.code));
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  // Regression case found by this fuzzer (issue 12): a 2,017-character address with a
  // non-ASCII path is accepted and normalised to an 11,992-character percent-encoded address,
  // which validateServiceUrl itself then refuses (URL_TOO_LONG), as does the stored-address
  // schema (storedServiceUrl): a service added with it cannot be saved. Fixed: the address as
  // stored must fit the limit too.
  it('refuses an address whose stored, percent-encoded form is too long', () => {
    const result = validateServiceUrl(`https://a.example.com/${'\u00e9'.repeat(1995)}`);
    expect(result.errors.map((error) => error.code)).toEqual(['URL_TOO_LONG']);
  });

  it(
    'refuses a dangerous scheme however it is spelled or padded',
    () => {
      const payload = fc.oneof(
        fc.constantFrom('alert(1)', '//evil.example/', '///etc/passwd', ',<script>', 'x', ''),
        fc.webPath(),
        fc.string({ maxLength: 30 }),
        fc.domain().map((domain) => `//${domain}/`),
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...AROUND_URL),
          fc.mixedCase(fc.constantFrom(...DANGEROUS_SCHEMES)),
          payload,
          fc.boolean(),
          (before, scheme, rest, allowPrivateHttp) => {
            const input = `${before}${scheme}:${rest}`;
            const result = validateServiceUrl(input, { allowPrivateHttp });
            // Never anything but https: at most the host named "javascript" (or "data"…).
            if (result.valid) {
              expect(new URL(result.value).protocol).toBe('https:');
              expect(new URL(result.value).hostname).toBe(scheme.toLowerCase());
            }
            // Two readings give that host, both harmless: "javascript:8080" is the host
            // "javascript" on port 8080 (like "localhost:3000"); and a zero-width character in
            // front, which the URL parser drops from a host name, makes "\u200bjavascript:" a
            // scheme-less "https://javascript/". Every other spelling must be refused.
            const typed = input.trim();
            if (/^\d{1,5}(?:[/?#]|$)/.test(typed.slice(typed.indexOf(':') + 1))) return;
            if (before === '\u200b') return;
            expect(result.valid).toBe(false);
            expect(['URL_SCHEME_NOT_ALLOWED', 'URL_MALFORMED']).toContain(result.errors[0]?.code);
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it(
    'private http only widens what is accepted, never changes it',
    () => {
      fc.assert(
        fc.property(hostileUrl, (input) => {
          const strict = validateServiceUrl(input);
          const relaxed = validateServiceUrl(input, { allowPrivateHttp: true });
          if (strict.valid) {
            expect(relaxed.valid && relaxed.value).toBe(strict.value);
            expect(new URL(strict.value).protocol).toBe('https:');
          }
          if (!relaxed.valid) expect(strict.valid).toBe(false);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it('answers anything that is not text with URL_EMPTY', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
        (input) => {
          fc.pre(typeof input !== 'string');
          const result = validateServiceUrl(input);
          expect(result.valid).toBe(false);
          expect(result.errors.map((e) => e.code)).toEqual(['URL_EMPTY']);
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});

const SCOPE_DOMAINS = ['slack.com', 'example.com', 'localhost', 'com', '', 'javascript', 'null'];
const SCOPE_ORIGINS = [
  'https://app.slack.com',
  'http://192.168.1.20:8080',
  'https://gitlab.corp',
  'null',
  'javascript:alert(1)',
  'data:,x',
  'file:///',
  'blob:https://app.slack.com/x',
  '*',
  '',
];
/** Scopes as configured, including misconfigured ones (odd origins, empty domains). */
const scope: fc.Arbitrary<NavigationScope> = fc.record({
  serviceDomains: fc.oneof(fc.subarray(SCOPE_DOMAINS), fc.array(fc.domain(), { maxLength: 2 })),
  serviceOrigins: fc.subarray(SCOPE_ORIGINS),
  signInOrigins: fc.subarray([...SCOPE_ORIGINS, 'https://accounts.google.com']),
});

/** Targets as a page could name them: text, parsed URLs, and things that are neither. */
const target: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileUrl },
  {
    weight: 1,
    arbitrary: hostileUrl.map((text) => {
      try {
        return new URL(text);
      } catch {
        return text;
      }
    }),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);

function protocolOf(value: unknown): string | undefined {
  try {
    return new URL(value instanceof URL ? value.href : String(value)).protocol;
  } catch {
    return undefined;
  }
}

describe('navigation, popup and external-open decisions, fuzzed', () => {
  it(
    'never let a view or the system open anything but the web, mail, blank pages and in-scope blobs',
    () => {
      fc.assert(
        fc.property(target, scope, (url, where) => {
          const protocol = protocolOf(url);
          const navigation = decideNavigation(url, where);
          if (navigation.action === 'allow') {
            const href = url instanceof URL ? url.href : String(url);
            if (navigation.reason === 'blank-page') expect(new URL(href).href).toBe('about:blank');
            else expect(['https:', 'http:', 'blob:']).toContain(protocol);
          }
          if (navigation.action === 'open-external') {
            expect(['https:', 'http:', 'mailto:']).toContain(protocol);
          }
          if (protocol !== undefined && NEVER_OPENED.includes(protocol)) {
            expect(navigation.action === 'block' || navigation.reason === 'blank-page').toBe(true);
          }

          // A popup is held to the navigation rules; only an empty or blank one opens as is.
          const popup = decidePopup(url, where);
          if (url === '' || url === 'about:blank') {
            expect(popup).toEqual({ action: 'allow-in-app', reason: 'blank-popup' });
          } else {
            const expected = {
              allow: 'allow-in-app',
              'open-external': 'open-external',
              block: 'deny',
            }[navigation.action];
            expect(popup.action).toBe(expected);
          }

          const external = decideExternalOpen(url);
          if (external.allowed) {
            const opened = new URL(external.url);
            expect(opened.href).toBe(external.url);
            expect(['https:', 'http:', 'mailto:']).toContain(opened.protocol);
            if (opened.protocol !== 'mailto:') {
              expect(opened.hostname).not.toBe('');
              expect(opened.username + opened.password).toBe('');
            }
            const again = decideExternalOpen(external.url);
            expect(again.allowed && again.url).toBe(external.url);
          } else {
            expect(['malformed-url', 'scheme-not-allowed']).toContain(external.reason);
          }
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );

  it(
    'block a dangerous scheme whatever the scope says, even when the scope names it',
    () => {
      const dangerous = fc
        .tuple(
          fc.mixedCase(fc.constantFrom('javascript', 'vbscript', 'data', 'file', 'chrome')),
          fc.oneof(
            fc.constantFrom('alert(1)', '//app.slack.com/', 'text/html,<b>x</b>', '///etc/hosts'),
            fc.string({ maxLength: 20 }),
          ),
        )
        .map(([scheme, rest]) => `${scheme}:${rest}`);
      fc.assert(
        fc.property(dangerous, scope, (url, where) => {
          fc.pre(protocolOf(url) !== undefined);
          const withItself: NavigationScope = {
            ...where,
            serviceOrigins: [...where.serviceOrigins, url],
            signInOrigins: [...where.signInOrigins, url],
          };
          expect(decideNavigation(url, withItself).action).toBe('block');
          expect(decidePopup(url, withItself).action).toBe('deny');
          expect(decideExternalOpen(url).allowed).toBe(false);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    timeout,
  );
});
