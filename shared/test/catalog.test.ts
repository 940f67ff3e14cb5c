import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  CUSTOM_SERVICE_ID,
  SERVICE_CATALOG,
  SIGN_IN_PROVIDERS,
  customServiceIcon,
  getServiceDefinition,
  navigationScopeFor,
  renderIconSvg,
  requireServiceDefinition,
  resolveServiceUrl,
  searchCatalog,
  serviceDefinitionSchema,
} from '../src/catalog';

/**
 * The catalog through its public entry point, the way the "add a service" screen uses it:
 * search, pick, give the address, then build the view's navigation scope.
 */
describe('adding a service through the catalog API', () => {
  it('adds Jira Cloud for the site "acme"', () => {
    const [jira] = searchCatalog('jira');
    expect(jira?.id).toBe('jira');
    const url = resolveServiceUrl(jira!, { tenant: 'acme' });
    if (!url.ok) throw url.error;
    const scope = navigationScopeFor(jira!, url.value);
    expect(url.value).toBe('https://acme.atlassian.net/jira/');
    expect(scope.serviceDomains).toContain('atlassian.net');
    expect(scope.signInOrigins).toEqual(
      expect.arrayContaining([...SIGN_IN_PROVIDERS.atlassian.origins]),
    );
  });

  it('adds a self-hosted Jenkins on the LAN', () => {
    const jenkins = requireServiceDefinition('jenkins');
    const url = resolveServiceUrl(jenkins, { baseUrl: 'http://10.1.2.3:8080' });
    if (!url.ok) throw url.error;
    expect(navigationScopeFor(jenkins, url.value)).toEqual({
      serviceDomains: [],
      serviceOrigins: ['http://10.1.2.3:8080'],
      signInOrigins: [],
    });
  });

  it('adds any web app as a custom service with its own icon', () => {
    const template = getServiceDefinition(CUSTOM_SERVICE_ID)!;
    const url = resolveServiceUrl(template, { baseUrl: 'wiki.example.org/start' });
    if (!url.ok) throw url.error;
    expect(url.value).toBe('https://wiki.example.org/start');
    expect(navigationScopeFor(template, url.value).serviceDomains).toEqual(['example.org']);
    expect(renderIconSvg(customServiceIcon('Team wiki', '#0f766e'), 48)).toContain('>TW</text>');
  });

  it('exposes a validated catalog with category labels', () => {
    expect(SERVICE_CATALOG.every((entry) => serviceDefinitionSchema.safeParse(entry).success)).toBe(
      true,
    );
    expect(CATEGORIES.find((category) => category.id === 'design')?.label).toBe(
      'Design & Creative',
    );
  });
});
