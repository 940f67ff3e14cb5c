import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideExternalOpen, decideNavigation, decidePermission, decidePopup } from './decisions';
import { MAX_NAME_LENGTH, sanitizeServiceName, validateServiceName } from './name';
import { isLoopbackHost, isPrivateNetworkHost } from './network';
import { isOriginInScope } from './origin';
import type { NavigationScope } from './scope';
import { validateServiceUrl } from './url';
import { validateWorkspaceInput } from './workspace-input';

/**
 * Properties over generated input: the validators never throw, and what they accept always
 * meets the rules, whatever the input.
 */

const scope: NavigationScope = {
  serviceDomains: ['slack.com'],
  serviceOrigins: ['http://192.168.1.20:8080'],
  signInOrigins: ['https://accounts.google.com'],
};

const schemes = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'javascript:',
  'data:',
  'file://',
  'blob:',
  'chrome://',
  'devtools://',
  'ftp://',
  '',
);
const hosts = fc.oneof(
  fc.domain(),
  fc.ipV4(),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.constantFrom('localhost', 'nas', 'gitlab.corp', '127.0.0.1', '10.1.2.3', 'exämple.com'),
);
const userinfo = fc.option(
  fc
    .tuple(fc.webSegment(), fc.option(fc.webSegment()))
    .map(([user, pass]) => (pass === null ? `${user}@` : `${user}:${pass}@`)),
  { nil: '' },
);
/** URL-like strings: plausible pieces put together, plus arbitrary text. */
const urlLike = fc.oneof(
  fc
    .tuple(schemes, userinfo, hosts, fc.option(fc.integer({ min: 0, max: 70000 })), fc.webPath())
    .map(
      ([scheme, user, host, port, path]) =>
        `${scheme}${user}${host}${port === null ? '' : `:${port}`}${path}`,
    ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.string(),
  fc.string({ unit: 'binary' }),
);

// eslint-disable-next-line no-control-regex -- asserting control characters are gone
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/;

/** Round-trips text through encodeURIComponent, which throws on lone surrogates. */
function encodeURIComponentSafe(text: string): string {
  return decodeURIComponent(encodeURIComponent(text));
}

describe('security properties', () => {
  it('validateServiceUrl never throws and accepts only https or private http, without credentials', () => {
    fc.assert(
      fc.property(urlLike, fc.boolean(), (input, allowPrivateHttp) => {
        const result = validateServiceUrl(input, { allowPrivateHttp });
        if (!result.valid) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        const url = new URL(result.value);
        expect(url.username).toBe('');
        expect(url.password).toBe('');
        if (url.protocol === 'http:') {
          expect(allowPrivateHttp).toBe(true);
          expect(isPrivateNetworkHost(url.hostname) || isLoopbackHost(url.hostname)).toBe(true);
        } else {
          expect(url.protocol).toBe('https:');
        }
        // Accepting is stable: the normalised address is accepted as it is.
        const again = validateServiceUrl(result.value, { allowPrivateHttp });
        expect(again.valid && again.value).toBe(result.value);
      }),
      { numRuns: 3000 },
    );
  });

  it('validateServiceUrl never throws on any value at all', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(typeof validateServiceUrl(input).valid).toBe('boolean');
      }),
    );
  });

  it('sanitizeServiceName never throws, is idempotent and returns clean, bounded text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.anything()), (input) => {
        const name = sanitizeServiceName(input);
        expect([...name].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(UNSAFE_IN_NAMES);
        expect(name).not.toMatch(/\s{2}/);
        expect(sanitizeServiceName(name)).toBe(name);
        // No lone UTF-16 surrogates survive.
        expect(name).toBe(encodeURIComponentSafe(name));
        const checked = validateServiceName(input);
        if (checked.valid) expect(checked.value).toBe(name);
      }),
      { numRuns: 3000 },
    );
  });

  it('navigation, popup, external-open and permission decisions never throw', () => {
    fc.assert(
      fc.property(urlLike, fc.string(), (url, permission) => {
        const navigation = decideNavigation(url, scope);
        expect(['allow', 'open-external', 'block']).toContain(navigation.action);
        if (
          navigation.action === 'allow' &&
          navigation.reason === 'service-origin' &&
          !url.startsWith('blob:')
        ) {
          expect(isOriginInScope(url, scope)).toBe(true);
        }
        expect(['allow-in-app', 'open-external', 'deny']).toContain(decidePopup(url, scope).action);
        const external = decideExternalOpen(url);
        if (external.allowed)
          expect(['https:', 'http:', 'mailto:']).toContain(new URL(external.url).protocol);
        const decision = decidePermission({ permission, requestingOrigin: url }, scope);
        expect(['grant', 'deny', 'prompt']).toContain(decision.decision);
      }),
      { numRuns: 2000 },
    );
  });

  it('a host outside the service domains is never in scope, however it is spelled', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        fc.pre(domain !== 'slack.com' && !domain.endsWith('.slack.com'));
        expect(isOriginInScope(`https://${domain}/`, scope)).toBe(false);
        expect(isOriginInScope(`https://slack.com.${domain}/`, scope)).toBe(false);
        expect(decideNavigation(`https://${domain}/`, scope).action).not.toBe('allow');
      }),
    );
  });

  it('validateWorkspaceInput never throws on any value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({
            name: fc.oneof(fc.string(), fc.anything()),
            services: fc.array(
              fc.record({
                type: fc.constantFrom('slack', 'custom-template', 'jira', 'nope', 'gitlab'),
                url: fc.option(urlLike, { nil: undefined }),
                name: fc.option(fc.string(), { nil: undefined }),
                tenant: fc.option(fc.string(), { nil: undefined }),
              }),
              { maxLength: 5 },
            ),
          }),
        ),
        (input) => {
          const result = validateWorkspaceInput(input);
          if (result.valid) {
            for (const service of result.value.services) {
              expect(validateServiceUrl(service.url, { allowPrivateHttp: true }).valid).toBe(true);
            }
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
