import { z } from 'zod';

/** Third-party identity providers a service's own login page offers ("Continue with …"). */
export const SIGN_IN_PROVIDER_IDS = [
  'google',
  'microsoft',
  'apple',
  'github',
  'gitlab',
  'bitbucket',
  'atlassian',
  'slack',
  'facebook',
  'salesforce',
  'okta',
] as const;

export type SignInProviderId = (typeof SIGN_IN_PROVIDER_IDS)[number];

export const signInProviderIdSchema = z.enum(SIGN_IN_PROVIDER_IDS);

export interface SignInProvider {
  id: SignInProviderId;
  name: string;
  /**
   * Exact origins of the provider's sign-in pages: the service view may navigate there during a
   * login and come back. Empty when every organisation has its own address (see `tenantSpecific`).
   */
  origins: readonly string[];
  /** True when part of the flow runs on a per-organisation host that no fixed origin covers. */
  tenantSpecific: boolean;
  note?: string;
}

const providers: readonly SignInProvider[] = [
  {
    id: 'google',
    name: 'Google',
    origins: ['https://accounts.google.com'],
    tenantSpecific: false,
  },
  {
    id: 'microsoft',
    name: 'Microsoft',
    // Work/school accounts (Entra ID), personal accounts, and the newer unified endpoint.
    origins: [
      'https://login.microsoftonline.com',
      'https://login.live.com',
      'https://login.microsoft.com',
    ],
    tenantSpecific: false,
  },
  { id: 'apple', name: 'Apple', origins: ['https://appleid.apple.com'], tenantSpecific: false },
  { id: 'github', name: 'GitHub', origins: ['https://github.com'], tenantSpecific: false },
  { id: 'gitlab', name: 'GitLab', origins: ['https://gitlab.com'], tenantSpecific: false },
  {
    id: 'bitbucket',
    name: 'Bitbucket',
    // Bitbucket Cloud authorises on bitbucket.org and signs people in with their Atlassian account.
    origins: ['https://bitbucket.org', 'https://id.atlassian.com'],
    tenantSpecific: false,
  },
  {
    id: 'atlassian',
    name: 'Atlassian',
    origins: ['https://id.atlassian.com', 'https://auth.atlassian.com'],
    tenantSpecific: false,
  },
  {
    id: 'slack',
    name: 'Slack',
    origins: ['https://slack.com'],
    tenantSpecific: true,
    note: 'Sign in with Slack may ask for your workspace, which lives at <workspace>.slack.com.',
  },
  {
    id: 'facebook',
    name: 'Facebook',
    origins: ['https://www.facebook.com', 'https://m.facebook.com'],
    tenantSpecific: false,
  },
  {
    id: 'salesforce',
    name: 'Salesforce',
    origins: ['https://login.salesforce.com'],
    tenantSpecific: false,
  },
  {
    id: 'okta',
    name: 'Okta',
    origins: [],
    tenantSpecific: true,
    note: 'Each organisation signs in at its own Okta address (<org>.okta.com or a custom domain).',
  },
];

/** Provider id → display name and sign-in origins. */
export const SIGN_IN_PROVIDERS: Readonly<Record<SignInProviderId, SignInProvider>> = Object.freeze(
  Object.fromEntries(
    providers.map((provider) => [
      provider.id,
      Object.freeze({ ...provider, origins: Object.freeze([...provider.origins]) }),
    ]),
  ) as Record<SignInProviderId, SignInProvider>,
);

/** The sign-in origins of several providers, each once, in provider order. */
export function signInOriginsFor(ids: readonly SignInProviderId[]): string[] {
  const origins = new Set<string>();
  for (const id of ids) {
    for (const origin of SIGN_IN_PROVIDERS[id].origins) origins.add(origin);
  }
  return [...origins];
}
