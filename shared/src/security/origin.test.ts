import { describe, expect, it } from 'vitest';
import {
  hostMatchesDomain,
  isOriginInScope,
  isSameSite,
  isSignInOrigin,
  originOf,
  parseUrl,
  registrableDomain,
} from './origin';
import type { NavigationScope } from './scope';

const slack: NavigationScope = {
  serviceDomains: ['slack.com', 'slack-edge.com'],
  serviceOrigins: ['http://192.168.1.20:8080'],
  signInOrigins: ['https://accounts.google.com'],
};

describe('parseUrl and originOf', () => {
  it('parses strings and URLs, and nothing else', () => {
    expect(parseUrl('https://a.com/x')?.hostname).toBe('a.com');
    expect(parseUrl(new URL('https://b.com'))?.hostname).toBe('b.com');
    expect(parseUrl('not a url')).toBeUndefined();
    expect(parseUrl(7)).toBeUndefined();
  });

  it('gives the origin of web URLs only', () => {
    expect(originOf('https://App.Slack.com:443/client?x=1')).toBe('https://app.slack.com');
    expect(originOf('http://localhost:3000/a')).toBe('http://localhost:3000');
    expect(originOf('mailto:a@b.com')).toBeUndefined();
    expect(originOf('data:text/plain,hi')).toBeUndefined();
    expect(originOf('::')).toBeUndefined();
  });
});

describe('registrableDomain', () => {
  it.each([
    ['docs.google.com', 'google.com'],
    ['app.slack.com.', 'slack.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['octocat.github.io', 'octocat.github.io'],
    ['localhost', undefined],
    ['192.168.1.1', undefined],
    ['[::1]', undefined],
  ])('%s → %s', (host, domain) => expect(registrableDomain(host)).toBe(domain));
});

describe('hostMatchesDomain', () => {
  it('matches the domain and its subdomains label by label', () => {
    expect(hostMatchesDomain('slack.com', 'slack.com')).toBe(true);
    expect(hostMatchesDomain('a.b.SLACK.com.', 'slack.com')).toBe(true);
    expect(hostMatchesDomain('notslack.com', 'slack.com')).toBe(false);
    expect(hostMatchesDomain('slack.com.attacker.example', 'slack.com')).toBe(false);
    expect(hostMatchesDomain('slack.com', '')).toBe(false);
  });
});

describe('isSameSite', () => {
  it('compares scheme and registrable domain', () => {
    expect(isSameSite('https://mail.google.com', 'https://docs.google.com/x')).toBe(true);
    expect(isSameSite('https://google.com', 'http://google.com')).toBe(false);
    expect(isSameSite('https://a.github.io', 'https://b.github.io')).toBe(false);
    expect(isSameSite('https://github.com', 'https://github.com.attacker.example')).toBe(false);
  });

  it('compares hosts exactly when there is no registrable domain', () => {
    expect(isSameSite('http://192.168.1.2:80', 'http://192.168.1.2:8080')).toBe(true);
    expect(isSameSite('http://192.168.1.2', 'http://192.168.1.3')).toBe(false);
    expect(isSameSite('http://nas', 'http://nas/x')).toBe(true);
  });

  it('is false for unparseable and non-web URLs', () => {
    expect(isSameSite('nope', 'https://a.com')).toBe(false);
    expect(isSameSite('mailto:a@b.com', 'mailto:c@b.com')).toBe(false);
  });
});

describe('isOriginInScope', () => {
  it('accepts https hosts under the service domains', () => {
    expect(isOriginInScope('https://app.slack.com/client/T1', slack)).toBe(true);
    expect(isOriginInScope('https://a.slack-edge.com/x.js', slack)).toBe(true);
    expect(isOriginInScope('https://slack.com', slack)).toBe(true);
  });

  it('refuses look-alikes, other sites and sign-in providers', () => {
    expect(isOriginInScope('https://slack.com.attacker.example', slack)).toBe(false);
    expect(isOriginInScope('https://evilslack.com', slack)).toBe(false);
    expect(isOriginInScope('https://accounts.google.com', slack)).toBe(false);
  });

  it('never matches a domain over plain http', () => {
    expect(isOriginInScope('http://app.slack.com', slack)).toBe(false);
  });

  it('matches exact origins, including http on the private network', () => {
    expect(isOriginInScope('http://192.168.1.20:8080/dashboard', slack)).toBe(true);
    expect(isOriginInScope('http://192.168.1.20:8081/', slack)).toBe(false);
    expect(isOriginInScope('https://192.168.1.20:8080/', slack)).toBe(false);
  });

  it('refuses non-web schemes, IPv6 hosts not listed, and garbage', () => {
    expect(isOriginInScope('blob:https://app.slack.com/1', slack)).toBe(false);
    expect(isOriginInScope('javascript:alert(1)', slack)).toBe(false);
    expect(isOriginInScope('https://[::1]/', slack)).toBe(false);
    expect(isOriginInScope(undefined, slack)).toBe(false);
  });
});

describe('isSignInOrigin', () => {
  it('matches the exact https origin of a sign-in provider only', () => {
    expect(isSignInOrigin('https://accounts.google.com/o/oauth2/auth?x', slack)).toBe(true);
    expect(isSignInOrigin('https://evil.accounts.google.com/', slack)).toBe(false);
    expect(isSignInOrigin('http://accounts.google.com/', slack)).toBe(false);
    expect(isSignInOrigin('garbage', slack)).toBe(false);
  });
});
