import { describe, expect, it } from 'vitest';
import { getServiceDefinition } from '../catalog';
import { MAX_SERVICES_PER_WORKSPACE } from '../workspace/schemas';
import { validateWorkspaceInput } from './workspace-input';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

function errorsOf(input: unknown) {
  const result = validateWorkspaceInput(input);
  return result.errors.map(({ field, code }) => `${field}:${code}`);
}

describe('validateWorkspaceInput', () => {
  it('turns a valid request into cleaned ServiceConfigs with catalog defaults', () => {
    const result = validateWorkspaceInput({
      name: '  Acme  ',
      color: '#1a2b3c',
      services: [
        { type: 'slack' },
        { type: 'github', name: 'Work GitHub', isolation: 'isolated' },
        { type: 'jira', tenant: 'acme' },
        {
          type: 'custom-template',
          name: 'Status',
          url: 'status.acme.io',
          customColor: '#ff0000',
          customIcon: PNG,
        },
      ],
    });
    expect(result).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      value: {
        name: 'Acme',
        color: '#1a2b3c',
        services: [
          {
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/client',
            isolation: 'shared',
          },
          {
            type: 'github',
            name: 'Work GitHub',
            url: 'https://github.com/',
            isolation: 'isolated',
          },
          {
            type: 'jira',
            name: 'Jira',
            url: 'https://acme.atlassian.net/jira/',
            isolation: 'shared',
          },
          {
            type: 'custom-template',
            name: 'Status',
            url: 'https://status.acme.io/',
            isolation: 'shared',
            customColor: '#ff0000',
            customIcon: PNG,
          },
        ],
      },
    });
  });

  it('keeps the default URL of the catalog for a service without one given', () => {
    const slack = getServiceDefinition('slack');
    const result = validateWorkspaceInput({ name: 'A', services: [{ type: 'slack', url: '' }] });
    expect(result.valid && result.value.services[0]?.url).toBe(slack?.url);
  });

  it('accepts a deep link into a service but not someone else’s address under its name', () => {
    const deep = validateWorkspaceInput({
      name: 'A',
      services: [{ type: 'slack', url: 'https://acme.slack.com/messages' }],
    });
    expect(deep.valid).toBe(true);
    const result = validateWorkspaceInput({
      name: 'A',
      services: [{ type: 'slack', url: 'https://slack.com.attacker.example/' }],
    });
    expect(result.errors).toEqual([
      {
        field: 'services.0.url',
        code: 'SERVICE_URL_OUT_OF_SCOPE',
        message: 'This address is not part of Slack. Add it as a Custom Service instead.',
      },
    ]);
  });

  it('lets self-hosted services use http only on the private network', () => {
    const ok = validateWorkspaceInput({
      name: 'Home',
      services: [{ type: 'home-assistant', url: 'http://homeassistant.local:8123' }],
    });
    expect(ok.valid).toBe(true);
    expect(ok.warnings.map((warning) => warning.code)).toEqual(['URL_UNENCRYPTED']);
    expect(
      errorsOf({ name: 'Home', services: [{ type: 'mastodon', url: 'http://10.0.0.2' }] }),
    ).toEqual(['services.0.url:URL_HTTP_NOT_ALLOWED']);
    expect(
      errorsOf({ name: 'Home', services: [{ type: 'gitlab', url: 'http://gitlab.acme.com' }] }),
    ).toEqual(['services.0.url:URL_HTTP_NOT_ALLOWED']);
  });

  it('reports every wrong field at once, with its path', () => {
    expect(
      errorsOf({
        name: '',
        services: [
          { type: 'slack' },
          { type: 'no-such-service' },
          { type: 'custom-template', url: 'javascript:alert(1)' },
          { type: 'jenkins' },
          { type: 'obsidian' },
          { type: 'zendesk', tenant: 'bad tenant!' },
        ],
      }),
    ).toEqual([
      'name:NAME_EMPTY',
      'services.1.type:SERVICE_TYPE_UNKNOWN',
      'services.2.url:URL_SCHEME_NOT_ALLOWED',
      'services.2.name:NAME_EMPTY',
      'services.3.url:CATALOG_SERVICE_URL_REQUIRED',
      'services.4.url:CATALOG_SERVICE_UNAVAILABLE',
      'services.5.url:CATALOG_INVALID_TENANT',
    ]);
  });

  it('checks colours, icons, isolation and the number of services', () => {
    expect(
      errorsOf({
        name: 'A',
        color: 'red',
        services: [
          { type: 'custom-template', name: 'X', url: 'https://x.io', customColor: '#12345' },
          {
            type: 'custom-template',
            name: 'Y',
            url: 'https://y.io',
            customIcon: 'data:image/svg+xml;base64,PHN2Zz4=',
          },
          {
            type: 'custom-template',
            name: 'Z',
            url: 'https://z.io',
            customIcon: `data:image/png;base64,${'A'.repeat(400_000)}`,
          },
          { type: 'slack', isolation: 'none' },
        ],
      }),
    ).toEqual([
      'color:COLOR_INVALID',
      'services.0.customColor:COLOR_INVALID',
      'services.1.customIcon:ICON_INVALID',
      'services.2.customIcon:ICON_TOO_LARGE',
      'services.3.isolation:INVALID_VALUE',
    ]);
    const tooMany = Array.from({ length: MAX_SERVICES_PER_WORKSPACE + 1 }, () => ({
      type: 'slack',
    }));
    expect(errorsOf({ name: 'A', services: tooMany })).toEqual([
      'services:WORKSPACE_TOO_MANY_SERVICES',
    ]);
  });

  it('warns about a service added twice and about cleaned names', () => {
    const result = validateWorkspaceInput({
      name: 'Te\u200Bam',
      services: [{ type: 'slack' }, { type: 'slack' }],
    });
    expect(result.valid).toBe(true);
    expect(result.warnings.map(({ field, code }) => `${field}:${code}`)).toEqual([
      'name:NAME_CHARACTERS_REMOVED',
      'services.1:SERVICE_DUPLICATE',
    ]);
    expect(result.warnings[1]?.message).toBe('This is the same service and address as service 1.');
  });

  it.each([undefined, null, 'Acme', 3, []])('refuses %j as a whole with a stable code', (input) => {
    expect(validateWorkspaceInput(input)).toMatchObject({
      valid: false,
      errors: [{ field: '', code: 'WORKSPACE_INPUT_INVALID' }],
    });
  });

  it('uses the lookup it is given', () => {
    const result = validateWorkspaceInput(
      { name: 'A', services: [{ type: 'slack' }] },
      { lookupService: () => undefined },
    );
    expect(result.errors[0]?.code).toBe('SERVICE_TYPE_UNKNOWN');
  });
});
