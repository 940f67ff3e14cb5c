import { resolve } from 'node:path';
import type { NextConfig } from 'next';

/**
 * Security headers on every response (issue 6): no framing, HTTPS only, no referrer beyond the
 * origin, no sniffing, no powerful features, and a Content Security Policy that allows only this
 * origin. Inline scripts are allowed because Next.js hydrates with them; a nonce-based policy
 * comes with the Clerk pages, which also need Clerk's origins.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
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
    return Promise.resolve([{ source: '/:path*', headers: securityHeaders }]);
  },
};

export default config;
