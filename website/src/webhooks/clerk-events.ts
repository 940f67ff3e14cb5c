import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { PLAN_ENTITLEMENTS, PLANS } from '@flowdesk/shared/licensing';
import type { Plan } from '@flowdesk/shared/licensing';
import type { Database } from '../db/client';
import {
  activations,
  auditEvents,
  licenses,
  memberships,
  organizations,
  processedWebhooks,
  subscriptions,
  users,
} from '../db/schema';
import { deprovisionUser, provisionUser } from '../enterprise/directory';
import { removeSeat } from '../enterprise/seats';
import { newId } from '../license/codes';

/**
 * Clerk's webhook events (already verified) applied to our rows (issue 6): users, organizations,
 * memberships and Billing subscriptions, and from those the owner's license. Each delivery is
 * applied once (its svix-id is recorded in the same transaction), and an event older than what
 * a row already reflects changes nothing, so retries and out-of-order deliveries are harmless.
 */

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Clerk sends times in milliseconds. */
const millis = z.number().int().min(0);

const userData = z.object({
  id: z.string().min(1).max(200),
  first_name: z.string().max(200).nullish(),
  last_name: z.string().max(200).nullish(),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z
    .array(z.object({ id: z.string(), email_address: z.string().max(320) }))
    .max(100)
    .default([]),
  /** Accounts on enterprise connections (SSO), as Directory Sync and SSO sign-ins leave them. */
  enterprise_accounts: z
    .array(
      z.object({
        active: z.boolean(),
        enterprise_connection_id: z.string().max(200).nullish(),
        enterprise_connection: z.object({ id: z.string().max(200) }).nullish(),
      }),
    )
    .max(100)
    .default([]),
  /** Set when the identity provider deprovisions the user through Directory Sync. */
  deprovisioned: z.boolean().default(false),
  banned: z.boolean().default(false),
  updated_at: millis.optional(),
});
const deletedData = z.object({ id: z.string().min(1).max(200) });
const organizationData = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  slug: z.string().max(200).nullish(),
  updated_at: millis.optional(),
});
const membershipData = z.object({
  role: z.string().max(100),
  permissions: z.array(z.string().max(200)).max(500).default([]),
  organization: z.object({ id: z.string().min(1).max(200), name: z.string().max(200) }),
  public_user_data: z.object({ user_id: z.string().min(1).max(200) }),
});
const subscriptionItemData = z.object({
  id: z.string().min(1).max(200),
  status: z.string().max(50),
  period_end: millis.nullish(),
  plan: z.object({ slug: z.string().max(100) }).nullish(),
  seats: z.object({ quantity: z.number().int().min(1).max(1_000_000).nullish() }).nullish(),
  payer: z
    .object({
      user_id: z.string().max(200).nullish(),
      organization_id: z.string().max(200).nullish(),
    })
    .nullish(),
});
const subscriptionData = z.object({
  payer: subscriptionItemData.shape.payer,
  items: z
    .array(subscriptionItemData.omit({ payer: true }))
    .max(100)
    .default([]),
});

export const clerkEventSchema = z.object({
  type: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
  /** When Clerk made the event (ms). */
  timestamp: millis,
});

export type ClerkEvent = z.infer<typeof clerkEventSchema>;
export type ApplyOutcome = 'applied' | 'duplicate' | 'ignored';

/** Statuses in which a subscription item still gives its plan (canceled: until period end). */
const ENTITLING = new Set(['active', 'past_due', 'pastDue', 'canceled']);
const SUBSCRIPTION_STATUSES = [
  'active',
  'past_due',
  'canceled',
  'ended',
  'upcoming',
  'incomplete',
] as const;

export async function applyClerkEvent(
  db: Database,
  deliveryId: string,
  event: ClerkEvent,
  now = new Date(),
): Promise<ApplyOutcome> {
  return db.transaction(async (tx) => {
    const first = await tx
      .insert(processedWebhooks)
      .values({ id: deliveryId, type: event.type, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: processedWebhooks.id });
    if (first.length === 0) return 'duplicate';
    const at = new Date(event.timestamp);
    switch (event.type) {
      case 'user.created':
      case 'user.updated':
        await upsertUser(tx, userData.parse(event.data), at, now);
        return 'applied';
      case 'user.deleted':
        await deleteUser(tx, deletedData.parse(event.data).id, at, now);
        return 'applied';
      case 'organization.created':
      case 'organization.updated':
        await upsertOrganization(tx, organizationData.parse(event.data), at);
        return 'applied';
      case 'organization.deleted':
        await deleteOrganization(tx, deletedData.parse(event.data).id, at, now);
        return 'applied';
      case 'organizationMembership.created':
      case 'organizationMembership.updated':
        await upsertMembership(tx, membershipData.parse(event.data), at);
        return 'applied';
      case 'organizationMembership.deleted':
        await deleteMembership(tx, membershipData.parse(event.data), now);
        return 'applied';
      default:
        if (event.type.startsWith('subscriptionItem.')) {
          const item = subscriptionItemData.parse(event.data);
          await applySubscriptionItem(tx, item, item.payer, at, now);
          return 'applied';
        }
        if (event.type.startsWith('subscription.')) {
          const subscription = subscriptionData.parse(event.data);
          for (const item of subscription.items) {
            await applySubscriptionItem(tx, item, subscription.payer, at, now);
          }
          return 'applied';
        }
        return 'ignored';
    }
  });
}

async function upsertUser(tx: Transaction, user: z.infer<typeof userData>, at: Date, now: Date) {
  const email =
    user.email_addresses.find((address) => address.id === user.primary_email_address_id)
      ?.email_address ?? null;
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || null;
  const updatedAt = user.updated_at === undefined ? at : new Date(user.updated_at);
  const ssoConnectionIds = user.enterprise_accounts
    .filter((account) => account.active)
    .map((account) => account.enterprise_connection_id ?? account.enterprise_connection?.id)
    .filter((id): id is string => !!id);
  const ended = user.deprovisioned || user.banned;
  const written = await tx
    .insert(users)
    .values({ id: user.id, email, name, ssoConnectionIds, updatedAt })
    .onConflictDoUpdate({
      target: users.id,
      set: {
        email,
        name,
        ssoConnectionIds,
        updatedAt,
        deletedAt: null,
        // Provisioned again at the identity provider: they may sign in again.
        ...(ended ? {} : { deprovisionedAt: null }),
      },
      // An older version of the user arriving late changes nothing.
      setWhere: lt(users.updatedAt, updatedAt),
    })
    .returning({ id: users.id });
  if (written.length === 0) return;
  if (ended) await deprovisionUser(tx, user.id, now);
  else await provisionUser(tx, user.id, ssoConnectionIds, now);
}

async function deleteUser(tx: Transaction, userId: string, at: Date, now: Date) {
  await tx
    .insert(users)
    .values({ id: userId, deletedAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: users.id, set: { deletedAt: at, email: null, name: null } });
  // A deleted account's devices fall back at their next check-in.
  const ended = await tx
    .update(activations)
    .set({ deactivatedAt: now })
    .where(and(eq(activations.userId, userId), isNull(activations.deactivatedAt)))
    .returning({ id: activations.id });
  await audit(tx, now, 'user.deleted', 'user', userId, { deactivated: ended.length });
}

async function upsertOrganization(
  tx: Transaction,
  organization: z.infer<typeof organizationData>,
  at: Date,
) {
  const updatedAt = organization.updated_at === undefined ? at : new Date(organization.updated_at);
  await tx
    .insert(organizations)
    .values({
      id: organization.id,
      name: organization.name,
      slug: organization.slug ?? null,
      updatedAt,
    })
    .onConflictDoUpdate({
      target: organizations.id,
      set: {
        name: organization.name,
        slug: organization.slug ?? null,
        updatedAt,
        deletedAt: null,
      },
      setWhere: lt(organizations.updatedAt, updatedAt),
    });
}

async function deleteOrganization(tx: Transaction, organizationId: string, at: Date, now: Date) {
  await tx
    .insert(organizations)
    .values({ id: organizationId, name: '(deleted)', deletedAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: organizations.id, set: { deletedAt: at } });
  await tx
    .update(licenses)
    .set({ status: 'revoked', updatedAt: now })
    .where(and(eq(licenses.ownerType, 'organization'), eq(licenses.ownerId, organizationId)));
  await audit(tx, now, 'organization.deleted', 'organization', organizationId, {});
}

async function upsertMembership(
  tx: Transaction,
  membership: z.infer<typeof membershipData>,
  at: Date,
) {
  const userId = membership.public_user_data.user_id;
  const organizationId = membership.organization.id;
  await tx.insert(users).values({ id: userId }).onConflictDoNothing();
  await tx
    .insert(organizations)
    .values({ id: organizationId, name: membership.organization.name })
    .onConflictDoNothing();
  await tx
    .insert(memberships)
    .values({
      organizationId,
      userId,
      role: membership.role,
      permissions: membership.permissions,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: [memberships.organizationId, memberships.userId],
      set: { role: membership.role, permissions: membership.permissions, updatedAt: at },
      setWhere: lt(memberships.updatedAt, at),
    });
}

async function deleteMembership(
  tx: Transaction,
  membership: z.infer<typeof membershipData>,
  now: Date,
) {
  const userId = membership.public_user_data.user_id;
  const organizationId = membership.organization.id;
  await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  // Their seat goes back, and their devices on the organization's license are signed out.
  const { deactivated } = await removeSeat(tx, organizationId, userId, now);
  await audit(tx, now, 'membership.deleted', 'user', userId, { organizationId, deactivated });
}

async function applySubscriptionItem(
  tx: Transaction,
  item: Omit<z.infer<typeof subscriptionItemData>, 'payer'>,
  payer: z.infer<typeof subscriptionItemData>['payer'],
  at: Date,
  now: Date,
) {
  const owner = payer?.organization_id
    ? { type: 'organization' as const, id: payer.organization_id }
    : payer?.user_id
      ? { type: 'user' as const, id: payer.user_id }
      : undefined;
  const plan = PLANS.find((known) => known === item.plan?.slug);
  // A plan this site does not sell (or an item without a payer) is not ours to act on.
  if (!owner || !plan) return;
  const status =
    SUBSCRIPTION_STATUSES.find((known) => known === item.status) ??
    (item.status === 'pastDue' ? 'past_due' : 'ended');
  const seats = Math.max(PLAN_ENTITLEMENTS[plan].includedSeats, item.seats?.quantity ?? 1);
  const periodEnd = item.period_end ? new Date(item.period_end) : null;
  const written = await tx
    .insert(subscriptions)
    .values({
      id: item.id,
      ownerType: owner.type,
      ownerId: owner.id,
      plan,
      status,
      seats,
      periodEnd,
      eventAt: at,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: subscriptions.id,
      set: { plan, status, seats, periodEnd, eventAt: at, updatedAt: now },
      // Out of order: an event older than the one applied changes nothing.
      setWhere: or(lt(subscriptions.eventAt, at), eq(subscriptions.eventAt, at)),
    })
    .returning({ id: subscriptions.id });
  if (written.length === 0) return;
  await updateLicense(tx, owner, now);
}

/** The owner's license follows their best entitling subscription, or falls back to Free. */
async function updateLicense(
  tx: Transaction,
  owner: { type: 'user' | 'organization'; id: string },
  now: Date,
) {
  const rows = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.ownerType, owner.type), eq(subscriptions.ownerId, owner.id)));
  const entitling = rows.filter((row) => ENTITLING.has(row.status));
  const best = entitling.sort((a, b) => PLANS.indexOf(b.plan) - PLANS.indexOf(a.plan))[0];
  const plan: Plan = best?.plan ?? 'free';
  const seats = best?.seats ?? PLAN_ENTITLEMENTS.free.includedSeats;
  if (owner.type === 'user') await tx.insert(users).values({ id: owner.id }).onConflictDoNothing();
  const [before] = await tx
    .select({ plan: licenses.plan })
    .from(licenses)
    .where(and(eq(licenses.ownerType, owner.type), eq(licenses.ownerId, owner.id)));
  await tx
    .insert(licenses)
    .values({
      id: newId('lic'),
      ownerType: owner.type,
      ownerId: owner.id,
      plan,
      seats,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [licenses.ownerType, licenses.ownerId],
      set: { plan, seats, updatedAt: now },
    });
  if (before?.plan !== plan) {
    await audit(tx, now, 'license.plan_changed', owner.type, owner.id, {
      from: before?.plan ?? null,
      to: plan,
    });
  }
}

async function audit(
  tx: Transaction,
  at: Date,
  action: string,
  targetType: string,
  targetId: string,
  metadata: Record<string, unknown>,
) {
  await tx.insert(auditEvents).values({
    at,
    actorType: 'webhook',
    actorId: 'clerk',
    action,
    targetType,
    targetId,
    organizationId: targetType === 'organization' ? targetId : null,
    metadata,
  });
}
