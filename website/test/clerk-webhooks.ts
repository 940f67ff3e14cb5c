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

export interface SeedPerson {
  userId: string;
  email: string;
  /** Left out: a signed-in user who belongs to no organization. */
  role?: 'org:admin' | 'org:member';
  firstName?: string;
  lastName?: string;
}

/**
 * The Clerk events that give a website an organization, its people and a Team plan of `seats`,
 * in the order Clerk sends them: what the end-to-end tests seed a fresh website with.
 */
export function organizationSeedEvents(
  organization: { id: string; name: string; slug: string },
  people: readonly SeedPerson[],
  seats = 5,
): [type: string, data: unknown][] {
  const withRole = people.filter((person) => person.role !== undefined);
  return [
    ['organization.created', organization],
    ...people.map((person): [string, unknown] => [
      'user.created',
      {
        id: person.userId,
        ...(person.firstName ? { first_name: person.firstName } : {}),
        ...(person.lastName ? { last_name: person.lastName } : {}),
        primary_email_address_id: `e_${person.userId}`,
        email_addresses: [{ id: `e_${person.userId}`, email_address: person.email }],
      },
    ]),
    ...withRole.map((person): [string, unknown] => [
      'organizationMembership.created',
      {
        role: person.role,
        permissions: [],
        organization: { id: organization.id, name: organization.name },
        public_user_data: { user_id: person.userId },
      },
    ]),
    [
      'subscriptionItem.active',
      {
        id: `csi_${organization.slug}`,
        status: 'active',
        plan: { slug: 'team' },
        seats: { quantity: seats },
        period_end: Date.now() + 30 * 86_400_000,
        payer: { organization_id: organization.id },
      },
    ],
  ];
}

/** Delivers events to a running website's webhook, stopping at the first one it refuses. */
export async function deliverClerkEvents(
  origin: string,
  secret: string,
  events: readonly [type: string, data: unknown][],
): Promise<void> {
  for (const [type, data] of events) {
    const response = await fetch(clerkDelivery(`${origin}/api/webhooks/clerk`, secret, type, data));
    if (response.status !== 200) {
      throw new Error(`${type} was refused (${response.status}): ${await response.text()}`);
    }
  }
}
