import { describe, expect, it } from 'vitest';
import { newNonce, pageContentSecurityPolicy } from './content-security-policy';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name, ...values] = directive.split(' ');
      return [name!, values];
    }),
  );

describe('the pages’ Content Security Policy', () => {
  it('allows scripts only with the nonce, and nothing from elsewhere without Clerk', () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: 'abc' }));
    expect(policy['script-src']).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['frame-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
  });

  it('adds Clerk’s hosts with Clerk, and Stripe’s only with billing', () => {
    const clerk = directives(
      pageContentSecurityPolicy({ nonce: 'n', clerkFrontendApi: 'clerk.flowdesk.app' }),
    );
    expect(clerk['script-src']).toContain('https://clerk.flowdesk.app');
    expect(clerk['connect-src']).toContain('https://clerk.flowdesk.app');
    expect(clerk['img-src']).toContain('https://img.clerk.com');
    expect(clerk['frame-src']).not.toContain('https://js.stripe.com');
    const billing = directives(
      pageContentSecurityPolicy({
        nonce: 'n',
        clerkFrontendApi: 'clerk.flowdesk.app',
        billing: true,
      }),
    );
    expect(billing['frame-src']).toContain('https://js.stripe.com');
    expect(billing['connect-src']).toContain('https://api.stripe.com');
    // Billing without Clerk adds nothing.
    expect(
      directives(pageContentSecurityPolicy({ nonce: 'n', billing: true }))['connect-src'],
    ).toEqual(["'self'"]);
  });

  it('lets React’s development build evaluate code only in development', () => {
    expect(pageContentSecurityPolicy({ nonce: 'n', development: true })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: 'n' })).not.toContain("'unsafe-eval'");
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});
