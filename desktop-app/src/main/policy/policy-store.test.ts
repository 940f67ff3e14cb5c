import { beforeAll, describe, expect, it } from 'vitest';
import { ok } from '@flowdesk/shared/core';
import { generateLicenseSigningKey } from '@flowdesk/shared/licensing';
import type { LicenseSigningKey } from '@flowdesk/shared/licensing';
import { signPolicyBundle, verifyPolicyBundle } from '@flowdesk/shared/policy';
import type {
  Enforcement,
  PolicyAction,
  PolicyBundle,
  PolicyDecision,
} from '@flowdesk/shared/policy';
import type { IpcEnvelope } from '@flowdesk/shared/ipc';
import { defaultWorkspaceStore, workspaceStoreSchema } from '@flowdesk/shared/workspace';
import { createInPageBackend } from '../../../test/support/in-page-backend';
import { WorkspaceManager } from '../data/workspace-manager';
import { PolicyStore } from './policy-store';

const ISSUER = 'https://flowdesk.example';
let key: LicenseSigningKey;
beforeAll(async () => {
  key = await generateLicenseSigningKey('k1');
});

const bundle = (
  enforcement: Enforcement,
  issuedAt = 1_764_000_000,
  rules: unknown[] = [
    { kind: 'blocked-service-types', types: ['discord'] },
    { kind: 'max-workspaces', max: 2 },
    { kind: 'force-isolation' },
  ],
): PolicyBundle =>
  ({
    organizationId: 'org_acme',
    issuedAt,
    policies: [
      { id: 'acme-apps', name: 'Acme apps', type: 'access', enforcement, version: 1, rules },
    ],
  }) as PolicyBundle;

function setup(extra: { appVersion?: string; clock?: () => number } = {}) {
  const file: { text?: string } = {};
  const recorded: {
    decision: PolicyDecision;
    action: PolicyAction;
    workspaceId: string | undefined;
  }[] = [];
  const changes: (PolicyBundle | undefined)[] = [];
  const store = new PolicyStore({
    file: { read: () => file.text, write: (text) => (file.text = text) },
    verify: (token, currentIssuedAt) =>
      verifyPolicyBundle(token, {
        keys: { keys: [key.publicJwk] },
        issuer: ISSUER,
        organizationId: 'org_acme',
        ...(currentIssuedAt === undefined ? {} : { currentIssuedAt }),
      }),
    record: (decision, action, workspaceId) => recorded.push({ decision, action, workspaceId }),
    onChange: (next) => changes.push(next),
    ...extra,
  });
  return { store, file, recorded, changes };
}
const sign = (value: PolicyBundle) => signPolicyBundle(value, { key, issuer: ISSUER });

describe('PolicyStore', () => {
  it('keeps a valid bundle, reads it back at start, and refuses an edited file', async () => {
    const { store, file } = setup();
    expect(await store.load()).toEqual({ policies: 0 });
    expect((await store.apply(await sign(bundle('strict')))).ok).toBe(true);
    expect(store.organizationId).toBe('org_acme');
    const restarted = setup();
    restarted.file.text = file.text;
    expect(await restarted.store.load()).toEqual({ policies: 1 });
    expect(restarted.store.policies()[0]?.name).toBe('Acme apps');

    // Someone loosens the policy in the file: the signature no longer matches.
    const edited = setup();
    const { token } = JSON.parse(file.text!) as { token: string };
    const [header, payload, signature] = token.split('.');
    const loosened = Buffer.from(
      Buffer.from(payload!, 'base64url').toString().replace('"strict"', '"audit"'),
    ).toString('base64url');
    edited.file.text = JSON.stringify({ version: 1, token: `${header}.${loosened}.${signature}` });
    const loaded = await edited.store.load();
    expect(loaded.policies).toBe(0);
    expect(loaded.problem?.code).toBe('POLICY_BUNDLE_UNTRUSTED');
    for (const damaged of ['{nope', JSON.stringify({ version: 2, token: 'x' })]) {
      const broken = setup();
      broken.file.text = damaged;
      expect((await broken.store.load()).problem?.code).toBe('POLICY_FILE_DAMAGED');
    }
  });

  it('keeps the last valid policies when a tampered or older bundle arrives', async () => {
    const { store, changes } = setup();
    await store.apply(await sign(bundle('strict', 1_764_000_100)));
    const older = await store.apply(await sign(bundle('audit', 1_764_000_000)));
    expect(!older.ok && older.error.code).toBe('POLICY_BUNDLE_STALE');
    const forged = await store.apply(
      (await sign(bundle('audit', 1_764_000_200))).slice(0, -4) + 'AAAA',
    );
    expect(!forged.ok && forged.error.code).toBe('POLICY_BUNDLE_UNTRUSTED');
    expect(store.policies()[0]?.enforcement).toBe('strict');
    expect(changes).toHaveLength(1);
    expect((await store.apply(await sign(bundle('warn', 1_764_000_300)))).ok).toBe(true);
    expect(store.policies()[0]?.enforcement).toBe('warn');
  });
});

describe('policies enforced by the workspace manager', () => {
  async function manager(enforcement: Enforcement) {
    const policy = setup();
    await policy.store.apply(await sign(bundle(enforcement)));
    const workspaces = new WorkspaceManager(defaultWorkspaceStore(), {
      repository: { save: () => ok(undefined) },
      policy: policy.store,
    });
    return { workspaces, recorded: policy.recorded };
  }

  it('strict: a blocked service cannot be added, and the message names the policy; forced isolation applies', async () => {
    const { workspaces, recorded } = await manager('strict');
    const work = workspaces.createWorkspace({ name: 'Work', services: [] });
    if (!work.ok) throw work.error;
    const refused = workspaces.addService({
      workspaceId: work.value.id,
      service: { type: 'discord', name: 'Discord', url: 'https://discord.com/app' },
    });
    expect(!refused.ok && refused.error.code).toBe('POLICY_BLOCKED');
    expect(!refused.ok && refused.error.message).toBe(
      'The “Acme apps” policy of your organization does not allow this service.',
    );
    expect(workspaces.store.workspaces[0]!.services).toEqual([]);
    expect(recorded[0]).toMatchObject({
      workspaceId: work.value.id,
      decision: { outcome: 'block' },
    });
    // Another service is added, isolated because the policy forces it.
    const slack = workspaces.addService({
      workspaceId: work.value.id,
      service: {
        type: 'slack',
        name: 'Slack',
        url: 'https://acme.slack.com/',
        isolation: 'shared',
      },
    });
    expect(slack.ok && slack.value.isolation).toBe('isolated');
    // At most two workspaces; and a new workspace cannot bring a blocked service along.
    expect(workspaces.createWorkspace({ name: 'Home', services: [{ type: 'discord' }] }).ok).toBe(
      false,
    );
    expect(workspaces.createWorkspace({ name: 'Home', services: [] }).ok).toBe(true);
    const third = workspaces.createWorkspace({ name: 'Third', services: [] });
    expect(!third.ok && third.error.message).toMatch(/allows at most 2 workspaces/);
  });

  it('warn and audit: the service is added, and the decision is recorded', async () => {
    for (const enforcement of ['warn', 'audit'] as const) {
      const { workspaces, recorded } = await manager(enforcement);
      const work = workspaces.createWorkspace({ name: 'Work', services: [] });
      if (!work.ok) throw work.error;
      const added = workspaces.addService({
        workspaceId: work.value.id,
        service: { type: 'discord', name: 'Discord', url: 'https://discord.com/app' },
      });
      expect(added.ok).toBe(true);
      expect(recorded.at(-1)?.decision).toMatchObject({ allowed: true, outcome: enforcement });
    }
  });
});

describe('policies enforced when a service is opened', () => {
  it('a service a strict policy blocks does not open, even if it was added before the policy', async () => {
    const policy = setup();
    await policy.store.apply(await sign(bundle('strict')));
    const initial = workspaceStoreSchema.parse({
      schemaVersion: 1,
      activeWorkspaceId: 'w1',
      workspaces: [
        {
          id: 'w1',
          name: 'Work',
          createdAt: '2026-12-01T10:00:00.000Z',
          services: [
            {
              id: 'd1',
              type: 'discord',
              name: 'Discord',
              url: 'https://discord.com/app',
              createdAt: '2026-12-01T10:00:00.000Z',
            },
            {
              id: 's1',
              type: 'slack',
              name: 'Slack',
              url: 'https://acme.slack.com/',
              createdAt: '2026-12-01T10:00:00.000Z',
            },
          ],
        },
      ],
    });
    const backend = createInPageBackend({ initial, policy: policy.store });
    const blocked = (await backend.dispatch('views:activate', {
      serviceId: 'd1',
    })) as IpcEnvelope<null>;
    expect(!blocked.ok && blocked.error.code).toBe('POLICY_BLOCKED');
    expect(backend.views.liveCount()).toBe(0);
    const opened = (await backend.dispatch('views:activate', {
      serviceId: 's1',
    })) as IpcEnvelope<null>;
    expect(opened.ok).toBe(true);
    expect(policy.recorded.map((entry) => entry.action.action)).toEqual(['open-service']);
  });
});

describe('minimum version and what the website is told', () => {
  const versionBundle = (enforcement: Enforcement) =>
    bundle(enforcement, 1_764_000_100, [
      { kind: 'min-app-version', version: '2.0.0' },
      { kind: 'blocked-service-types', types: ['discord'] },
    ]);
  const slack = { type: 'slack', url: 'https://acme.slack.com/' };

  it('strict: an older build opens and adds no service until it is updated, and says why', async () => {
    const outdated = setup({ appVersion: '1.9.0' });
    await outdated.store.apply(await sign(versionBundle('strict')));
    const atStart = outdated.store.checkVersion();
    expect(atStart).toMatchObject({ allowed: false, outcome: 'block' });
    expect(atStart?.message).toBe(
      'The “Acme apps” policy of your organization requires Flow Desk 2.0.0 or newer: update Flow Desk.',
    );
    for (const action of ['open-service', 'add-service'] as const) {
      expect(outdated.store.decide({ action, service: slack })).toMatchObject({
        allowed: false,
        message: atStart?.message,
      });
    }
    // Workspaces and everything else keep working.
    expect(
      outdated.store.decide({ action: 'create-workspace', existingWorkspaces: 0 }).allowed,
    ).toBe(true);
    const current = setup({ appVersion: '2.0.0' });
    await current.store.apply(await sign(versionBundle('strict')));
    expect(current.store.checkVersion()).toMatchObject({ allowed: true, outcome: 'allow' });
    expect(current.store.decide({ action: 'open-service', service: slack }).allowed).toBe(true);
    // A build that does not know its version is not judged.
    expect(setup().store.checkVersion()).toBeUndefined();
  });

  it('warn: an older build is told, and keeps working', async () => {
    const outdated = setup({ appVersion: '1.9.0' });
    await outdated.store.apply(await sign(versionBundle('warn')));
    expect(outdated.store.checkVersion()).toMatchObject({ allowed: true, outcome: 'warn' });
    expect(outdated.store.decide({ action: 'open-service', service: slack }).allowed).toBe(true);
  });

  it('counts findings per policy and outcome for the website, and forgets only what it received', async () => {
    let now = Date.parse('2026-12-02T08:00:00.000Z');
    const { store } = setup({ clock: () => now });
    expect(store.pendingReport()).toBeUndefined();
    await store.apply(await sign(versionBundle('strict')));
    const discord = { type: 'discord', url: 'https://discord.com/app' };
    store.decide({ action: 'add-service', service: discord });
    store.decide({ action: 'open-service', service: discord });
    const report = store.pendingReport();
    expect(report).toEqual({
      since: '2026-12-02T08:00:00.000Z',
      findings: [{ policyId: 'acme-apps', version: 1, outcome: 'blocked', count: 2 }],
    });
    // One more while the report is on its way: it stays for the next one.
    store.decide({ action: 'open-service', service: discord });
    now += 3_600_000;
    store.reportDelivered(report!);
    expect(store.pendingReport()?.findings).toEqual([
      { policyId: 'acme-apps', version: 1, outcome: 'blocked', count: 1 },
    ]);
    store.reportDelivered(store.pendingReport()!);
    expect(store.pendingReport()).toBeUndefined();
    store.decide({ action: 'open-service', service: discord });
    expect(store.pendingReport()?.since).toBe('2026-12-02T09:00:00.000Z');
    // Nothing the report holds names a service or an address.
    expect(JSON.stringify(store.pendingReport())).not.toMatch(/discord\.com|https?:/);
  });
});
