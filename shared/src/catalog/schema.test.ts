import { describe, expect, it } from 'vitest';
import { parseWith } from '../core';
import { requireServiceDefinition } from './catalog';
import { serviceDefinitionSchema } from './schema';

const valid = requireServiceDefinition('gitlab');

function issuesFor(overrides: Record<string, unknown>): string[] {
  const parsed = serviceDefinitionSchema.safeParse({ ...valid, ...overrides });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
}

describe('serviceDefinitionSchema', () => {
  it('accepts a catalog entry', () => {
    expect(issuesFor({})).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a non-kebab id', { id: 'Git_Lab' }, 'id'],
    ['an empty name', { name: ' ' }, 'name'],
    ['an unknown category', { category: 'games' }, 'category'],
    ['an http URL', { url: 'http://gitlab.com/' }, 'url'],
    ['a URL that does not parse', { url: 'gitlab' }, 'url'],
    ['a host instead of a domain', { domains: ['app.gitlab.com'] }, 'domains.0'],
    ['a public suffix', { domains: ['vercel.app'] }, 'domains.0'],
    ['an ICANN suffix', { domains: ['co.uk'] }, 'domains.0'],
    ['an upper-case domain', { domains: ['GitLab.com'] }, 'domains.0'],
    ['an unknown sign-in provider', { signIn: ['myspace'] }, 'signIn.0'],
    ['a three-digit colour', { color: '#fff' }, 'color'],
    ['an unknown availability', { availability: 'beta' }, 'availability'],
    ['an unknown user agent hint', { userAgent: 'firefox' }, 'userAgent'],
    ['a discontinued service without a note', { availability: 'discontinued' }, 'note'],
    ['duplicate aliases', { aliases: ['GL', 'gl'] }, 'aliases'],
    ['a web service nobody can open', { url: null, selfHosted: false, tenant: undefined }, 'url'],
    [
      'a default URL on an always-self-hosted service',
      {
        selfHosted: {
          baseUrl: 'required',
          example: 'https://x.example',
          allowHttpOnPrivateNetwork: false,
        },
      },
      'url',
    ],
    [
      'a self-hosted example that is not a URL',
      { selfHosted: { baseUrl: 'optional', example: 'gitlab', allowHttpOnPrivateNetwork: true } },
      'selfHosted.example',
    ],
    [
      'an http example where http is not allowed',
      {
        selfHosted: {
          baseUrl: 'optional',
          example: 'http://gitlab.local',
          allowHttpOnPrivateNetwork: false,
        },
      },
      'selfHosted',
    ],
    [
      'a tenant template without the placeholder first',
      {
        tenant: {
          urlTemplate: 'https://gitlab.com/{tenant}',
          example: 'https://gitlab.com/x',
          label: 'Group',
        },
      },
      'tenant.urlTemplate',
    ],
  ])('rejects %s', (_label, overrides, path) => {
    expect(issuesFor(overrides)).toContain(path);
  });

  it('plugs into parseWith for untrusted input', () => {
    const result = parseWith(serviceDefinitionSchema, { id: 'x' }, 'CATALOG_INVALID', 'The entry');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CATALOG_INVALID');
  });
});
