import { authorizeAction } from '@flowdesk/shared/enterprise';
import type { Action, OrgSession, Resource } from '@flowdesk/shared/enterprise';
import type { Database } from '../db/client';
import { auditEvents, organizations } from '../db/schema';
import { apiError } from '../http/api-error';

/**
 * The one gate of the enterprise admin functions (issue 10): the session's organization claims
 * against shared `authorizeAction`. A refusal is a 403 and is itself audited, so an
 * organization's administrators see who tried what.
 */

export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Queryable = Database | Transaction;

const WHAT: Record<Resource, string> = {
  organization: 'this organization',
  members: 'its members',
  seats: 'its seats',
  policies: 'its policies',
  sso: 'its single sign-on',
  audit: 'its audit log',
  reports: 'its reports',
};

/** The organization the session may act on for `resource:action`, or a 403 (audited). */
export async function requireRight<R extends Resource>(
  db: Queryable,
  session: OrgSession,
  resource: R,
  action: Action<R>,
): Promise<string> {
  if (session.orgId && authorizeAction(session, resource, action)) return session.orgId;
  await db.insert(auditEvents).values({
    actorType: 'user',
    actorId: session.userId,
    action: 'admin.forbidden',
    targetType: resource,
    organizationId: session.orgId ?? null,
    metadata: { wanted: `${resource}:${action}`, role: session.orgRole ?? null },
  });
  throw apiError(
    403,
    'ADMIN_FORBIDDEN',
    session.orgId
      ? `Your role in this organization cannot ${action === 'read' ? 'see' : action} ${WHAT[resource]}. Ask an administrator.`
      : 'Choose an organization in the account menu first: this page is about an organization.',
  );
}

/**
 * Makes sure the organization has its row before something refers to it: Clerk's webhook may
 * not have arrived yet. The placeholder is dated at the epoch, so the webhook's name wins.
 */
export async function ensureOrganizationRow(db: Queryable, organizationId: string): Promise<void> {
  await db
    .insert(organizations)
    .values({ id: organizationId, name: organizationId, updatedAt: new Date(0) })
    .onConflictDoNothing();
}

/** An admin action, recorded for the organization's audit log. */
export async function recordAdminEvent(
  db: Queryable,
  event: {
    at: Date;
    actorId: string;
    action: string;
    organizationId: string;
    targetType: string;
    targetId?: string;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    at: event.at,
    actorType: 'user',
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    organizationId: event.organizationId,
    metadata: event.metadata ?? {},
  });
}
