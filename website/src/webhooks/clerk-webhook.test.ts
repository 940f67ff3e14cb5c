import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../db/client';
import {
  activations,
  licenses,
  memberships,
  organizations,
  processedWebhooks,
  users,
} from '../db/schema';
import { testDatabase } from '../../test/database';
import { createClerkWebhookHandler } from './clerk-webhook';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const signer = new Webhook(SECRET);

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

let deliveries = 0;
/** A delivery as Clerk sends it: Standard Webhooks headers over the exact body. */
function delivery(
  type: string,
  data: Record<string, unknown>,
  options: { id?: string; at?: Date; secret?: Webhook } = {},
) {
  const id = options.id ?? `msg_${(deliveries += 1)}`;
  const at = options.at ?? new Date();
  const body = JSON.stringify({ type, object: 'event', data, timestamp: at.getTime() });
  return new Request('http://localhost/api/webhooks/clerk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': (options.secret ?? signer).sign(id, at, body),
    },
    body,
  });
}

const handler = createClerkWebhookHandler({
  database: () => Promise.resolve(opened.db),
  signingSecret: SECRET,
});

async function outcomeOf(request: Request) {
  const response = await handler(request);
  const body = (await response.json()) as { outcome?: string; error?: { code: string } };
  return { status: response.status, outcome: body.outcome, code: body.error?.code };
}

const user = (id: string, email: string, updatedAt: number) => ({
  id,
  first_name: 'Ada',
  last_name: 'Lovelace',
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', email_address: email }],
  updated_at: updatedAt,
});

const item = (id: string, slug: string, status: string, payer: Record<string, string>) => ({
  id,
  object: 'commerce_subscription_item',
  status,
  plan: { slug },
  period_end: Date.now() + 30 * 86_400_000,
  payer,
});

describe('Clerk webhooks', () => {
  it('keeps users current, once per delivery, ignoring an older version arriving late', async () => {
    const now = Date.now();
    expect(
      await outcomeOf(delivery('user.created', user('user_w1', 'ada@example.com', now))),
    ).toEqual({
      status: 200,
      outcome: 'applied',
      code: undefined,
    });
    const replay = delivery('user.updated', user('user_w1', 'new@example.com', now + 1000), {
      id: 'msg_fixed',
    });
    expect((await outcomeOf(replay)).outcome).toBe('applied');
    const again = delivery('user.updated', user('user_w1', 'other@example.com', now + 2000), {
      id: 'msg_fixed',
    });
    expect((await outcomeOf(again)).outcome).toBe('duplicate');
    // Out of order: the older version changes nothing.
    await outcomeOf(delivery('user.updated', user('user_w1', 'old@example.com', now - 5000)));
    const [row] = await opened.db.select().from(users).where(eq(users.id, 'user_w1'));
    expect(row).toMatchObject({ email: 'new@example.com', name: 'Ada Lovelace' });
  });

  it('follows Billing: a plan bought, changed and ended shows in the license', async () => {
    const payer = { user_id: 'user_w2' };
    const planOf = async () =>
      (await opened.db.select().from(licenses).where(eq(licenses.ownerId, 'user_w2')))[0]?.plan;
    const t = Date.now();
    await outcomeOf(
      delivery('subscriptionItem.active', item('si_1', 'pro', 'active', payer), {
        at: new Date(t),
      }),
    );
    expect(await planOf()).toBe('pro');
    // A late "upcoming" from before the activation changes nothing.
    await outcomeOf(
      delivery('subscriptionItem.upcoming', item('si_1', 'pro', 'upcoming', payer), {
        at: new Date(t - 60_000),
      }),
    );
    expect(await planOf()).toBe('pro');
    // Canceled keeps the plan until the period ends; ended brings Free back.
    await outcomeOf(
      delivery('subscriptionItem.canceled', item('si_1', 'pro', 'canceled', payer), {
        at: new Date(t + 1000),
      }),
    );
    expect(await planOf()).toBe('pro');
    await outcomeOf(
      delivery('subscriptionItem.ended', item('si_1', 'pro', 'ended', payer), {
        at: new Date(t + 2000),
      }),
    );
    expect(await planOf()).toBe('free');
    // A top-level subscription event carries its items.
    await outcomeOf(
      delivery(
        'subscription.updated',
        {
          id: 'sub_1',
          payer: { organization_id: 'org_w' },
          items: [item('si_2', 'team', 'active', {})],
        },
        { at: new Date(t + 3000) },
      ),
    );
    const [organizationLicense] = await opened.db
      .select()
      .from(licenses)
      .where(eq(licenses.ownerId, 'org_w'));
    expect(organizationLicense).toMatchObject({
      plan: 'team',
      seats: 3,
      ownerType: 'organization',
    });
  });

  it('gives a seat back when a member leaves, and revokes a deleted organization', async () => {
    const membership = {
      role: 'org:member',
      permissions: [],
      organization: { id: 'org_m', name: 'Members Inc' },
      public_user_data: { user_id: 'user_m' },
    };
    await outcomeOf(delivery('organizationMembership.created', membership));
    await opened.db.insert(licenses).values({
      id: 'lic_m',
      ownerType: 'organization',
      ownerId: 'org_m',
      plan: 'team',
      seats: 3,
    });
    await opened.db.insert(activations).values({
      id: 'act_m',
      licenseId: 'lic_m',
      userId: 'user_m',
      deviceFingerprintHash: 'c'.repeat(64),
      deviceName: 'M',
      platform: 'linux',
      appVersion: '0.1.0',
      secretHash: 'd'.repeat(64),
    });
    expect(
      await opened.db.select().from(memberships).where(eq(memberships.userId, 'user_m')),
    ).toHaveLength(1);
    await outcomeOf(delivery('organizationMembership.deleted', membership));
    expect(
      await opened.db.select().from(memberships).where(eq(memberships.userId, 'user_m')),
    ).toHaveLength(0);
    const [activation] = await opened.db
      .select()
      .from(activations)
      .where(eq(activations.id, 'act_m'));
    expect(activation?.deactivatedAt).toBeInstanceOf(Date);

    await outcomeOf(delivery('organization.deleted', { id: 'org_m', deleted: true }));
    const [license] = await opened.db.select().from(licenses).where(eq(licenses.id, 'lic_m'));
    expect(license?.status).toBe('revoked');
  });

  it('refuses forged, replayed-with-changes, stale or unsigned deliveries, changing nothing', async () => {
    const forged = delivery('user.created', user('user_forged', 'x@example.com', Date.now()), {
      secret: new Webhook(`whsec_${randomBytes(24).toString('base64')}`),
    });
    expect(await outcomeOf(forged)).toMatchObject({
      status: 400,
      code: 'WEBHOOK_SIGNATURE_INVALID',
    });

    const signed = delivery('user.created', user('user_tampered', 'x@example.com', Date.now()));
    const body = (await signed.clone().text()).replace('x@example.com', 'evil@example.com');
    const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body });
    expect((await outcomeOf(tampered)).code).toBe('WEBHOOK_SIGNATURE_INVALID');

    const stale = delivery('user.created', user('user_stale', 'x@example.com', Date.now()), {
      at: new Date(Date.now() - 10 * 60_000),
    });
    expect((await outcomeOf(stale)).code).toBe('WEBHOOK_SIGNATURE_INVALID');

    const unsigned = new Request('http://localhost/api/webhooks/clerk', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await outcomeOf(unsigned)).code).toBe('WEBHOOK_SIGNATURE_INVALID');
    for (const id of ['user_forged', 'user_tampered', 'user_stale']) {
      expect(await opened.db.select().from(users).where(eq(users.id, id))).toHaveLength(0);
    }
  });

  it('answers a signed event it cannot read with 400 and records nothing', async () => {
    const broken = delivery('user.created', { id: 42 }, { id: 'msg_broken' });
    expect(await outcomeOf(broken)).toMatchObject({ status: 400, code: 'WEBHOOK_INVALID' });
    expect(
      await opened.db
        .select()
        .from(processedWebhooks)
        .where(eq(processedWebhooks.id, 'msg_broken')),
    ).toHaveLength(0);
    expect((await outcomeOf(delivery('email.created', { id: 'em_1' }))).outcome).toBe('ignored');
    const unconfigured = createClerkWebhookHandler({
      database: () => Promise.resolve(opened.db),
      signingSecret: undefined,
    });
    expect((await unconfigured(delivery('user.created', {}))).status).toBe(503);
  });

  it('keeps organizations current and ends a deleted user’s devices', async () => {
    const t = Date.now();
    const organization = (name: string, updatedAt: number) => ({
      id: 'org_n',
      name,
      slug: 'org-n',
      updated_at: updatedAt,
    });
    await outcomeOf(delivery('organization.created', organization('Northwind', t)));
    await outcomeOf(delivery('organization.updated', organization('Northwind Traders', t + 1000)));
    await outcomeOf(delivery('organization.updated', organization('Stale name', t - 1000)));
    const [row] = await opened.db.select().from(organizations).where(eq(organizations.id, 'org_n'));
    expect(row?.name).toBe('Northwind Traders');

    await outcomeOf(delivery('user.created', user('user_gone', 'gone@example.com', t)));
    await opened.db.insert(licenses).values({
      id: 'lic_gone',
      ownerType: 'user',
      ownerId: 'user_gone',
      plan: 'pro',
      seats: 1,
    });
    await opened.db.insert(activations).values({
      id: 'act_gone',
      licenseId: 'lic_gone',
      userId: 'user_gone',
      deviceFingerprintHash: 'e'.repeat(64),
      deviceName: 'Gone',
      platform: 'win32',
      appVersion: '0.1.0',
      secretHash: 'f'.repeat(64),
    });
    await outcomeOf(delivery('user.deleted', { id: 'user_gone', deleted: true }));
    const [gone] = await opened.db.select().from(users).where(eq(users.id, 'user_gone'));
    expect(gone).toMatchObject({ email: null, name: null });
    expect(gone?.deletedAt).toBeInstanceOf(Date);
    const [ended] = await opened.db
      .select()
      .from(activations)
      .where(eq(activations.id, 'act_gone'));
    expect(ended?.deactivatedAt).toBeInstanceOf(Date);
  });

  it('refuses an oversized or id-less delivery, and reports a database failure as 500', async () => {
    const big = delivery('user.created', user('user_big', 'b@example.com', Date.now()));
    const oversized = new Request(big.url, {
      method: 'POST',
      headers: { ...Object.fromEntries(big.headers), 'content-length': String(1024 * 1024) },
      body: await big.text(),
    });
    expect((await outcomeOf(oversized)).code).toBe('BODY_TOO_LARGE');

    const at = new Date();
    const body = JSON.stringify({ type: 'user.created', data: {}, timestamp: at.getTime() });
    const withoutId = new Request('http://localhost/api/webhooks/clerk', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'msg_wh',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signer.sign('msg_wh', at, body),
      },
      body,
    });
    // Standard Webhooks header names are accepted too; a bad event body is still a 400.
    expect((await outcomeOf(withoutId)).status).toBe(400);

    const broken = createClerkWebhookHandler({
      database: () => Promise.reject(new Error('database down')),
      signingSecret: SECRET,
    });
    const answer = await broken(delivery('user.created', user('user_x', 'x@example.com', 1)));
    expect(answer.status).toBe(500);
  });
});
