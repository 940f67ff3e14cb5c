import { and, asc, eq } from 'drizzle-orm';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import type { LicenseSigningKey } from '@flowdesk/shared/licensing';
import { policySchema, signPolicyBundle, validatePolicy } from '@flowdesk/shared/policy';
import type { Policy, PolicyBundle } from '@flowdesk/shared/policy';
import type { Database } from '../db/client';
import { auditEvents, policies } from '../db/schema';
import { apiError } from '../http/api-error';
import { ensureOrganizationRow, requireRight } from './access';

/**
 * An organization's policies on the website (issue 10): authored by those allowed to manage
 * them, checked by the shared schema and for contradictions, versioned, audited, and signed into
 * the bundle the apps receive. Route handlers call these with the session's organization claims.
 */

const requirePolicyRight = (db: Database, session: OrgSession, action: 'read' | 'manage') =>
  requireRight(db, session, 'policies', action);

const rowToPolicy = (row: typeof policies.$inferSelect): Policy =>
  policySchema.parse({
    id: row.policyId,
    name: row.name,
    type: row.type,
    enforcement: row.enforcement,
    version: row.version,
    rules: row.rules,
  });

/** An organization's policies, for the server's own use (bundles, compliance). */
export async function organizationPolicies(
  db: Database,
  organizationId: string,
): Promise<Policy[]> {
  const rows = await db
    .select()
    .from(policies)
    .where(eq(policies.organizationId, organizationId))
    .orderBy(asc(policies.policyId));
  return rows.map(rowToPolicy);
}

export async function listPolicies(db: Database, session: OrgSession): Promise<Policy[]> {
  return organizationPolicies(db, await requirePolicyRight(db, session, 'read'));
}

/**
 * Saves a policy (new or changed): the version is the server's (one more than before), never
 * the caller's. Contradictory rules are refused with the conflict named.
 */
export async function savePolicy(
  db: Database,
  session: OrgSession,
  input: unknown,
  now = new Date(),
): Promise<Policy> {
  const organizationId = await requirePolicyRight(db, session, 'manage');
  const parsed = policySchema.safeParse({ ...(input as object), version: 1 });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw apiError(400, 'POLICY_INVALID', issue?.message ?? 'The policy is not valid.', {
      field: issue?.path.join('.') ?? '',
    });
  }
  const checked = validatePolicy(parsed.data);
  if (!checked.ok) {
    throw apiError(400, checked.error.code, checked.error.message, checked.error.details);
  }
  return db.transaction(async (tx) => {
    await ensureOrganizationRow(tx, organizationId);
    const [existing] = await tx
      .select({ version: policies.version })
      .from(policies)
      .where(
        and(eq(policies.organizationId, organizationId), eq(policies.policyId, parsed.data.id)),
      )
      .for('update');
    const policy: Policy = { ...parsed.data, version: (existing?.version ?? 0) + 1 };
    const values = {
      name: policy.name,
      type: policy.type,
      enforcement: policy.enforcement,
      version: policy.version,
      rules: policy.rules,
      updatedBy: session.userId,
      updatedAt: now,
    };
    await tx
      .insert(policies)
      .values({ organizationId, policyId: policy.id, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [policies.organizationId, policies.policyId], set: values });
    await tx.insert(auditEvents).values({
      at: now,
      actorType: 'user',
      actorId: session.userId,
      action: existing ? 'policy.updated' : 'policy.created',
      targetType: 'policy',
      targetId: policy.id,
      organizationId,
      metadata: {
        version: policy.version,
        enforcement: policy.enforcement,
        rules: policy.rules.length,
      },
    });
    return policy;
  });
}

export async function deletePolicy(
  db: Database,
  session: OrgSession,
  policyId: string,
  now = new Date(),
): Promise<boolean> {
  const organizationId = await requirePolicyRight(db, session, 'manage');
  const removed = await db
    .delete(policies)
    .where(and(eq(policies.organizationId, organizationId), eq(policies.policyId, policyId)))
    .returning({ policyId: policies.policyId });
  if (removed.length === 0) return false;
  await db.insert(auditEvents).values({
    at: now,
    actorType: 'user',
    actorId: session.userId,
    action: 'policy.deleted',
    targetType: 'policy',
    targetId: policyId,
    organizationId,
  });
  return true;
}

/**
 * The signed bundle of an organization's policies, for its members' apps: issued now, so each
 * delivery is newer than the last and an older one replayed later is refused by the app.
 */
export async function signedPolicyBundle(
  db: Database,
  organizationId: string,
  options: { key: LicenseSigningKey; issuer: string; now?: Date },
): Promise<{ token: string; bundle: PolicyBundle }> {
  const bundle: PolicyBundle = {
    organizationId,
    issuedAt: Math.floor((options.now ?? new Date()).getTime() / 1000),
    policies: await organizationPolicies(db, organizationId),
  };
  return { token: await signPolicyBundle(bundle, options), bundle };
}
