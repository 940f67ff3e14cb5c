import { describe, expect, it } from 'vitest';
import { clientIpFrom, databaseOptions, licenseServerConfig, readEnvironment } from './environment';

const request = (forwarded?: string) =>
  new Request('http://localhost/', forwarded ? { headers: { 'x-forwarded-for': forwarded } } : {});

describe('the website environment', () => {
  it('defaults to the embedded database and the local site', () => {
    const env = readEnvironment({});
    expect(databaseOptions(env)).toEqual({ dataDirectory: expect.any(String) as string });
    expect(databaseOptions(env).dataDirectory).toMatch(/\.data\/pglite$/);
    expect(licenseServerConfig(env)).toMatchObject({
      issuer: 'http://localhost:3000',
      signingKey: {},
      checkIntervalSeconds: 86_400,
    });
  });

  it('uses PostgreSQL and a configured signing key when given', () => {
    const env = readEnvironment({
      DATABASE_URL: 'postgres://flowdesk@db.internal:5432/flowdesk',
      FLOWDESK_SITE_URL: 'https://flowdesk.app/some/path',
      LICENSE_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
      LICENSE_SIGNING_KEY_ID: 'prod-2026',
    });
    expect(databaseOptions(env)).toEqual({ url: 'postgres://flowdesk@db.internal:5432/flowdesk' });
    expect(licenseServerConfig(env)).toMatchObject({
      issuer: 'https://flowdesk.app',
      signingKey: { kid: 'prod-2026' },
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => readEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => readEnvironment({ FLOWDESK_SITE_URL: 'ftp://x' })).toThrow(/FLOWDESK_SITE_URL/);
    expect(() => readEnvironment({ FLOWDESK_PROXY_HOPS: '9' })).toThrow(/FLOWDESK_PROXY_HOPS/);
    expect(() => readEnvironment({ LICENSE_SIGNING_KEY: '-----BEGIN PRIVATE KEY-----' })).toThrow(
      /LICENSE_SIGNING_KEY_ID/,
    );
  });

  it('takes the address the nearest trusted proxy saw, never a client’s own claim', () => {
    // No proxy: Next.js puts the socket address there.
    expect(clientIpFrom(request('203.0.113.9'), 0)).toBe('203.0.113.9');
    // One proxy appended the real address after whatever the client claimed.
    expect(clientIpFrom(request('1.1.1.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
    // A CDN and a load balancer: the client is second from the right.
    expect(clientIpFrom(request('1.1.1.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
    expect(clientIpFrom(request(), 1)).toBe('unknown');
  });
});
