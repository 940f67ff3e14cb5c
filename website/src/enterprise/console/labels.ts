import type { PolicyRule } from '@flowdesk/shared/policy';

/** Words the console shows for stored values. */

export function describeRule(rule: PolicyRule): string {
  switch (rule.kind) {
    case 'allowed-service-types':
      return `Only ${rule.types.join(', ')}`;
    case 'blocked-service-types':
      return `Never ${rule.types.join(', ')}`;
    case 'url-allow':
      return `Only addresses ${rule.patterns.join(', ')}`;
    case 'url-block':
      return `Never addresses ${rule.patterns.join(', ')}`;
    case 'force-isolation':
      return 'Every new service isolated';
    case 'no-custom-services':
      return 'No custom services';
    case 'clear-sessions-on-exit':
      return 'Sign-ins cleared at quit';
    case 'max-workspaces':
      return `At most ${rule.max} workspaces`;
    case 'backups-encrypted-with-passphrase':
      return 'Backups need a passphrase';
    case 'no-session-data-in-backups':
      return 'No sign-ins in backups';
    case 'min-app-version':
      return `Flow Desk ${rule.version} or newer`;
    case 'license-check-interval':
      return `License checked every ${rule.maxHours} h or sooner`;
    default:
      return `${rule.name} (newer rule${rule.safeToIgnore ? ', optional' : ''})`;
  }
}

export const ENFORCEMENT_WORDS = {
  strict: 'Strict (blocks)',
  warn: 'Warn (banner)',
  audit: 'Audit (records)',
} as const;

/** Who gave a seat, in words. */
export const assignedByWords = (assignedBy: string) =>
  assignedBy === 'automatic'
    ? 'automatically, at first sign-in'
    : assignedBy === 'directory'
      ? 'by directory sync'
      : 'by an administrator';
