import type { ServiceDefinition } from '../schema';
import type { SignInProviderId } from '../sign-in';

type Defaulted = 'aliases' | 'signIn' | 'selfHosted' | 'availability' | 'userAgent';

export type ServiceInput = Omit<ServiceDefinition, Defaulted> &
  Partial<Pick<ServiceDefinition, Defaulted>>;

/** A catalog entry with the common defaults filled in: a public web app with no extras. */
export function service(input: ServiceInput): ServiceDefinition {
  return {
    aliases: [],
    signIn: [],
    selfHosted: false,
    availability: 'web',
    userAgent: 'default',
    ...input,
  };
}

/** Google's apps: the app host, Google's own login (accounts.google.com), static and user content. */
export const GOOGLE_DOMAINS = ['google.com', 'gstatic.com', 'googleusercontent.com'] as const;

/**
 * Microsoft 365 apps move between office.com, the unified cloud.microsoft, live.com (personal
 * accounts), microsoft.com, office.net (static) and sharepoint.com (files opened from the apps).
 */
export const MICROSOFT_DOMAINS = [
  'microsoft.com',
  'cloud.microsoft',
  'office.com',
  'office.net',
  'live.com',
  'sharepoint.com',
] as const;

/** Atlassian accounts offer these providers on id.atlassian.com. */
export const ATLASSIAN_SIGN_IN: readonly SignInProviderId[] = [
  'atlassian',
  'google',
  'microsoft',
  'apple',
  'slack',
];
