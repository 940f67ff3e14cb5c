import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { Database } from '../db/client';
import { activations, auditEvents, memberships, seats, ssoConnections, users } from '../db/schema';
import { recordAdminEvent, requireRight } from './access';
import type { Transaction } from './access';
import {
  holdsSeat,
  lockOrganizationLicense,
  removeSeat,
  seatAssignmentOf,
  takeFreeSeat,
} from './seats';

/**
 * Provisioning (issue 10): Clerk Directory Sync (SCIM) creates, updates and deprovisions users at
 * the identity provider's word, and those changes reach us as `user.*` webhooks. A user whose
 * account is on an organization's SSO connection is provisioned into it (a membership, and a
 * seat when the organization assigns them automatically); a deprovisioned user loses every
 * device at once. `syncUserDirectory` reconciles our rows with Clerk's when webhooks were missed.
 */

export interface ProvisionOutcome {
  organizationId: string;
  seat: 'held' | 'assigned' | 'none-free' | 'manual';
}

/**
 * Called in the webhook's transaction after the user row is current: joins the user to each
 * organization whose SSO connection they belong to.
 */
export async function provisionUser(
  tx: Transaction,
  userId: string,
  ssoConnectionIds: readonly string[],
  now: Date,
): Promise<ProvisionOutcome[]> {
  if (ssoConnectionIds.length === 0) return [];
  const connections = await tx
    .select({ organizationId: ssoConnections.organizationId })
    .from(ssoConnections)
    .where(inArray(ssoConnections.clerkConnectionId, [...ssoConnectionIds]));
  const outcomes: ProvisionOutcome[] = [];
  for (const { organizationId } of connections) {
    // Dated at the epoch: Clerk's own membership event (with the real role) always wins.
    await tx
      .insert(memberships)
      .values({
        organizationId,
        userId,
        role: 'org:member',
        permissions: [],
        updatedAt: new Date(0),
      })
      .onConflictDoNothing();
    const license = await lockOrganizationLicense(tx, organizationId);
    let seat: ProvisionOutcome['seat'] = 'manual';
    if (license && (await seatAssignmentOf(tx, organizationId)) === 'automatic') {
      seat = (await holdsSeat(tx, organizationId, userId))
        ? 'held'
        : (await takeFreeSeat(tx, license, userId, 'directory', now))
          ? 'assigned'
          : 'none-free';
    }
    outcomes.push({ organizationId, seat });
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'webhook',
      actorId: 'directory',
      action: seat === 'none-free' ? 'seat.overage' : 'user.provisioned',
      targetType: 'user',
      targetId: userId,
      organizationId,
      metadata: { seat },
    });
  }
  return outcomes;
}

/**
 * The identity provider ended this account: every activation is revoked at once, whatever its
 * license, and every seat given back. The devices fall back at their next refresh.
 */
export async function deprovisionUser(
  tx: Transaction,
  userId: string,
  now: Date,
): Promise<{ deactivated: number }> {
  await tx
    .update(users)
    .set({ deprovisionedAt: now })
    .where(and(eq(users.id, userId), isNull(users.deprovisionedAt)));
  const held = await tx
    .select({ organizationId: seats.organizationId })
    .from(seats)
    .where(eq(seats.userId, userId));
  for (const { organizationId } of held) await removeSeat(tx, organizationId, userId, now);
  const ended = await tx
    .update(activations)
    .set({ deactivatedAt: now })
    .where(and(eq(activations.userId, userId), isNull(activations.deactivatedAt)))
    .returning({ id: activations.id });
  const organizationsOf = await tx
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { organizationId } of organizationsOf) {
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'webhook',
      actorId: 'directory',
      action: 'user.deprovisioned',
      targetType: 'user',
      targetId: userId,
      organizationId,
      metadata: { deactivated: ended.length },
    });
  }
  return { deactivated: ended.length };
}

/** A member as Clerk knows them. */
export interface DirectoryMember {
  userId: string;
  role: string;
  permissions: string[];
  email: string | null;
  name: string | null;
}

/** Clerk's organization memberships, behind a port: the Backend API in production. */
export interface OrganizationDirectory {
  members(organizationId: string): Promise<DirectoryMember[]>;
}

export interface SyncResult {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/**
 * Makes our members of the session's organization match Clerk's: adds who is missing, updates
 * roles, and removes who left (their seat released and their devices on the organization's
 * license signed out).
 */
export async function syncUserDirectory(
  db: Database,
  session: OrgSession,
  directory: OrganizationDirectory,
  now = new Date(),
): Promise<SyncResult> {
  const organizationId = await requireRight(db, session, 'members', 'manage');
  const wanted = await directory.members(organizationId);
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, organizationId));
    const currentById = new Map(current.map((row) => [row.userId, row]));
    const result: SyncResult = { added: 0, updated: 0, removed: 0, unchanged: 0 };
    for (const member of wanted) {
      const existing = currentById.get(member.userId);
      currentById.delete(member.userId);
      await tx
        .insert(users)
        .values({ id: member.userId, email: member.email, name: member.name, updatedAt: now })
        .onConflictDoNothing();
      if (!existing) {
        await tx.insert(memberships).values({
          organizationId,
          userId: member.userId,
          role: member.role,
          permissions: member.permissions,
          updatedAt: now,
        });
        result.added += 1;
      } else if (
        existing.role !== member.role ||
        [...existing.permissions].sort().join() !== [...member.permissions].sort().join()
      ) {
        await tx
          .update(memberships)
          .set({ role: member.role, permissions: member.permissions, updatedAt: now })
          .where(
            and(
              eq(memberships.organizationId, organizationId),
              eq(memberships.userId, member.userId),
            ),
          );
        result.updated += 1;
      } else {
        result.unchanged += 1;
      }
    }
    for (const gone of currentById.values()) {
      await tx
        .delete(memberships)
        .where(
          and(eq(memberships.organizationId, organizationId), eq(memberships.userId, gone.userId)),
        );
      await removeSeat(tx, organizationId, gone.userId, now);
      result.removed += 1;
    }
    await recordAdminEvent(tx, {
      at: now,
      actorId: session.userId,
      action: 'directory.synced',
      organizationId,
      targetType: 'organization',
      targetId: organizationId,
      metadata: { ...result },
    });
    return result;
  });
}
