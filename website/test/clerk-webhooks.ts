import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/**
 * A Clerk webhook delivery as Clerk sends it: the event JSON, signed with Standard Webhooks
 * headers (svix-id, svix-timestamp, svix-signature) over the exact body.
 */
export function clerkDelivery(
  url: string,
  secret: string,
  type: string,
  data: unknown,
  options: { id?: string; at?: Date } = {},
): Request {
  const id = options.id ?? `msg_${randomBytes(6).toString('hex')}`;
  const at = options.at ?? new Date();
  const body = JSON.stringify({ type, object: 'event', timestamp: at.getTime(), data });
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  });
}
