import type { LicenseStatusCode } from '@flowdesk/shared/licensing';
import type { LicenseView } from './license-provider';

/** What each license state means, in the words the desktop app uses, for a phone. */
export const STATUS_WORDS: Record<LicenseStatusCode, string> = {
  unlicensed: 'Free: no Flow Desk account is signed in on this phone.',
  active: 'Active',
  due: 'Active — checking with the Flow Desk website',
  grace: 'Active, but not checked recently',
  expired: 'Lapsed: Free limits apply until the license is checked again',
  revoked: 'Signed out on the website: Free limits apply',
};

const PLAN_NAMES: Record<string, string> = {
  free: 'Free',
  pro: 'Pro',
  team: 'Team',
  enterprise: 'Enterprise',
};
export const planName = (plan: string): string => PLAN_NAMES[plan] ?? plan;

export const plural = (count: number, one: string, many: string): string =>
  `${count} ${count === 1 ? one : many}`;

/** The notice over the workspaces while the license is in grace, lapsed or revoked. */
export function licenseNotice(license: LicenseView): string | undefined {
  const state = license.snapshot?.state;
  if (!license.available || !state) return undefined;
  switch (state.status) {
    case 'grace':
      return `Flow Desk could not check your license. Your plan stays for ${plural(state.daysLeft ?? 0, 'more day', 'more days')}; connect to the internet so it can check.`;
    case 'expired':
      return 'Your license could not be checked for too long: Free limits apply. Nothing is deleted; extra workspaces and services are locked until it is checked.';
    case 'revoked':
      return 'This phone was signed out of its Flow Desk account: Free limits apply. Nothing is deleted.';
    default:
      return undefined;
  }
}

export function lockedWords(locks: LicenseView['locks']): string | undefined {
  const { workspaceIds, serviceIds } = locks;
  if (workspaceIds.length === 0 && serviceIds.length === 0) return undefined;
  return `${plural(workspaceIds.length, 'workspace', 'workspaces')} and ${plural(serviceIds.length, 'service', 'services')} are locked: kept as they are, and back when the license is.`;
}

export function formatWhen(at: number | undefined, now = Date.now()): string | undefined {
  if (at === undefined) return undefined;
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay
    ? `today at ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
