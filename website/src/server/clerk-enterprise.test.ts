import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clerkEnterpriseConnections, clerkOrganizationDirectory } from './clerk-enterprise';
import type { ClerkSettings } from './clerk-settings';

/**
 * The Clerk adapters against a local stand-in for Clerk's Backend API: the real SDK client builds
 * the requests and reads the answers, so paths, methods, the secret key and field names are
 * checked here, with no network.
 */

interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
}
const received: Received[] = [];
let members = 0;

const membership = (index: number) => ({
  object: 'organization_membership',
  id: `orgmem_${index}`,
  role: index === 0 ? 'org:admin' : 'org:member',
  permissions: index === 0 ? ['org:sys_memberships:manage'] : [],
  public_metadata: {},
  private_metadata: {},
  created_at: 1,
  updated_at: 1,
  organization: { object: 'organization', id: 'org_acme', name: 'Acme', slug: 'acme' },
  public_user_data: {
    identifier: `person${index}@acme.com`,
    first_name: index % 2 ? 'Ada' : null,
    last_name: index % 2 ? 'Lovelace' : null,
    image_url: '',
    has_image: false,
    user_id: `user_${index}`,
  },
});

const server = createServer((request, response) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    received.push({
      method: request.method ?? '',
      path: url.pathname + url.search,
      authorization: request.headers.authorization,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
    });
    response.setHeader('content-type', 'application/json');
    if (url.pathname.startsWith('/v1/enterprise_connections')) {
      if (JSON.stringify(received.at(-1)?.body).includes('refuse.example')) {
        response.statusCode = 422;
        response.end(
          JSON.stringify({
            errors: [
              {
                code: 'form_param_invalid',
                message: 'invalid domain',
                long_message: 'The domain is not verified.',
              },
            ],
          }),
        );
        return;
      }
      response.end(
        JSON.stringify({
          object: 'enterprise_connection',
          id: 'entc_123',
          name: 'x',
          domains: [],
          active: true,
        }),
      );
      return;
    }
    if (url.pathname === '/v1/organizations/org_acme/memberships') {
      const offset = Number(url.searchParams.get('offset') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '10');
      const page = Array.from({ length: Math.max(0, Math.min(limit, members - offset)) }, (_, i) =>
        membership(offset + i),
      );
      response.end(JSON.stringify({ data: page, total_count: members }));
      return;
    }
    response.statusCode = 404;
    response.end('{}');
  });
});

let options: { settings: ClerkSettings; siteOrigin: string; apiUrl: string };
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  options = {
    settings: {
      publishableKey: `pk_live_${Buffer.from('clerk.flowdesk.test$').toString('base64')}`,
      secretKey: 'sk_live_adapter_test',
      frontendApi: 'clerk.flowdesk.test',
      billing: false,
    },
    siteOrigin: 'http://localhost:3000',
    apiUrl: `http://127.0.0.1:${port}`,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Clerk enterprise connections', () => {
  it('creates an OIDC connection for the domain and organization, then updates it in place', async () => {
    const connections = clerkEnterpriseConnections(options);
    const config = {
      provider: 'oidc' as const,
      domain: 'acme.com',
      endpoint: 'https://login.acme.com/.well-known/openid-configuration',
      clientId: 'flowdesk',
      clientSecret: 's3cret',
      required: false,
    };
    const created = await connections.save({
      existingId: null,
      organizationId: 'org_acme',
      name: 'Acme (OIDC)',
      config,
    });
    expect(created).toEqual({ id: 'entc_123' });
    const create = received.at(-1)!;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/v1/enterprise_connections',
      authorization: 'Bearer sk_live_adapter_test',
      body: {
        name: 'Acme (OIDC)',
        domains: ['acme.com'],
        organization_id: 'org_acme',
        provider: 'oidc_custom',
        active: true,
        oidc: {
          discovery_url: config.endpoint,
          client_id: 'flowdesk',
          client_secret: 's3cret',
        },
      },
    });
    await connections.save({
      existingId: 'entc_123',
      organizationId: 'org_acme',
      name: 'Acme (SAML)',
      config: {
        ...config,
        provider: 'saml',
        endpoint: 'https://idp.acme.com/metadata',
        certificate: 'PEM',
      },
    });
    expect(received.at(-1)).toMatchObject({
      method: 'PATCH',
      path: '/v1/enterprise_connections/entc_123',
      body: {
        saml: { idp_metadata_url: 'https://idp.acme.com/metadata', idp_certificates: ['PEM'] },
      },
    });
  });

  it('passes on Clerk’s refusal', async () => {
    const connections = clerkEnterpriseConnections(options);
    await expect(
      connections.save({
        existingId: null,
        organizationId: 'org_acme',
        name: 'Nope',
        config: {
          provider: 'saml',
          domain: 'refuse.example',
          endpoint: 'https://idp.refuse.example/m',
          required: false,
        },
      }),
    ).rejects.toThrow();
  });
});

describe('Clerk organization directory', () => {
  it('reads every page of members', async () => {
    members = 230;
    const list = await clerkOrganizationDirectory(options).members('org_acme');
    expect(list).toHaveLength(230);
    expect(list[0]).toEqual({
      userId: 'user_0',
      role: 'org:admin',
      permissions: ['org:sys_memberships:manage'],
      email: 'person0@acme.com',
      name: null,
    });
    expect(list[1]).toMatchObject({ userId: 'user_1', name: 'Ada Lovelace' });
    const pages = received.filter((request) => request.path.includes('/memberships'));
    expect(
      pages.map((request) => new URL(request.path, 'http://x').searchParams.get('offset') ?? '0'),
    ).toEqual(['0', '100', '200']);
  });

  it('stops at an empty organization', async () => {
    members = 0;
    expect(await clerkOrganizationDirectory(options).members('org_acme')).toEqual([]);
  });
});
