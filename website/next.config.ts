import { resolve } from 'node:path';
import type { NextConfig } from 'next';
import { API_CONTENT_SECURITY_POLICY } from './src/http/content-security-policy';

/**
 * Security headers on every response (issue 6): no framing, HTTPS only, no referrer beyond the
 * origin, no sniffing, no powerful features. Pages get their Content Security Policy, with a
 * fresh nonce, from proxy.ts; the API's JSON answers and the metadata files get one that
 * allows nothing.
 */
const securityHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    // Payment only for Clerk Billing's Stripe checkout.
    value: 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")',
  },
];

const repositoryRoot = resolve(import.meta.dirname, '..');

const config: NextConfig = {
  poweredByHeader: false,
  // shared/ ships TypeScript source (docs/architecture.md).
  transpilePackages: ['@flowdesk/shared'],
  // PGlite loads its WebAssembly from its own folder; pg has optional native parts.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  outputFileTracingRoot: repositoryRoot,
  turbopack: { root: repositoryRoot },
  headers() {
    const apiPolicy = [{ key: 'Content-Security-Policy', value: API_CONTENT_SECURITY_POLICY }];
    return Promise.resolve([
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: apiPolicy },
      { source: '/.well-known/:path*', headers: apiPolicy },
      // Files the proxy does not see: an SVG opened on its own is a document that could run
      // script, so these get the policy that allows nothing too.
      { source: '/:file(icon\\.svg|robots\\.txt|sitemap\\.xml)', headers: apiPolicy },
    ]);
  },
};

export default config;
