import { z } from 'zod';

/**
 * Clerk's settings, read from the environment at run time (not baked in at build), so one build
 * runs with or without accounts. Without both keys the site still serves its public pages and
 * the license API; the account pages say what to configure.
 */

export interface ClerkSettings {
  publishableKey: string;
  /** For the Backend API (enterprise connections, organization members); server-side only. */
  secretKey: string;
  /** The Frontend API host encoded in the publishable key (for the CSP and token issuer). */
  frontendApi: string;
  /** SPKI PEM of the instance's RS256 key: session tokens verify with no key fetch. */
  jwtKey?: string;
  /** Clerk Billing is on for this instance: the pricing page shows `<PricingTable />`. */
  billing: boolean;
}

export type ClerkConfiguration =
  | { status: 'configured'; settings: ClerkSettings }
  | { status: 'missing' }
  | { status: 'invalid'; problem: string };

const clerkEnvironmentSchema = z.object({
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(test|live)_[A-Za-z0-9+/=_-]+$/, 'must be a Clerk publishable key (pk_…)')
    .optional(),
  CLERK_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_\S+$/, 'must be a Clerk secret key (sk_…)')
    .optional(),
  CLERK_JWT_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key' })
    .optional(),
  FLOWDESK_CLERK_BILLING: z.enum(['0', '1', 'true', 'false']).optional(),
});

/** The Frontend API host a publishable key names: pk_<env>_ + base64("<host>$"). */
export function frontendApiOf(publishableKey: string): string | undefined {
  const encoded = publishableKey.replace(/^pk_(test|live)_/, '');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  if (!decoded.endsWith('$')) return undefined;
  const host = decoded.slice(0, -1);
  return /^[a-z0-9.-]+(?::\d+)?$/i.test(host) ? host : undefined;
}

export function readClerkConfiguration(
  env: Record<string, string | undefined>,
): ClerkConfiguration {
  const parsed = clerkEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 'invalid', problem: `${issue.path.join('.')} ${issue.message}.` };
  }
  const { NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: publishableKey, CLERK_SECRET_KEY: secretKey } =
    parsed.data;
  if (!publishableKey && !secretKey) return { status: 'missing' };
  if (!publishableKey || !secretKey) {
    return {
      status: 'invalid',
      problem: `${publishableKey ? 'CLERK_SECRET_KEY' : 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY'} is not set; accounts need both Clerk keys.`,
    };
  }
  const frontendApi = frontendApiOf(publishableKey);
  if (!frontendApi) {
    return {
      status: 'invalid',
      problem: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY does not name a Clerk Frontend API host.',
    };
  }
  return {
    status: 'configured',
    settings: {
      publishableKey,
      secretKey,
      frontendApi,
      ...(parsed.data.CLERK_JWT_KEY
        ? { jwtKey: parsed.data.CLERK_JWT_KEY.replace(/\\n/g, '\n') }
        : {}),
      billing: ['1', 'true'].includes(parsed.data.FLOWDESK_CLERK_BILLING ?? ''),
    },
  };
}

/** The configuration of this server process. */
export const clerkConfiguration = readClerkConfiguration(process.env);

export function clerkSettings(): ClerkSettings | undefined {
  return clerkConfiguration.status === 'configured' ? clerkConfiguration.settings : undefined;
}
