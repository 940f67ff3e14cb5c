import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../license/config';
import type { LicenseServerConfig } from '../license/config';
import type { OpenDatabaseOptions } from '../db/client';

/**
 * The website's settings, read once from the environment and checked: a bad value stops the
 * server at start with a message naming the variable, instead of failing on some request later.
 */

const environmentSchema = z.object({
  /** PostgreSQL in production; without it, the embedded PGlite in FLOWDESK_DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  FLOWDESK_DATA_DIR: z.string().min(1).default('.data/pglite'),
  /** The site's public origin: license tokens' issuer and the base of verification links. */
  FLOWDESK_SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
  LICENSE_SIGNING_KEY: z.string().includes('PRIVATE KEY').optional(),
  LICENSE_SIGNING_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  /** Clerk's webhook signing secret (Dashboard → Webhooks); without it webhooks are refused. */
  CLERK_WEBHOOK_SIGNING_SECRET: z.string().startsWith('whsec_').optional(),
  /** How many reverse proxies in front of the site append to X-Forwarded-For. */
  FLOWDESK_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
});

export type WebsiteEnvironment = z.infer<typeof environmentSchema>;

export function readEnvironment(env: Record<string, string | undefined>): WebsiteEnvironment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The website's environment is not valid: ${issue?.path.join('.') ?? 'unknown'}: ${issue?.message ?? ''}`,
    );
  }
  if (parsed.data.LICENSE_SIGNING_KEY && !parsed.data.LICENSE_SIGNING_KEY_ID) {
    throw new Error('LICENSE_SIGNING_KEY_ID must name the key given in LICENSE_SIGNING_KEY.');
  }
  return parsed.data;
}

export function databaseOptions(env: WebsiteEnvironment): OpenDatabaseOptions {
  return env.DATABASE_URL
    ? { url: env.DATABASE_URL }
    : { dataDirectory: resolve(/* turbopackIgnore: true */ process.cwd(), env.FLOWDESK_DATA_DIR) };
}

export function licenseServerConfig(env: WebsiteEnvironment): LicenseServerConfig {
  return {
    ...DEFAULT_LICENSE_SERVER_CONFIG,
    issuer: new URL(env.FLOWDESK_SITE_URL).origin,
    signingKey: env.LICENSE_SIGNING_KEY
      ? { pkcs8: env.LICENSE_SIGNING_KEY, kid: env.LICENSE_SIGNING_KEY_ID! }
      : {},
  };
}

/**
 * The caller's address from X-Forwarded-For. Each proxy appends the address it saw, so with N
 * trusted proxies the client is the N-th entry from the right; entries further left are the
 * client's own claims. With none, Next.js fills the header with the socket's address, but keeps
 * one a client sent: run the site behind a proxy in production (docs/website.md), and the
 * per-device-code and per-device limits hold whatever the address.
 */
export function clientIpFrom(request: Request, proxyHops: number): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - Math.max(proxyHops, 1)] ?? entries[0] ?? 'unknown';
}
