'use server';

import { revalidatePath } from 'next/cache';
import { syncUserDirectory } from '../../../../src/enterprise/directory';
import { deletePolicy, savePolicy } from '../../../../src/enterprise/policies';
import { previewPolicy } from '../../../../src/enterprise/policy-preview';
import type { PolicyPreview } from '../../../../src/enterprise/policy-preview';
import { auditCompliance, exportAuditLogs } from '../../../../src/enterprise/reports';
import type { AuditExport } from '../../../../src/enterprise/reports';
import { assignSeat, releaseSeat, setSeatAssignment } from '../../../../src/enterprise/seats';
import { configureSsoProvider, removeSsoProvider } from '../../../../src/enterprise/sso';
import { runAdmin } from '../../../../src/enterprise/console-session';
import type { AdminResult } from '../../../../src/enterprise/console-session';
import { apiError } from '../../../../src/http/api-error';
import {
  DEFAULT_STALE_AFTER_SECONDS,
  clerkServices,
  database,
} from '../../../../src/server/license-server';

/**
 * The admin console's server actions (issue 10): each runs the same domain function as the
 * admin API, with the signed-in user's organization claims; refusals and bad input come back as
 * results the page shows.
 */

const ADMIN = '/dashboard/admin';

function changed<T>(result: AdminResult<T>, page: string): AdminResult<T> {
  if (result.ok) revalidatePath(`${ADMIN}${page}`);
  return result;
}

export async function previewPolicyAction(input: unknown): Promise<AdminResult<PolicyPreview>> {
  return runAdmin(database, (db, session) => previewPolicy(db, session, input));
}

export async function savePolicyAction(input: unknown): Promise<AdminResult<{ version: number }>> {
  return changed(
    await runAdmin(database, async (db, session) => ({
      version: (await savePolicy(db, session, input)).version,
    })),
    '/policies',
  );
}

export async function deletePolicyAction(policyId: string): Promise<AdminResult<boolean>> {
  return changed(
    await runAdmin(database, (db, session) => deletePolicy(db, session, String(policyId))),
    '/policies',
  );
}

export async function assignSeatAction(userId: string): Promise<AdminResult<undefined>> {
  return changed(
    await runAdmin(database, async (db, session) => {
      await assignSeat(db, session, String(userId));
      return undefined;
    }),
    '/seats',
  );
}

export async function releaseSeatAction(
  userId: string,
): Promise<AdminResult<{ deactivated: number }>> {
  return changed(
    await runAdmin(database, (db, session) => releaseSeat(db, session, String(userId))),
    '/seats',
  );
}

export async function setSeatAssignmentAction(assignment: string): Promise<AdminResult<undefined>> {
  return changed(
    await runAdmin(database, async (db, session) => {
      if (assignment !== 'automatic' && assignment !== 'manual') {
        throw apiError(400, 'INVALID_BODY', 'Choose automatic or manual assignment.');
      }
      await setSeatAssignment(db, session, assignment);
      return undefined;
    }),
    '/seats',
  );
}

export async function syncMembersAction(): Promise<
  AdminResult<{ added: number; updated: number; removed: number; unchanged: number }>
> {
  return changed(
    await runAdmin(database, (db, session) => {
      if (!clerkServices) {
        throw apiError(
          503,
          'CLERK_API_NOT_CONFIGURED',
          "Syncing the member list needs Clerk's Backend API: set CLERK_SECRET_KEY on the website.",
        );
      }
      return syncUserDirectory(db, session, clerkServices.directory);
    }),
    '/members',
  );
}

export async function saveSsoAction(input: unknown): Promise<AdminResult<undefined>> {
  return changed(
    await runAdmin(database, async (db, session) => {
      await configureSsoProvider(db, session, input, clerkServices?.enterpriseConnections);
      return undefined;
    }),
    '/sso',
  );
}

export async function removeSsoAction(): Promise<AdminResult<boolean>> {
  return changed(await runAdmin(database, (db, session) => removeSsoProvider(db, session)), '/sso');
}

export async function exportAuditAction(filters: unknown): Promise<AdminResult<AuditExport>> {
  return runAdmin(database, (db, session) => exportAuditLogs(db, session, filters));
}

export async function auditComplianceAction(): Promise<AdminResult<undefined>> {
  return changed(
    await runAdmin(database, async (db, session) => {
      await auditCompliance(db, session, { defaultStaleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS });
      return undefined;
    }),
    '/reports',
  );
}
