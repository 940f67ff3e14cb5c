import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { HealthCheckRegistry } from '@flowdesk/shared/monitoring';
import type { Database } from '../db/client';
import { apiError, errorResponse } from '../http/api-error';
import { readJsonBody } from '../http/json-body';
import { RateLimiter } from '../http/rate-limit';
import { policyReportSchema } from '@flowdesk/shared/policy';
import { deactivateActivation, refreshLicense } from '../license/activations';
import type { LicenseServerConfig } from '../license/config';
import { createDeviceLink, deviceDescriptionSchema, pollDeviceLink } from '../license/device-links';
import { activeSigningKey, publishedKeySet } from '../license/signing-keys';

/**
 * The license API (`/api/v1`, the JWKS and the health check) as Fetch handlers: Request in,
 * Response out. The Next.js route files only pass requests here, so the whole API is tested
 * without a server. Every error is `{"error": {"code", "message"}}` with its status.
 */

export interface RateLimits {
  /** Requests per minute. */
  deviceLinksPerIp: number;
  pollsPerDeviceCode: number;
  pollsPerIp: number;
  refreshesPerIp: number;
  refreshesPerDevice: number;
  deactivationsPerIp: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  deviceLinksPerIp: 10,
  // The app polls every 5 s: 12 a minute, with room for a slow_down or two.
  pollsPerDeviceCode: 20,
  pollsPerIp: 120,
  refreshesPerIp: 600,
  refreshesPerDevice: 10,
  deactivationsPerIp: 30,
};

export interface LicenseApiContext {
  database: () => Promise<Database>;
  config: LicenseServerConfig;
  /** The caller's address as the deployment sees it (a trusted proxy header, or the socket). */
  clientIp: (request: Request) => string;
  rateLimits?: Partial<RateLimits>;
  now?: () => Date;
}

const deviceSecret = z.string().min(20).max(200);
const fingerprintHash = z.string().regex(/^[0-9a-f]{64}$/);
const tokenRequestSchema = z.strictObject({ deviceCode: z.string().min(20).max(200) });
const refreshRequestSchema = z.strictObject({
  deviceSecret,
  deviceFingerprintHash: fingerprintHash,
  appVersion: deviceDescriptionSchema.shape.appVersion.optional(),
  policyReport: policyReportSchema.optional(),
});
const deactivateRequestSchema = z.strictObject({ deviceSecret });
const activationIdSchema = z.string().regex(/^act_[A-Za-z0-9_-]{1,40}$/);

export function createLicenseApi(context: LicenseApiContext) {
  const limits = { ...DEFAULT_RATE_LIMITS, ...context.rateLimits };
  const perMinute = (limit: number) => new RateLimiter(limit, 60_000);
  const limiters = {
    deviceLinks: perMinute(limits.deviceLinksPerIp),
    pollsByCode: perMinute(limits.pollsPerDeviceCode),
    pollsByIp: perMinute(limits.pollsPerIp),
    refreshesByIp: perMinute(limits.refreshesPerIp),
    refreshesByDevice: perMinute(limits.refreshesPerDevice),
    deactivations: perMinute(limits.deactivationsPerIp),
  };
  const now = () => context.now?.() ?? new Date();
  const ipOf = (request: Request) => context.clientIp(request);

  /** Runs a handler, turning any error into the API's error response. */
  const handle =
    <A extends unknown[]>(work: (request: Request, ...args: A) => Promise<Response>) =>
    async (request: Request, ...args: A): Promise<Response> => {
      try {
        return await work(request, ...args);
      } catch (error) {
        const retryAfter = (error as { details?: { retryAfter?: unknown } }).details?.retryAfter;
        return errorResponse(
          error,
          typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {},
        );
      }
    };

  return {
    /** POST /api/v1/device-links */
    createDeviceLink: handle(async (request) => {
      limiters.deviceLinks.take(`ip:${ipOf(request)}`);
      const device = await readJsonBody(request, deviceDescriptionSchema);
      const db = await context.database();
      return json(await createDeviceLink(db, device, context.config, now()), 201);
    }),

    /** POST /api/v1/device-links/token */
    pollDeviceLink: handle(async (request) => {
      limiters.pollsByIp.take(`ip:${ipOf(request)}`);
      const { deviceCode } = await readJsonBody(request, tokenRequestSchema);
      limiters.pollsByCode.take(`code:${deviceCode}`);
      const db = await context.database();
      const issued = await pollDeviceLink(db, deviceCode, context.config, now());
      return json({
        licenseToken: issued.licenseToken,
        deviceSecret: issued.deviceSecret,
        activationId: issued.activationId,
      });
    }),

    /** POST /api/v1/licenses/refresh */
    refreshLicense: handle(async (request) => {
      limiters.refreshesByIp.take(`ip:${ipOf(request)}`);
      const body = await readJsonBody(request, refreshRequestSchema);
      limiters.refreshesByDevice.take(`device:${body.deviceFingerprintHash}`);
      const db = await context.database();
      return json(await refreshLicense(db, body, context.config, now()));
    }),

    /** POST /api/v1/activations/{id}/deactivate, by the device itself. */
    deactivate: handle(async (request, activationId: string) => {
      limiters.deactivations.take(`ip:${ipOf(request)}`);
      const id = activationIdSchema.safeParse(activationId);
      if (!id.success) {
        throw apiError(404, 'ACTIVATION_NOT_FOUND', 'There is no such device on your account.');
      }
      const body = await readJsonBody(request, deactivateRequestSchema);
      const db = await context.database();
      await deactivateActivation(db, id.data, { deviceSecret: body.deviceSecret }, now());
      return json({ deactivated: true });
    }),

    /** GET /.well-known/flowdesk/jwks.json */
    jwks: handle(async () => {
      const db = await context.database();
      // Made on first start when none exists yet, so the set is never empty.
      await activeSigningKey(db, context.config.signingKey, now());
      return Response.json(await publishedKeySet(db), {
        headers: { 'Cache-Control': 'public, max-age=300' },
      });
    }),

    /** GET /api/health: the seed's HealthStatus (database, signing key). */
    health: handle(async () => {
      const registry = new HealthCheckRegistry({ now });
      registry.register('database', async () => {
        const db = await context.database();
        await db.execute(sql`select 1`);
        return { status: 'healthy' };
      });
      registry.register('signingKey', async () => {
        const db = await context.database();
        const key = await activeSigningKey(db, context.config.signingKey, now());
        return { status: 'healthy', details: { kid: key.kid } };
      });
      const status = await registry.run();
      return Response.json(status, {
        status: status.status === 'unhealthy' ? 503 : 200,
        headers: { 'Cache-Control': 'no-store' },
      });
    }),
  };
}

export type LicenseApi = ReturnType<typeof createLicenseApi>;

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
