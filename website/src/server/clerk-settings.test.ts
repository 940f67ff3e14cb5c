import { describe, expect, it } from 'vitest';
import { frontendApiOf, readClerkConfiguration } from './clerk-settings';

const publishableKey = (host: string, kind = 'live') =>
  `pk_${kind}_${Buffer.from(`${host}$`).toString('base64')}`;

describe('Clerk settings', () => {
  it('is missing with neither key, so account pages explain what to set', () => {
    expect(readClerkConfiguration({})).toEqual({ status: 'missing' });
  });

  it('reads both keys, the Frontend API host, the JWT key and billing', () => {
    const configuration = readClerkConfiguration({
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey('clerk.flowdesk.app'),
      CLERK_SECRET_KEY: 'sk_live_abc',
      CLERK_JWT_KEY: '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----',
      FLOWDESK_CLERK_BILLING: '1',
    });
    expect(configuration).toEqual({
      status: 'configured',
      settings: {
        publishableKey: publishableKey('clerk.flowdesk.app'),
        secretKey: 'sk_live_abc',
        frontendApi: 'clerk.flowdesk.app',
        // Escaped newlines (as some hosts store multi-line values) become real ones.
        jwtKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
        billing: true,
      },
    });
  });

  it('names what is wrong with a half or broken configuration', () => {
    expect(readClerkConfiguration({ CLERK_SECRET_KEY: 'sk_test_x' })).toEqual({
      status: 'invalid',
      problem: expect.stringContaining('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY is not set') as string,
    });
    expect(
      readClerkConfiguration({ NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey('a.b', 'test') }),
    ).toMatchObject({
      status: 'invalid',
      problem: expect.stringContaining('CLERK_SECRET_KEY') as string,
    });
    expect(
      readClerkConfiguration({
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: 'nope',
        CLERK_SECRET_KEY: 'sk_live_x',
      }),
    ).toMatchObject({
      status: 'invalid',
      problem: expect.stringContaining('publishable key') as string,
    });
    expect(
      readClerkConfiguration({
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: `pk_live_${Buffer.from('no-dollar').toString('base64')}`,
        CLERK_SECRET_KEY: 'sk_live_x',
      }),
    ).toMatchObject({
      status: 'invalid',
      problem: expect.stringContaining('Frontend API') as string,
    });
    expect(
      readClerkConfiguration({
        NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey('a.b'),
        CLERK_SECRET_KEY: 'sk_live_x',
        CLERK_JWT_KEY: 'not a key',
      }),
    ).toMatchObject({
      status: 'invalid',
      problem: expect.stringContaining('CLERK_JWT_KEY') as string,
    });
  });

  it('accepts only a host name in the publishable key', () => {
    expect(frontendApiOf(publishableKey('clerk.example.com:8443'))).toBe('clerk.example.com:8443');
    expect(frontendApiOf(publishableKey('evil.com/"><script>'))).toBeUndefined();
  });
});
