import { describe, expect, it } from 'vitest';
import { CUSTOM_SERVICE_ID, requireServiceDefinition } from './catalog';
import { resolveServiceUrl } from './service-url';
import type { ServiceUrlInput } from './service-url';

function resolve(id: string, input?: ServiceUrlInput) {
  return resolveServiceUrl(requireServiceDefinition(id), input);
}

function failure(id: string, input?: ServiceUrlInput) {
  const result = resolve(id, input);
  if (result.ok) throw new Error(`expected a failure, got ${result.value}`);
  return result.error;
}

describe('resolveServiceUrl', () => {
  it('returns the catalog default when the user gives nothing', () => {
    expect(resolve('slack')).toEqual({ ok: true, value: 'https://app.slack.com/client' });
    expect(resolve('gitlab')).toEqual({ ok: true, value: 'https://gitlab.com/' });
  });

  it('fills a tenant template from a site name or a pasted address', () => {
    const expected = { ok: true, value: 'https://acme.atlassian.net/jira/' };
    expect(resolve('jira', { tenant: 'acme' })).toEqual(expected);
    expect(resolve('jira', { tenant: ' ACME ' })).toEqual(expected);
    expect(resolve('jira', { tenant: 'acme.atlassian.net' })).toEqual(expected);
    expect(resolve('jira', { tenant: 'https://acme.atlassian.net/jira/software/x' })).toEqual(
      expected,
    );
    expect(resolve('confluence', { tenant: 'my-team-2' })).toEqual({
      ok: true,
      value: 'https://my-team-2.atlassian.net/wiki/',
    });
  });

  it.each([
    '',
    'bad_name',
    '-acme',
    'acme.evil.com',
    'a'.repeat(64),
    'acme.atlassian.net.evil.com',
  ])('refuses the tenant %j', (tenant) => {
    const error = failure('jira', { tenant });
    expect(error.code).toBe('CATALOG_INVALID_TENANT');
    expect(error.message).toContain('Atlassian site name');
  });

  it('refuses a tenant for a service that has none', () => {
    expect(failure('slack', { tenant: 'acme' }).code).toBe('CATALOG_TENANT_UNSUPPORTED');
  });

  it('asks for the address when there is no default', () => {
    const jenkins = failure('jenkins');
    expect(jenkins.code).toBe('CATALOG_SERVICE_URL_REQUIRED');
    expect(jenkins.message).toBe(
      'Enter the address of your Jenkins server, e.g. https://jenkins.example.com.',
    );
    const jira = failure('jira');
    expect(jira.code).toBe('CATALOG_SERVICE_URL_REQUIRED');
    expect(jira.message).toContain('https://your-site.atlassian.net/jira/');
    expect(failure(CUSTOM_SERVICE_ID).message).toContain('https://app.example.com');
  });

  it('accepts a self-hosted https server, adding https:// when it was left out', () => {
    expect(resolve('jenkins', { baseUrl: 'https://ci.acme.com/' })).toEqual({
      ok: true,
      value: 'https://ci.acme.com/',
    });
    expect(resolve('gitlab', { baseUrl: 'gitlab.acme.com' })).toEqual({
      ok: true,
      value: 'https://gitlab.acme.com/',
    });
  });

  it('accepts plain http only on a private network, where the entry allows it', () => {
    expect(resolve('home-assistant', { baseUrl: 'http://homeassistant.local:8123' })).toEqual({
      ok: true,
      value: 'http://homeassistant.local:8123/',
    });
    expect(resolve('jenkins', { baseUrl: 'http://192.168.1.20:8080/' }).ok).toBe(true);
    const publicHttp = failure('jenkins', { baseUrl: 'http://ci.acme.com/' });
    expect(publicHttp.code).toBe('URL_HTTP_NOT_ALLOWED');
    expect(publicHttp.message).toMatch(/private network/);
    const mastodon = failure('mastodon', { baseUrl: 'http://10.0.0.5/' });
    expect(mastodon.code).toBe('URL_HTTP_NOT_ALLOWED');
    expect(mastodon.message).toMatch(/Mastodon needs a secure connection/);
    expect(failure('jenkins', { baseUrl: 'ftp://ci.acme.com/' }).code).toBe(
      'URL_SCHEME_NOT_ALLOWED',
    );
  });

  it.each([
    ['', 'URL_EMPTY'],
    ['   ', 'URL_EMPTY'],
    ['https://', 'URL_MALFORMED'],
    ['http://exa mple.com', 'URL_MALFORMED'],
    ['x'.repeat(3000), 'URL_TOO_LONG'],
  ])('refuses the address %j with %s', (baseUrl, code) => {
    expect(failure('nextcloud', { baseUrl }).code).toBe(code);
  });

  it('refuses credentials in the address', () => {
    const error = failure('nextcloud', { baseUrl: 'https://admin:secret@cloud.acme.com' });
    expect(error.code).toBe('URL_HAS_CREDENTIALS');
    expect(error.message).not.toContain('secret');
  });

  it('refuses an own server for a service that cannot be self-hosted', () => {
    expect(failure('slack', { baseUrl: 'https://slack.acme.com' }).code).toBe(
      'CATALOG_SELF_HOSTING_UNSUPPORTED',
    );
  });

  it('takes the custom service’s address from the user', () => {
    expect(resolve(CUSTOM_SERVICE_ID, { baseUrl: 'https://app.example.org/x?y=1' })).toEqual({
      ok: true,
      value: 'https://app.example.org/x?y=1',
    });
  });

  it('explains that a service without a web app cannot be opened', () => {
    const height = failure('height');
    expect(height.code).toBe('CATALOG_SERVICE_UNAVAILABLE');
    expect(height.message).toMatch(/^Height has shut down\. Height shut down/);
    const obsidian = failure('obsidian', { baseUrl: 'https://obsidian.md' });
    expect(obsidian.message).toMatch(/^Obsidian has no web app\. /);
    expect(obsidian.details).toEqual({ serviceId: 'obsidian', availability: 'no-web-ui' });
  });

  it('never throws on values of the wrong type', () => {
    const odd = { tenant: 42, baseUrl: undefined } as unknown as ServiceUrlInput;
    expect(resolve('jira', odd).ok).toBe(false);
    const odder = { baseUrl: {} } as unknown as ServiceUrlInput;
    expect(resolve('jenkins', odder).ok).toBe(false);
  });
});
