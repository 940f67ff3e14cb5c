import { and, asc, count, eq, inArray, isNull, max } from 'drizzle-orm';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { Database } from '../db/client';
import {
  activations,
  licenses,
  memberships,
  organizationSettings,
  seats,
  users,
} from '../db/schema';
import { apiError } from '../http/api-error';
import { ensureOrganizationRow, recordAdminEvent, requireRight } from './access';
import type { Queryable, Transaction } from './access';

/**
 * Seats of an organization's license (issue 10). A member uses the license on their devices only
 * while they hold a seat. Administrators (or members allowed to manage licenses) assign and
 * release seats; with automatic assignment a member's first device, or directory provisioning,
 * takes a free one. The license row is locked while seats are counted, so concurrent requests
 * never hand out more seats than the plan has.
 */

export type SeatAssignment = 'automatic' | 'manual';

export interface SeatOverview {
  plan: string | null;
  seats: number;
  assignment: SeatAssignment;
  members: {
    userId: string;
    name: string | null;
    email: string | null;
    role: string;
    seat: { assignedBy: string; assignedAt: Date } | null;
    devices: number;
    lastCheckInAt: Date | null;
  }[];
}

export async function seatAssignmentOf(
  db: Queryable,
  organizationId: string,
): Promise<SeatAssignment> {
  const [settings] = await db
    .select({ seatAssignment: organizationSettings.seatAssignment })
    .from(organizationSettings)
    .where(eq(organizationSettings.organizationId, organizationId));
  return settings?.seatAssignment ?? 'automatic';
}

/** The organization's active license (Team or Enterprise), if it has one. */
export async function activeOrganizationLicense(db: Queryable, organizationId: string) {
  const [license] = await db.select().from(licenses).where(activeLicenseOf(organizationId));
  return license;
}

const activeLicenseOf = (organizationId: string) =>
  and(
    eq(licenses.ownerType, 'organization'),
    eq(licenses.ownerId, organizationId),
    eq(licenses.status, 'active'),
  );

/** The same, locked for the rest of the transaction: seats are counted under this lock. */
export async function lockOrganizationLicense(tx: Transaction, organizationId: string) {
  const [license] = await tx
    .select()
    .from(licenses)
    .where(activeLicenseOf(organizationId))
    .for('update');
  return license;
}

export async function holdsSeat(
  db: Queryable,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const [held] = await db
    .select({ userId: seats.userId })
    .from(seats)
    .where(and(eq(seats.organizationId, organizationId), eq(seats.userId, userId)));
  return held !== undefined;
}

async function seatsInUse(tx: Transaction, organizationId: string): Promise<number> {
  const [used] = await tx
    .select({ seats: count() })
    .from(seats)
    .where(eq(seats.organizationId, organizationId));
  return used?.seats ?? 0;
}

function seatLimitReached(total: number) {
  return apiError(
    409,
    'SEAT_LIMIT_REACHED',
    `All ${total} seat${total === 1 ? '' : 's'} of this organization's license are assigned. Release a seat or add seats to the plan, then try again.`,
  );
}

/**
 * Gives `userId` a seat if a free one exists; the caller holds the license lock. Returns whether
 * the user now holds one (true if they already did).
 */
export async function takeFreeSeat(
  tx: Transaction,
  license: { ownerId: string; seats: number },
  userId: string,
  assignedBy: string,
  now: Date,
): Promise<boolean> {
  if (await holdsSeat(tx, license.ownerId, userId)) return true;
  if ((await seatsInUse(tx, license.ownerId)) >= license.seats) return false;
  await tx
    .insert(seats)
    .values({ organizationId: license.ownerId, userId, assignedBy, assignedAt: now });
  return true;
}

/**
 * A member's device activating against the organization's license: they need a seat, taken
 * automatically when the organization allows it. The caller holds the license lock.
 */
export async function requireSeatForActivation(
  tx: Transaction,
  license: { ownerId: string; seats: number },
  userId: string,
  now: Date,
): Promise<void> {
  if (await holdsSeat(tx, license.ownerId, userId)) return;
  if ((await seatAssignmentOf(tx, license.ownerId)) === 'manual') {
    throw apiError(
      403,
      'SEAT_NOT_ASSIGNED',
      'Your organization assigns seats itself, and you do not have one yet. Ask an administrator for a seat, then sign in again.',
    );
  }
  if (!(await takeFreeSeat(tx, license, userId, 'automatic', now))) {
    throw apiError(
      409,
      'SEAT_LIMIT_REACHED',
      `All ${license.seats} seats of your organization's license are in use. Ask your administrator for a seat.`,
    );
  }
}

/** The seats and who holds them, for those who manage licenses. */
export async function seatOverview(db: Database, session: OrgSession): Promise<SeatOverview> {
  return overviewOf(db, await requireRight(db, session, 'seats', 'read'));
}

/** The same view of the members, for administrators (the members page). */
export async function memberOverview(db: Database, session: OrgSession): Promise<SeatOverview> {
  return overviewOf(db, await requireRight(db, session, 'members', 'read'));
}

async function overviewOf(db: Database, organizationId: string): Promise<SeatOverview> {
  const license = await activeOrganizationLicense(db, organizationId);
  const rows = await db
    .select({
      userId: memberships.userId,
      role: memberships.role,
      name: users.name,
      email: users.email,
      assignedBy: seats.assignedBy,
      assignedAt: seats.assignedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      seats,
      and(
        eq(seats.organizationId, memberships.organizationId),
        eq(seats.userId, memberships.userId),
      ),
    )
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.email), asc(memberships.userId));
  const devices = license
    ? await db
        .select({
          userId: activations.userId,
          devices: count(),
          lastCheckInAt: max(activations.lastCheckInAt),
        })
        .from(activations)
        .where(and(eq(activations.licenseId, license.id), isNull(activations.deactivatedAt)))
        .groupBy(activations.userId)
    : [];
  const devicesOf = new Map(devices.map((row) => [row.userId, row]));
  return {
    plan: license?.plan ?? null,
    seats: license?.seats ?? 0,
    assignment: await seatAssignmentOf(db, organizationId),
    members: rows.map((row) => ({
      userId: row.userId,
      name: row.name,
      email: row.email,
      role: row.role,
      seat:
        row.assignedBy && row.assignedAt
          ? { assignedBy: row.assignedBy, assignedAt: row.assignedAt }
          : null,
      devices: devicesOf.get(row.userId)?.devices ?? 0,
      lastCheckInAt: devicesOf.get(row.userId)?.lastCheckInAt ?? null,
    })),
  };
}

/** An administrator gives a member a seat; refused when every seat is taken. */
export async function assignSeat(
  db: Database,
  session: OrgSession,
  userId: string,
  now = new Date(),
): Promise<void> {
  const organizationId = await requireRight(db, session, 'seats', 'assign');
  await db.transaction(async (tx) => {
    const license = await lockOrganizationLicense(tx, organizationId);
    if (!license) {
      throw apiError(
        409,
        'NO_ORGANIZATION_LICENSE',
        'This organization has no Team or Enterprise plan yet. Choose one on the pricing page.',
      );
    }
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    if (!member) {
      throw apiError(404, 'MEMBER_NOT_FOUND', 'This person is not a member of the organization.');
    }
    if (!(await takeFreeSeat(tx, license, userId, session.userId, now))) {
      throw seatLimitReached(license.seats);
    }
    await recordAdminEvent(tx, {
      at: now,
      actorId: session.userId,
      action: 'seat.assigned',
      organizationId,
      targetType: 'user',
      targetId: userId,
    });
  });
}

/**
 * Takes a member's seat back: their devices on the organization's license are signed out at
 * once (each falls back at its next refresh). Also used when someone leaves or is deprovisioned.
 */
export async function removeSeat(
  tx: Transaction,
  organizationId: string,
  userId: string,
  now: Date,
): Promise<{ released: boolean; deactivated: number }> {
  const released = await tx
    .delete(seats)
    .where(and(eq(seats.organizationId, organizationId), eq(seats.userId, userId)))
    .returning({ userId: seats.userId });
  const organizationLicenses = tx
    .select({ id: licenses.id })
    .from(licenses)
    .where(and(eq(licenses.ownerType, 'organization'), eq(licenses.ownerId, organizationId)));
  const ended = await tx
    .update(activations)
    .set({ deactivatedAt: now })
    .where(
      and(
        eq(activations.userId, userId),
        isNull(activations.deactivatedAt),
        inArray(activations.licenseId, organizationLicenses),
      ),
    )
    .returning({ id: activations.id });
  return { released: released.length > 0, deactivated: ended.length };
}

export async function releaseSeat(
  db: Database,
  session: OrgSession,
  userId: string,
  now = new Date(),
): Promise<{ deactivated: number }> {
  const organizationId = await requireRight(db, session, 'seats', 'release');
  return db.transaction(async (tx) => {
    await lockOrganizationLicense(tx, organizationId);
    const outcome = await removeSeat(tx, organizationId, userId, now);
    if (!outcome.released) {
      throw apiError(404, 'SEAT_NOT_FOUND', 'This member does not hold a seat.');
    }
    await recordAdminEvent(tx, {
      at: now,
      actorId: session.userId,
      action: 'seat.released',
      organizationId,
      targetType: 'user',
      targetId: userId,
      metadata: { deactivated: outcome.deactivated },
    });
    return { deactivated: outcome.deactivated };
  });
}

export async function setSeatAssignment(
  db: Database,
  session: OrgSession,
  assignment: SeatAssignment,
  now = new Date(),
): Promise<void> {
  const organizationId = await requireRight(db, session, 'seats', 'assign');
  await db.transaction(async (tx) => {
    await ensureOrganizationRow(tx, organizationId);
    await tx
      .insert(organizationSettings)
      .values({
        organizationId,
        seatAssignment: assignment,
        updatedBy: session.userId,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: organizationSettings.organizationId,
        set: { seatAssignment: assignment, updatedBy: session.userId, updatedAt: now },
      });
    await recordAdminEvent(tx, {
      at: now,
      actorId: session.userId,
      action: 'seats.assignment_changed',
      organizationId,
      targetType: 'organization',
      targetId: organizationId,
      metadata: { assignment },
    });
  });
}
