import { z } from 'zod';
import { RESOURCES, authorizeAction } from '@flowdesk/shared/enterprise';
import type { OrgSession } from '@flowdesk/shared/enterprise';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { organizations } from '../db/schema';
import { apiError, errorResponse } from '../http/api-error';
import { readJsonBody } from '../http/json-body';
import { syncUserDirectory } from './directory';
import type { OrganizationDirectory } from './directory';
import { deletePolicy, listPolicies, savePolicy } from './policies';
import { previewPolicy } from './policy-preview';
import {
  auditCompliance,
  auditEventsOf,
  exportAuditLogs,
  generateUsageReport,
  getComplianceStatus,
} from './reports';
import { assignSeat, memberOverview, releaseSeat, seatOverview, setSeatAssignment } from './seats';
import { configureSsoProvider, removeSsoProvider, ssoConnectionOf } from './sso';
import type { EnterpriseConnections } from './sso';

/**
 * The enterprise admin API (`/api/v1/admin/…`, issue 10) as one Fetch handler: the caller's Clerk
 * session (cookie or bearer token) gives the organization claims, and every route goes through
 * the domain functions, each of which checks `authorizeAction` and audits refusals. The admin
 * console's pages call the same functions.
 */

export interface AdminApiContext {
  database: () => Promise<Database>;
  /** The caller's session from the request, or undefined when signed out or not configured. */
  authenticate: (request: Request) => Promise<OrgSession | undefined>;
  /** The site's own origin: changes must come from its pages (or from no browser at all). */
  siteOrigin: string;
  /** Clerk's enterprise connections and organization members (absent without a secret key). */
  enterpriseConnections?: EnterpriseConnections;
  directory?: OrganizationDirectory;
  /** How long a device may go without checking in, absent a policy: check interval + grace. */
  defaultStaleAfterSeconds: number;
  now?: () => Date;
}

const ADMIN_BODY_BYTES = 64 * 1024;
const userIdSchema = z.string().regex(/^user_[A-Za-z0-9]{1,64}$/);
const policyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const assignmentSchema = z.strictObject({ assignment: z.enum(['automatic', 'manual']) });
const anyJson = z.unknown();

type Handler = (
  db: Database,
  session: OrgSession,
  request: Request,
  parameter: string,
) => Promise<Response>;

export function createAdminApi(context: AdminApiContext) {
  const now = () => context.now?.() ?? new Date();
  const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
  const body = (request: Request) => readJsonBody(request, anyJson, ADMIN_BODY_BYTES);
  const parameterOf = <T>(schema: z.ZodType<T>, value: string, what: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw apiError(404, 'NOT_FOUND', `There is no such ${what}.`);
    return parsed.data;
  };
  const needs = (service: unknown, what: string) => {
    if (!service) {
      throw apiError(
        503,
        'CLERK_API_NOT_CONFIGURED',
        `${what} needs Clerk's Backend API: set CLERK_SECRET_KEY on the website.`,
      );
    }
  };

  /** "METHOD path" (with `:param` for the one variable segment) → handler. */
  const routes: Record<string, Handler> = {
    'GET organization': async (db, session) => {
      const organizationId = session.orgId;
      if (!organizationId) {
        throw apiError(403, 'ADMIN_FORBIDDEN', 'Choose an organization in the account menu first.');
      }
      const [organization] = await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, organizationId));
      const rights = Object.entries(RESOURCES).flatMap(([resource, actions]) =>
        actions
          .filter((action) => authorizeAction(session, resource as never, action as never))
          .map((action) => `${resource}:${action}`),
      );
      return json({
        organization: organization ?? { id: organizationId, name: organizationId },
        role: session.orgRole ?? null,
        rights,
      });
    },
    'GET policies': async (db, session) => json({ policies: await listPolicies(db, session) }),
    'PUT policies/:id': async (db, session, request, id) => {
      const input = await body(request);
      const policyId = parameterOf(policyIdSchema, id, 'policy');
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        throw apiError(400, 'INVALID_BODY', 'Send the policy as a JSON object.');
      }
      if ('id' in input && input.id !== policyId) {
        throw apiError(400, 'INVALID_BODY', 'The policy id in the body differs from the address.');
      }
      return json({ policy: await savePolicy(db, session, { ...input, id: policyId }, now()) });
    },
    'DELETE policies/:id': async (db, session, _request, id) => {
      const removed = await deletePolicy(
        db,
        session,
        parameterOf(policyIdSchema, id, 'policy'),
        now(),
      );
      if (!removed) throw apiError(404, 'POLICY_NOT_FOUND', 'There is no such policy.');
      return json({ deleted: true });
    },
    'POST policies/preview': async (db, session, request) =>
      json(await previewPolicy(db, session, await body(request))),
    'GET members': async (db, session) => json(await memberOverview(db, session)),
    'POST members/sync': async (db, session) => {
      needs(context.directory, 'Syncing the member list');
      return json(await syncUserDirectory(db, session, context.directory!, now()));
    },
    'GET seats': async (db, session) => json(await seatOverview(db, session)),
    'PUT seats/assignment': async (db, session, request) => {
      const { assignment } = await readJsonBody(request, assignmentSchema);
      await setSeatAssignment(db, session, assignment, now());
      return json({ assignment });
    },
    'PUT seats/:id': async (db, session, _request, id) => {
      await assignSeat(db, session, parameterOf(userIdSchema, id, 'member'), now());
      return json({ assigned: true });
    },
    'DELETE seats/:id': async (db, session, _request, id) =>
      json(await releaseSeat(db, session, parameterOf(userIdSchema, id, 'member'), now())),
    'GET sso': async (db, session) => json({ connection: await ssoConnectionOf(db, session) }),
    'PUT sso': async (db, session, request) =>
      json({
        connection: await configureSsoProvider(
          db,
          session,
          await body(request),
          context.enterpriseConnections,
          now(),
        ),
      }),
    'DELETE sso': async (db, session) => {
      if (!(await removeSsoProvider(db, session, now()))) {
        throw apiError(404, 'SSO_NOT_CONFIGURED', 'This organization has no single sign-on.');
      }
      return json({ deleted: true });
    },
    'GET audit': async (db, session, request) =>
      json(await auditEventsOf(db, session, { limit: 200, ...query(request) })),
    'GET audit/export': async (db, session, request) => {
      const exported = await exportAuditLogs(db, session, query(request), now());
      return new Response(exported.body, {
        headers: {
          'Content-Type': exported.contentType,
          'Content-Disposition': `attachment; filename="${exported.filename}"`,
          'Cache-Control': 'no-store',
          'X-Flowdesk-Truncated': String(exported.truncated),
        },
      });
    },
    'GET reports/usage': async (db, session, request) => {
      const to = now();
      const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
      return json(
        await generateUsageReport(db, session, {
          from: from.toISOString(),
          to: to.toISOString(),
          ...query(request),
        }),
      );
    },
    'GET reports/compliance': async (db, session) =>
      json(
        await getComplianceStatus(db, session, {
          defaultStaleAfterSeconds: context.defaultStaleAfterSeconds,
          now: now(),
        }),
      ),
    'POST reports/compliance': async (db, session) =>
      json(
        await auditCompliance(db, session, {
          defaultStaleAfterSeconds: context.defaultStaleAfterSeconds,
          now: now(),
        }),
      ),
  };

  /** Finds the route: an exact path first, then one with its last segment as `:id`. */
  const match = (method: string, segments: string[]) => {
    const exact = routes[`${method} ${segments.join('/')}`];
    if (exact) return { handler: exact, parameter: '' };
    if (segments.length < 2) return undefined;
    const handler = routes[`${method} ${[...segments.slice(0, -1), ':id'].join('/')}`];
    return handler ? { handler, parameter: decodeURIComponent(segments.at(-1)!) } : undefined;
  };
  const knownPath = (segments: string[]) =>
    ['GET', 'POST', 'PUT', 'DELETE'].some((method) => match(method, segments));

  return async (request: Request, segments: string[]): Promise<Response> => {
    try {
      const route = match(request.method, segments);
      if (!route) {
        throw knownPath(segments)
          ? apiError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not used here.`)
          : apiError(404, 'NOT_FOUND', 'There is no such admin API.');
      }
      if (request.method !== 'GET') {
        // Changes from a browser come from the site's own pages only.
        const origin = request.headers.get('origin');
        if (origin && origin !== context.siteOrigin) {
          throw apiError(
            403,
            'CROSS_SITE_REQUEST',
            'Changes must come from the Flow Desk website.',
          );
        }
      }
      const session = await context.authenticate(request);
      if (!session) {
        throw apiError(401, 'SIGNED_OUT', 'Sign in to the Flow Desk website first.');
      }
      const db = await context.database();
      return await route.handler(db, session, request, route.parameter);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
