import { verifyWebhook } from '@clerk/backend/webhooks';
import { z } from 'zod';
import type { Database } from '../db/client';
import { apiError, errorResponse } from '../http/api-error';
import { applyClerkEvent, clerkEventSchema } from './clerk-events';

/** Clerk's user objects are larger than API bodies; still, nothing legitimate is near this. */
export const MAX_WEBHOOK_BYTES = 512 * 1024;

export interface ClerkWebhookContext {
  database: () => Promise<Database>;
  /** CLERK_WEBHOOK_SIGNING_SECRET (whsec_…); without it every delivery is refused. */
  signingSecret: string | undefined;
  now?: () => Date;
}

/**
 * POST /api/webhooks/clerk: the signature (Standard Webhooks, checked by Clerk's verifyWebhook,
 * which also refuses timestamps more than 5 minutes off) before anything is read into our rows;
 * then the event, once per svix-id.
 */
export function createClerkWebhookHandler(context: ClerkWebhookContext) {
  return async (request: Request): Promise<Response> => {
    try {
      if (!context.signingSecret) {
        throw apiError(
          503,
          'WEBHOOKS_NOT_CONFIGURED',
          'Set CLERK_WEBHOOK_SIGNING_SECRET to receive Clerk webhooks.',
        );
      }
      if (Number(request.headers.get('content-length') ?? '0') > MAX_WEBHOOK_BYTES) {
        throw apiError(413, 'BODY_TOO_LARGE', 'The webhook body is too large.');
      }
      const deliveryId = request.headers.get('svix-id') ?? request.headers.get('webhook-id');
      let verified: unknown;
      try {
        verified = await verifyWebhook(request, { signingSecret: context.signingSecret });
      } catch {
        throw apiError(
          400,
          'WEBHOOK_SIGNATURE_INVALID',
          'The webhook signature, timestamp or id is missing or wrong.',
        );
      }
      const event = clerkEventSchema.safeParse(verified);
      if (!event.success || !deliveryId) {
        throw apiError(400, 'WEBHOOK_INVALID', 'The webhook is not a Clerk event.');
      }
      const db = await context.database();
      let outcome;
      try {
        outcome = await applyClerkEvent(db, deliveryId, event.data, context.now?.() ?? new Date());
      } catch (error) {
        // A signed event whose data we cannot read: say so, so Clerk shows it as failed.
        if (error instanceof z.ZodError) {
          throw apiError(400, 'WEBHOOK_INVALID', `The ${event.data.type} event could not be read.`);
        }
        throw error;
      }
      return Response.json(
        { received: true, outcome },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    } catch (error) {
      return errorResponse(error);
    }
  };
}
