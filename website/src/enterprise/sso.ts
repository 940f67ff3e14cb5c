import { eq } from 'drizzle-orm';
import { checkSsoConfig } from '@flowdesk/shared/enterprise';
import type { OrgSession, SsoConfig } from '@flowdesk/shared/enterprise';
import type { Database } from '../db/client';
import { organizations, ssoConnections, users } from '../db/schema';
import { apiError } from '../http/api-error';
import { ensureOrganizationRow, recordAdminEvent, requireRight } from './access';
import type { Queryable } from './access';

/**
 * An organization's single sign-on (issue 10, the seed's `configureSSOProvider`): SAML or OIDC
 * through a Clerk enterprise connection for the organization's email domain. We record the
 * connection (never its secrets: those go to Clerk only) and whether the organization requires
 * it; when it does, its members' devices get licenses only while their account is signed in
 * through that connection.
 */

/** Clerk's enterprise connections, behind a port: the Backend API in production. */
export interface EnterpriseConnections {
  /** Creates or updates the connection; answers Clerk's id for it. */
  save(connection: {
    existingId: string | null;
    organizationId: string;
    name: string;
    config: SsoConfig;
  }): Promise<{ id: string }>;
}

export type SsoConnection = typeof ssoConnections.$inferSelect;

export async function ssoConnectionOf(
  db: Database,
  session: OrgSession,
): Promise<SsoConnection | null> {
  const organizationId = await requireRight(db, session, 'sso', 'read');
  const [connection] = await db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId));
  return connection ?? null;
}

export async function configureSsoProvider(
  db: Database,
  session: OrgSession,
  input: unknown,
  clerk: EnterpriseConnections | undefined,
  now = new Date(),
): Promise<SsoConnection> {
  const organizationId = await requireRight(db, session, 'sso', 'manage');
  const checked = checkSsoConfig(input);
  if (!checked.ok) {
    throw apiError(400, checked.error.code, checked.error.message, checked.error.details);
  }
  const config = checked.value;
  const [taken] = await db
    .select({ organizationId: ssoConnections.organizationId })
    .from(ssoConnections)
    .where(eq(ssoConnections.domain, config.domain));
  if (taken && taken.organizationId !== organizationId) {
    throw apiError(
      409,
      'SSO_DOMAIN_TAKEN',
      `${config.domain} already signs in to another organization. Contact support if it is yours.`,
    );
  }
  const [existing] = await db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId));
  if (config.required && !clerk) {
    throw apiError(
      409,
      'SSO_NOT_LINKED',
      'Single sign-on can be required only once Clerk holds the connection. Set CLERK_SECRET_KEY on the website, save the connection, then require it.',
    );
  }
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  let clerkConnectionId = existing?.clerkConnectionId ?? null;
  if (clerk) {
    try {
      clerkConnectionId = (
        await clerk.save({
          existingId: clerkConnectionId,
          organizationId,
          name: `${organization?.name ?? organizationId} (${config.provider.toUpperCase()})`,
          config,
        })
      ).id;
    } catch (error) {
      throw apiError(
        502,
        'SSO_PROVIDER_REJECTED',
        `Clerk did not accept the connection: ${error instanceof Error ? error.message : 'no answer'}. Nothing was changed.`,
      );
    }
  }
  const values = {
    provider: config.provider as 'saml' | 'oidc',
    domain: config.domain,
    endpoint: config.endpoint,
    required: config.required,
    clerkConnectionId,
    updatedBy: session.userId,
    updatedAt: now,
  };
  return db.transaction(async (tx) => {
    await ensureOrganizationRow(tx, organizationId);
    const [saved] = await tx
      .insert(ssoConnections)
      .values({ organizationId, ...values, createdAt: now })
      .onConflictDoUpdate({ target: ssoConnections.organizationId, set: values })
      .returning();
    await recordAdminEvent(tx, {
      at: now,
      actorId: session.userId,
      action: existing ? 'sso.updated' : 'sso.configured',
      organizationId,
      targetType: 'sso',
      targetId: config.domain,
      // What changed, never the secrets.
      metadata: {
        provider: config.provider,
        required: config.required,
        linked: !!clerkConnectionId,
      },
    });
    return saved!;
  });
}

export async function removeSsoProvider(
  db: Database,
  session: OrgSession,
  now = new Date(),
): Promise<boolean> {
  const organizationId = await requireRight(db, session, 'sso', 'manage');
  const removed = await db
    .delete(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId))
    .returning({ domain: ssoConnections.domain });
  if (removed.length === 0) return false;
  await recordAdminEvent(db, {
    at: now,
    actorId: session.userId,
    action: 'sso.removed',
    organizationId,
    targetType: 'sso',
    targetId: removed[0]!.domain,
  });
  return true;
}

/**
 * When the organization requires SSO, a member's device is licensed only while their account has
 * an active enterprise account on the organization's connection (kept current by Clerk's user
 * webhooks): a password sign-in, or an account unlinked at the identity provider, is refused.
 */
export async function requireSsoSession(
  db: Queryable,
  organizationId: string,
  userId: string,
): Promise<void> {
  const [connection] = await db
    .select({
      required: ssoConnections.required,
      clerkConnectionId: ssoConnections.clerkConnectionId,
      domain: ssoConnections.domain,
    })
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId));
  if (!connection?.required) return;
  const [user] = await db
    .select({ ssoConnectionIds: users.ssoConnectionIds })
    .from(users)
    .where(eq(users.id, userId));
  if (
    connection.clerkConnectionId &&
    user?.ssoConnectionIds.includes(connection.clerkConnectionId)
  ) {
    return;
  }
  throw apiError(
    403,
    'SSO_REQUIRED',
    `Your organization requires signing in with its single sign-on (${connection.domain}). Sign out of the app, then sign in again through your company's sign-in page.`,
  );
}
