import { FlowDeskError, err, ok } from '../core';
import type { Result } from '../core';
import type { Enforcement, KnownRule, Policy, PolicyRule } from './policy';

/** What the app is about to do, as much as the policies need to know. */
export type PolicyAction =
  | { action: 'add-service'; service: { type: string; url: string } }
  | { action: 'open-service'; service: { type: string; url: string } }
  | { action: 'navigate'; url: string }
  | { action: 'create-workspace'; existingWorkspaces: number }
  | {
      action: 'create-backup';
      protection: 'passphrase' | 'device-key' | 'none';
      includesSessions: boolean;
    }
  | { action: 'start'; appVersion: string };

export interface PolicyFinding {
  policyId: string;
  policyName: string;
  policyVersion: number;
  enforcement: Enforcement;
  rule: string;
  /** Names the policy and says what it does not allow, for the user. */
  message: string;
}

/**
 * strict findings block (the message names the policy); warn findings let it happen with a
 * banner; audit findings only go into the audit trail. Every finding is recorded.
 */
export interface PolicyDecision {
  allowed: boolean;
  outcome: 'allow' | 'block' | 'warn' | 'audit';
  findings: PolicyFinding[];
  /** The first blocking finding's message, to show. */
  message?: string;
}

const CUSTOM_SERVICE_TYPE = 'custom-template';

/** Does the address match `example.com`, `*.example.com` or `https://example.com/path*`? */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const lowered = pattern.trim().toLowerCase();
  if (!lowered.includes('://')) {
    if (lowered.startsWith('*.')) return host.endsWith(lowered.slice(1));
    return host === lowered || host.endsWith(`.${lowered}`);
  }
  const prefix = lowered.endsWith('*') ? lowered.slice(0, -1) : lowered;
  let normalised: string;
  try {
    const base = new URL(prefix);
    normalised = `${base.protocol}//${base.host}${prefix.slice(prefix.indexOf(base.host) + base.host.length)}`;
  } catch {
    return false;
  }
  const href = `${parsed.protocol}//${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}${parsed.search}`;
  if (lowered.endsWith('*')) return href.startsWith(normalised);
  return (
    href === normalised || href.startsWith(normalised.endsWith('/') ? normalised : `${normalised}/`)
  );
}

/** -1, 0 or 1; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const [core = '', pre] = version.split('-', 2);
    return { parts: core.split('.').map((part) => Number(part) || 0), pre };
  };
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const difference = (left.parts[index] ?? 0) - (right.parts[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === undefined) return 1;
  if (right.pre === undefined) return -1;
  return left.pre < right.pre ? -1 : 1;
}

/** Why one rule objects to the action, or undefined when it does not. */
function violation(rule: KnownRule, action: PolicyAction, name: string): string | undefined {
  const service =
    action.action === 'add-service' || action.action === 'open-service'
      ? action.service
      : undefined;
  const url = service?.url ?? (action.action === 'navigate' ? action.url : undefined);
  switch (rule.kind) {
    case 'allowed-service-types':
      return service && !rule.types.includes(service.type)
        ? `${name} allows only approved services, and this one is not among them.`
        : undefined;
    case 'blocked-service-types':
      return service && rule.types.includes(service.type)
        ? `${name} does not allow this service.`
        : undefined;
    case 'no-custom-services':
      return service?.type === CUSTOM_SERVICE_TYPE
        ? `${name} does not allow services added by address; choose one from the catalog.`
        : undefined;
    case 'url-allow':
      return url !== undefined && !rule.patterns.some((pattern) => urlMatchesPattern(url, pattern))
        ? `${name} does not allow this address.`
        : undefined;
    case 'url-block':
      return url !== undefined && rule.patterns.some((pattern) => urlMatchesPattern(url, pattern))
        ? `${name} blocks this address.`
        : undefined;
    case 'max-workspaces':
      return action.action === 'create-workspace' && action.existingWorkspaces + 1 > rule.max
        ? `${name} allows at most ${rule.max} workspaces.`
        : undefined;
    case 'backups-encrypted-with-passphrase':
      return action.action === 'create-backup' && action.protection !== 'passphrase'
        ? `${name} requires backups to be protected with a passphrase.`
        : undefined;
    case 'no-session-data-in-backups':
      return action.action === 'create-backup' && action.includesSessions
        ? `${name} does not allow sign-ins in backups.`
        : undefined;
    case 'min-app-version':
      return action.action === 'start' && compareVersions(action.appVersion, rule.version) < 0
        ? `${name} requires Flow Desk ${rule.version} or newer: update Flow Desk.`
        : undefined;
    // Settings the app applies (requiredSettings), not actions it refuses.
    case 'force-isolation':
    case 'clear-sessions-on-exit':
    case 'license-check-interval':
      return undefined;
  }
}

function findingsOf(policy: Policy, rule: PolicyRule, action: PolicyAction): PolicyFinding[] {
  const base = { policyId: policy.id, policyName: policy.name, policyVersion: policy.version };
  const name = `The “${policy.name}” policy of your organization`;
  if (rule.kind === 'unknown') {
    if (rule.safeToIgnore) return [];
    // Fail closed: a rule this version cannot read holds the policy strictly.
    return [
      {
        ...base,
        enforcement: 'strict',
        rule: rule.name,
        message: `${name} has a rule this version of Flow Desk does not understand: update Flow Desk.`,
      },
    ];
  }
  const message = violation(rule, action, name);
  return message ? [{ ...base, enforcement: policy.enforcement, rule: rule.kind, message }] : [];
}

/** The one evaluator: every policy, every rule, against one action. */
export function evaluatePolicies(
  policies: readonly Policy[],
  action: PolicyAction,
): PolicyDecision {
  const findings = policies.flatMap((policy) =>
    policy.rules.flatMap((rule) => findingsOf(policy, rule, action)),
  );
  const blocking = findings.find((finding) => finding.enforcement === 'strict');
  if (blocking) return { allowed: false, outcome: 'block', findings, message: blocking.message };
  if (findings.some((finding) => finding.enforcement === 'warn')) {
    return {
      allowed: true,
      outcome: 'warn',
      findings,
      message: findings.find((f) => f.enforcement === 'warn')!.message,
    };
  }
  return { allowed: true, outcome: findings.length > 0 ? 'audit' : 'allow', findings };
}

/** Settings strict policies impose on the app, whatever the user chose. */
export interface RequiredSettings {
  isolation?: 'isolated';
  clearSessionsOnExit: boolean;
  /** The license is checked at least this often. */
  licenseCheckMaxHours?: number;
  /** Backups must be protected with a passphrase (so none can be made unattended). */
  backupsNeedPassphrase: boolean;
  /** Sign-ins may not go into backups. */
  noSessionsInBackups: boolean;
  /** Policies that set them, by name (shown next to a locked setting). */
  setBy: string[];
}

export function requiredSettings(policies: readonly Policy[]): RequiredSettings {
  const result: RequiredSettings = {
    clearSessionsOnExit: false,
    backupsNeedPassphrase: false,
    noSessionsInBackups: false,
    setBy: [],
  };
  for (const policy of policies.filter((candidate) => candidate.enforcement === 'strict')) {
    let sets = false;
    for (const rule of policy.rules) {
      if (rule.kind === 'force-isolation') {
        result.isolation = 'isolated';
        sets = true;
      } else if (rule.kind === 'clear-sessions-on-exit') {
        result.clearSessionsOnExit = true;
        sets = true;
      } else if (rule.kind === 'backups-encrypted-with-passphrase') {
        result.backupsNeedPassphrase = true;
        sets = true;
      } else if (rule.kind === 'no-session-data-in-backups') {
        result.noSessionsInBackups = true;
        sets = true;
      } else if (rule.kind === 'license-check-interval') {
        result.licenseCheckMaxHours = Math.min(
          result.licenseCheckMaxHours ?? Infinity,
          rule.maxHours,
        );
        sets = true;
      }
    }
    if (sets) result.setBy.push(policy.name);
  }
  return result;
}

/**
 * Checks a policy as it is authored: rules that contradict each other are refused, with the
 * conflict named (a type both allowed and blocked, a rule kind given twice, …).
 */
export function validatePolicy(policy: Policy): Result<Policy> {
  const conflicts: string[] = [];
  const seen = new Set<string>();
  for (const rule of policy.rules) {
    if (rule.kind === 'unknown') continue;
    if (seen.has(rule.kind))
      conflicts.push(`The rule “${rule.kind}” appears twice: merge them into one.`);
    seen.add(rule.kind);
  }
  const known = policy.rules.filter((rule): rule is KnownRule => rule.kind !== 'unknown');
  const allowedTypes = known.flatMap((rule) =>
    rule.kind === 'allowed-service-types' ? rule.types : [],
  );
  const blockedTypes = known.flatMap((rule) =>
    rule.kind === 'blocked-service-types' ? rule.types : [],
  );
  for (const type of allowedTypes.filter((candidate) => blockedTypes.includes(candidate))) {
    conflicts.push(`“${type}” is both allowed and blocked.`);
  }
  if (
    known.some((rule) => rule.kind === 'no-custom-services') &&
    allowedTypes.includes(CUSTOM_SERVICE_TYPE)
  ) {
    conflicts.push('Custom services are both allowed and forbidden.');
  }
  const allowedPatterns = known.flatMap((rule) => (rule.kind === 'url-allow' ? rule.patterns : []));
  const blockedPatterns = known.flatMap((rule) => (rule.kind === 'url-block' ? rule.patterns : []));
  for (const pattern of allowedPatterns.filter((candidate) =>
    blockedPatterns.includes(candidate),
  )) {
    conflicts.push(`The address pattern “${pattern}” is both allowed and blocked.`);
  }
  if (conflicts.length > 0) {
    return err(new FlowDeskError('POLICY_CONFLICT', conflicts[0]!, { details: { conflicts } }));
  }
  return ok(policy);
}
