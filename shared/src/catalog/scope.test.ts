import { describe, expect, it } from 'vitest';
import { CUSTOM_SERVICE_ID, requireServiceDefinition } from './catalog';
import { classifyHost, parseWebUrl } from './host';
import { navigationScopeFor } from './scope';

const slack = requireServiceDefinition('slack');
const gitlab = requireServiceDefinition('gitlab');
const jira = requireServiceDefinition('jira');
const custom = requireServiceDefinition(CUSTOM_SERVICE_ID);

describe('classifyHost', () => {
  it.each([
    ['app.slack.com', 'slack.com'],
    ['APP.Slack.com.', 'slack.com'],
    ['acme.atlassian.net', 'atlassian.net'],
    ['myapp.vercel.app', 'myapp.vercel.app'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['teams.cloud.microsoft', 'cloud.microsoft'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('%s is public, registrable domain %s', (host, domain) => {
    expect(classifyHost(host)).toEqual({ kind: 'public', domain });
  });

  it.each([
    '192.168.1.20',
    '10.0.0.1',
    '[::1]',
    '[fd00::1]',
    'localhost',
    'app.localhost',
    'nas',
    'homeassistant.local',
    'gitlab.corp',
    'jenkins.internal',
    'router.home.arpa',
    'server.unknowntld',
    'vercel.app',
    '',
  ])('%s is private', (host) => {
    expect(classifyHost(host)).toEqual({ kind: 'private' });
  });
});

describe('parseWebUrl', () => {
  it('accepts http(s) only', () => {
    expect(parseWebUrl('https://slack.com/x')?.hostname).toBe('slack.com');
    expect(parseWebUrl('http://10.0.0.1:8080')?.port).toBe('8080');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', '', 42, null]) {
      expect(parseWebUrl(bad)).toBeUndefined();
    }
  });
});

describe('navigationScopeFor', () => {
  it('builds the scope of a public service from its entry', () => {
    const scope = navigationScopeFor(slack);
    expect(scope).toEqual({
      serviceDomains: ['slack.com', 'slack-edge.com'],
      serviceOrigins: [],
      signInOrigins: ['https://accounts.google.com', 'https://appleid.apple.com'],
    });
    expect(navigationScopeFor(slack, slack.url!)).toEqual(scope);
  });

  it('adds the registrable domain of a public URL outside the entry', () => {
    const scope = navigationScopeFor(slack, 'https://app.slack-gov.com/client');
    expect(scope.serviceDomains).toEqual(['slack.com', 'slack-edge.com', 'slack-gov.com']);
    expect(scope.serviceOrigins).toEqual([]);
  });

  it('uses the exact origin of a self-hosted server on an IP address', () => {
    const scope = navigationScopeFor(gitlab, 'http://192.168.1.20:8080/explore');
    expect(scope.serviceOrigins).toEqual(['http://192.168.1.20:8080']);
    expect(scope.serviceDomains).toEqual(['gitlab.com', 'gitlab-static.net']);
    expect(scope.signInOrigins).toContain('https://github.com');
  });

  it('uses the exact origin, not the company domain, of a self-hosted server on a public name', () => {
    const scope = navigationScopeFor(gitlab, 'https://gitlab.acme-corp.com/');
    expect(scope.serviceOrigins).toEqual(['https://gitlab.acme-corp.com']);
    expect(scope.serviceDomains).not.toContain('acme-corp.com');
  });

  it('needs nothing extra for a tenant site under the entry’s domains', () => {
    const scope = navigationScopeFor(jira, 'https://acme.atlassian.net/jira/');
    expect(scope.serviceDomains).toEqual(['atlassian.net', 'atlassian.com', 'atl-paas.net']);
    expect(scope.serviceOrigins).toEqual([]);
    expect(scope.signInOrigins).toContain('https://id.atlassian.com');
  });

  it('computes a custom service’s scope from the URL the user entered', () => {
    expect(navigationScopeFor(custom, 'https://app.example.org/dashboard')).toMatchObject({
      serviceDomains: ['example.org'],
      serviceOrigins: [],
    });
    // A site on a shared hosting suffix gets its own host, never the whole suffix.
    expect(navigationScopeFor(custom, 'https://myapp.vercel.app/').serviceDomains).toEqual([
      'myapp.vercel.app',
    ]);
    expect(navigationScopeFor(custom, 'http://localhost:3000/')).toMatchObject({
      serviceDomains: [],
      serviceOrigins: ['http://localhost:3000'],
    });
    expect(navigationScopeFor(custom, 'https://app.example.org').signInOrigins).toContain(
      'https://accounts.google.com',
    );
  });

  it('ignores a missing, malformed or non-web URL: the scope never widens', () => {
    const empty = { serviceDomains: [], serviceOrigins: [] };
    expect(navigationScopeFor(custom)).toMatchObject(empty);
    expect(navigationScopeFor(custom, 'not a url')).toMatchObject(empty);
    expect(navigationScopeFor(custom, 'javascript:alert(1)')).toMatchObject(empty);
    expect(navigationScopeFor(custom, 'file:///etc/passwd')).toMatchObject(empty);
  });

  it('returns fresh arrays that callers may keep', () => {
    const first = navigationScopeFor(slack);
    (first.serviceDomains as string[]).push('evil.example');
    expect(navigationScopeFor(slack).serviceDomains).not.toContain('evil.example');
  });
});
