import { and, desc, eq, isNull } from 'drizzle-orm';
import { PLAN_ENTITLEMENTS } from '@flowdesk/shared/licensing';
import type { Plan } from '@flowdesk/shared/licensing';
import type { Database } from '../db/client';
import { licenses, memberships, organizations, subscriptions } from '../db/schema';
import { devicesOf } from '../license/activations';

/**
 * What the dashboard shows a signed-in user: the license their devices use (their
 * organization's, else their own; a Free one is made with their first device), its plan and
 * seats, the subscription behind it, and the devices on their account.
 */

export interface AccountOverview {
  license: {
    plan: Plan;
    seats: number;
    status: 'active' | 'revoked';
    owner: { type: 'user' } | { type: 'organization'; name: string };
    /** When the paid period ends (the subscription renews or lapses then). */
    periodEnd: Date | null;
    subscriptionStatus: string | null;
  };
  devicesPerSeat: number;
  devices: Awaited<ReturnType<typeof devicesOf>>;
}

export async function accountOverview(db: Database, userId: string): Promise<AccountOverview> {
  const [organizationLicense] = await db
    .select({ license: licenses, organizationName: organizations.name })
    .from(licenses)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, licenses.ownerId), eq(memberships.userId, userId)),
    )
    .innerJoin(organizations, eq(organizations.id, licenses.ownerId))
    .where(
      and(
        eq(licenses.ownerType, 'organization'),
        eq(licenses.status, 'active'),
        isNull(organizations.deletedAt),
      ),
    )
    .orderBy(licenses.createdAt)
    .limit(1);
  const [ownLicense] = organizationLicense
    ? []
    : await db
        .select()
        .from(licenses)
        .where(and(eq(licenses.ownerType, 'user'), eq(licenses.ownerId, userId)));
  const license = organizationLicense?.license ?? ownLicense;
  const [subscription] = license
    ? await db
        .select({ status: subscriptions.status, periodEnd: subscriptions.periodEnd })
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.ownerType, license.ownerType),
            eq(subscriptions.ownerId, license.ownerId),
          ),
        )
        .orderBy(desc(subscriptions.eventAt))
        .limit(1)
    : [];
  const plan = license?.plan ?? 'free';
  return {
    license: {
      plan,
      seats: license?.seats ?? PLAN_ENTITLEMENTS.free.includedSeats,
      status: license?.status ?? 'active',
      owner: organizationLicense
        ? { type: 'organization', name: organizationLicense.organizationName }
        : { type: 'user' },
      periodEnd: subscription?.periodEnd ?? null,
      subscriptionStatus: subscription?.status ?? null,
    },
    devicesPerSeat: PLAN_ENTITLEMENTS[plan].devicesPerSeat,
    devices: await devicesOf(db, userId),
  };
}
