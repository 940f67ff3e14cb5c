import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  evaluatePolicies,
  requiredSettings,
  urlMatchesPattern,
  validatePolicy,
} from './evaluate';
import type { PolicyAction } from './evaluate';
import { policyBundleSchema, policySchema } from './policy';
import type { Enforcement, Policy } from './policy';

const policy = (
  rules: unknown[],
  enforcement: Enforcement = 'strict',
  name = 'Approved apps',
): Policy => policySchema.parse({ id: 'p1', name, type: 'access', enforcement, version: 3, rules });

const slack = { type: 'slack', url: 'https://acme.slack.com/' };
const custom = { type: 'custom-template', url: 'https://intranet.acme.dev/' };
const add = (service: { type: string; url: string }): PolicyAction => ({
  action: 'add-service',
  service,
});

/** Every rule kind: an action it blocks, and one it lets through. */
const CASES: { rules: unknown[]; blocked: PolicyAction; allowed: PolicyAction; says: RegExp }[] = [
  {
    rules: [{ kind: 'allowed-service-types', types: ['slack', 'notion'] }],
    blocked: add({ type: 'discord', url: 'https://discord.com/app' }),
    allowed: add(slack),
    says: /allows only approved services/,
  },
  {
    rules: [{ kind: 'blocked-service-types', types: ['discord'] }],
    blocked: {
      action: 'open-service',
      service: { type: 'discord', url: 'https://discord.com/app' },
    },
    allowed: { action: 'open-service', service: slack },
    says: /does not allow this service/,
  },
  {
    rules: [{ kind: 'no-custom-services' }],
    blocked: add(custom),
    allowed: add(slack),
    says: /added by address/,
  },
  {
    rules: [{ kind: 'url-allow', patterns: ['slack.com', 'https://acme.atlassian.net/*'] }],
    blocked: { action: 'navigate', url: 'https://evil.example/' },
    allowed: { action: 'navigate', url: 'https://acme.atlassian.net/browse/X-1' },
    says: /does not allow this address/,
  },
  {
    rules: [{ kind: 'url-block', patterns: ['*.dropbox.com'] }],
    blocked: { action: 'navigate', url: 'https://www.dropbox.com/s/x' },
    allowed: { action: 'navigate', url: 'https://dropbox.com.evil.example/' },
    says: /blocks this address/,
  },
  {
    rules: [{ kind: 'max-workspaces', max: 3 }],
    blocked: { action: 'create-workspace', existingWorkspaces: 3 },
    allowed: { action: 'create-workspace', existingWorkspaces: 2 },
    says: /at most 3 workspaces/,
  },
  {
    rules: [{ kind: 'backups-encrypted-with-passphrase' }],
    blocked: { action: 'create-backup', protection: 'device-key', includesSessions: false },
    allowed: { action: 'create-backup', protection: 'passphrase', includesSessions: false },
    says: /protected with a passphrase/,
  },
  {
    rules: [{ kind: 'no-session-data-in-backups' }],
    blocked: { action: 'create-backup', protection: 'passphrase', includesSessions: true },
    allowed: { action: 'create-backup', protection: 'passphrase', includesSessions: false },
    says: /sign-ins in backups/,
  },
  {
    rules: [{ kind: 'min-app-version', version: '1.4.0' }],
    blocked: { action: 'start', appVersion: '1.4.0-beta.2' },
    allowed: { action: 'start', appVersion: '1.10.0' },
    says: /requires Flow Desk 1\.4\.0 or newer/,
  },
];

describe('the policy evaluator', () => {
  it.each(CASES)(
    '$rules.0.kind blocks what it forbids, naming the policy, and allows the rest',
    ({ rules, blocked, allowed, says }) => {
      const decision = evaluatePolicies([policy(rules)], blocked);
      expect(decision).toMatchObject({ allowed: false, outcome: 'block' });
      expect(decision.message).toMatch(/^The “Approved apps” policy of your organization /);
      expect(decision.message).toMatch(says);
      expect(decision.findings[0]).toMatchObject({
        policyId: 'p1',
        policyVersion: 3,
        enforcement: 'strict',
      });
      expect(evaluatePolicies([policy(rules)], allowed)).toEqual({
        allowed: true,
        outcome: 'allow',
        findings: [],
      });
    },
  );

  it('lets warn and audit policies through, recording what they saw; strict wins over both', () => {
    const blockedAction = add({ type: 'discord', url: 'https://discord.com/' });
    const rule = [{ kind: 'blocked-service-types', types: ['discord'] }];
    const warned = evaluatePolicies([policy(rule, 'warn')], blockedAction);
    expect(warned).toMatchObject({
      allowed: true,
      outcome: 'warn',
      message: expect.stringMatching(/does not allow/) as unknown,
    });
    const audited = evaluatePolicies([policy(rule, 'audit')], blockedAction);
    expect(audited).toMatchObject({ allowed: true, outcome: 'audit' });
    expect(audited.findings).toHaveLength(1);
    expect(audited.message).toBeUndefined();
    const all = evaluatePolicies(
      [policy(rule, 'audit'), policy(rule, 'warn'), policy(rule, 'strict', 'No chat games')],
      blockedAction,
    );
    expect(all.outcome).toBe('block');
    expect(all.message).toMatch(/“No chat games”/);
    expect(all.findings.map((finding) => finding.enforcement)).toEqual(['audit', 'warn', 'strict']);
  });

  it('holds a policy strictly when it has a rule this version does not know, unless marked safe', () => {
    const unknown = policy([{ kind: 'screen-recording-off', level: 2 }], 'audit');
    expect(unknown.rules[0]).toEqual({
      kind: 'unknown',
      name: 'screen-recording-off',
      safeToIgnore: false,
    });
    const decision = evaluatePolicies([unknown], add(slack));
    expect(decision).toMatchObject({ allowed: false, outcome: 'block' });
    expect(decision.message).toMatch(/does not understand: update Flow Desk/);
    const safe = policy([{ kind: 'screen-recording-off', safeToIgnore: true }]);
    expect(evaluatePolicies([safe], add(slack)).allowed).toBe(true);
    // A known kind with a bad shape is an error, not an unknown rule.
    expect(
      policySchema.safeParse({ ...unknown, rules: [{ kind: 'max-workspaces', max: 0 }] }).success,
    ).toBe(false);
  });

  it('derives the settings strict policies impose', () => {
    expect(
      requiredSettings([
        policy(
          [{ kind: 'force-isolation' }, { kind: 'license-check-interval', maxHours: 12 }],
          'strict',
          'Security',
        ),
        policy(
          [
            { kind: 'clear-sessions-on-exit' },
            { kind: 'license-check-interval', maxHours: 4 },
            { kind: 'no-session-data-in-backups' },
          ],
          'strict',
          'Kiosk',
        ),
        policy([{ kind: 'license-check-interval', maxHours: 1 }], 'warn', 'Soft'),
        // Only strict policies impose: a warn one asking for passphrases changes nothing here.
        policy([{ kind: 'backups-encrypted-with-passphrase' }], 'warn', 'Soft backups'),
      ]),
    ).toEqual({
      isolation: 'isolated',
      clearSessionsOnExit: true,
      licenseCheckMaxHours: 4,
      backupsNeedPassphrase: false,
      noSessionsInBackups: true,
      setBy: ['Security', 'Kiosk'],
    });
    expect(requiredSettings([])).toEqual({
      clearSessionsOnExit: false,
      backupsNeedPassphrase: false,
      noSessionsInBackups: false,
      setBy: [],
    });
    expect(
      requiredSettings([
        policy([{ kind: 'backups-encrypted-with-passphrase' }], 'strict', 'Vault'),
      ]),
    ).toMatchObject({ backupsNeedPassphrase: true, setBy: ['Vault'] });
    // Settings rules never refuse an action.
    expect(evaluatePolicies([policy([{ kind: 'force-isolation' }])], add(slack)).allowed).toBe(
      true,
    );
  });

  it('refuses contradictory policies at authoring, naming the conflict', () => {
    const code = (rules: unknown[]) => {
      const result = validatePolicy(policy(rules));
      return result.ok ? 'ok' : result.error.message;
    };
    expect(
      code([
        { kind: 'allowed-service-types', types: ['slack', 'discord'] },
        { kind: 'blocked-service-types', types: ['discord'] },
      ]),
    ).toBe('“discord” is both allowed and blocked.');
    expect(
      code([
        { kind: 'max-workspaces', max: 2 },
        { kind: 'max-workspaces', max: 5 },
      ]),
    ).toMatch(/appears twice/);
    expect(
      code([
        { kind: 'no-custom-services' },
        { kind: 'allowed-service-types', types: ['custom-template'] },
      ]),
    ).toBe('Custom services are both allowed and forbidden.');
    expect(
      code([
        { kind: 'url-allow', patterns: ['x.com'] },
        { kind: 'url-block', patterns: ['x.com'] },
      ]),
    ).toMatch(/both allowed and blocked/);
    expect(
      code([
        { kind: 'url-allow', patterns: ['x.com'] },
        { kind: 'unknown-later', safeToIgnore: true },
      ]),
    ).toBe('ok');
  });

  it('matches address patterns by host, subdomain or prefix, and never by look-alike', () => {
    expect(urlMatchesPattern('https://acme.slack.com/x', 'slack.com')).toBe(true);
    expect(urlMatchesPattern('https://slack.com/', 'slack.com')).toBe(true);
    expect(urlMatchesPattern('https://notslack.com/', 'slack.com')).toBe(false);
    expect(urlMatchesPattern('https://slack.com/', '*.slack.com')).toBe(false);
    expect(urlMatchesPattern('https://a.b.slack.com/', '*.slack.com')).toBe(true);
    expect(
      urlMatchesPattern('https://acme.atlassian.net/wiki/x', 'https://acme.atlassian.net/wiki*'),
    ).toBe(true);
    expect(
      urlMatchesPattern('https://acme.atlassian.net/wikix', 'https://acme.atlassian.net/wiki'),
    ).toBe(false);
    expect(
      urlMatchesPattern('https://acme.atlassian.net/wiki/a', 'https://ACME.atlassian.net/wiki'),
    ).toBe(true);
    expect(
      urlMatchesPattern('https://acme.atlassian.net.evil/wiki', 'https://acme.atlassian.net/*'),
    ).toBe(false);
    expect(urlMatchesPattern('not a url', 'slack.com')).toBe(false);
  });

  it('orders versions as releases do', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.4.0-beta.1', '1.4.0')).toBe(-1);
    expect(compareVersions('1.4.0', '1.4.0-rc.1')).toBe(1);
    expect(compareVersions('1.4.0-beta.1', '1.4.0-beta.2')).toBe(-1);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  it('reads a policy bundle, and refuses patterns and fields it does not know', () => {
    const bundle = policyBundleSchema.parse({
      organizationId: 'org_1',
      issuedAt: 1_764_000_000,
      policies: [policy([{ kind: 'url-block', patterns: ['*.dropbox.com'] }])],
    });
    expect(bundle.policies).toHaveLength(1);
    expect(
      policySchema.safeParse({
        ...bundle.policies[0],
        rules: [{ kind: 'url-block', patterns: ['not a pattern!'] }],
      }).success,
    ).toBe(false);
    expect(policyBundleSchema.safeParse({ ...bundle, extra: true }).success).toBe(false);
  });
});
