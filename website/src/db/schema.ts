import { sql } from 'drizzle-orm';
import type { LicensePublicKey } from '@flowdesk/shared/licensing';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The website's data (ARCHITECTURE.md decision 10): the same tables on the embedded PGlite and on
 * PostgreSQL, created by the drizzle-kit migrations in `drizzle/`. Users and organizations are
 * Clerk's; we keep the rows the license server needs, current through Clerk's webhooks.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable('users', {
  /** Clerk's user id (user_…). */
  id: text('id').primaryKey(),
  email: text('email'),
  name: text('name'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  /** The Clerk enterprise connections (SSO) the user has an active account on. */
  ssoConnectionIds: jsonb('sso_connection_ids').$type<string[]>().notNull().default([]),
  /** When the user was deprovisioned (directory sync, or banned): their devices are signed out. */
  deprovisionedAt: timestamp('deprovisioned_at', { withTimezone: true }),
});

export const organizations = pgTable('organizations', {
  /** Clerk's organization id (org_…). */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
});

export const memberships = pgTable(
  'memberships',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** org:admin, org:member, or a custom role. */
    role: text('role').notNull(),
    permissions: jsonb('permissions').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);

/** A plan bought through Clerk Billing, for a user or an organization. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    /** Clerk's subscription id. */
    id: text('id').primaryKey(),
    ownerType: text('owner_type', { enum: ['user', 'organization'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    plan: text('plan', { enum: ['free', 'pro', 'team', 'enterprise'] }).notNull(),
    status: text('status', {
      enum: ['active', 'past_due', 'canceled', 'ended', 'upcoming', 'incomplete'],
    }).notNull(),
    seats: integer('seats').notNull().default(1),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    /** The newest webhook event applied: an older one arriving late changes nothing. */
    eventAt: timestamp('event_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('subscriptions_owner').on(table.ownerType, table.ownerId)],
);

/** What a subscription (or the free plan) entitles its owner to: one license per owner. */
export const licenses = pgTable(
  'licenses',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type', { enum: ['user', 'organization'] }).notNull(),
    ownerId: text('owner_id').notNull(),
    plan: text('plan', { enum: ['free', 'pro', 'team', 'enterprise'] }).notNull(),
    seats: integer('seats').notNull(),
    status: text('status', { enum: ['active', 'revoked'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('licenses_owner').on(table.ownerType, table.ownerId)],
);

/** A device holding a license: its secret (hashed) lets it refresh its token. */
export const activations = pgTable(
  'activations',
  {
    id: text('id').primaryKey(),
    licenseId: text('license_id')
      .notNull()
      .references(() => licenses.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 (hex) of the device's fingerprint. */
    deviceFingerprintHash: text('device_fingerprint_hash').notNull(),
    deviceName: text('device_name').notNull(),
    platform: text('platform').notNull(),
    appVersion: text('app_version').notNull(),
    /** SHA-256 (hex) of the device secret; the secret itself is only ever on the device. */
    secretHash: text('secret_hash').notNull(),
    createdAt: createdAt(),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  },
  (table) => [
    // One live activation per device and license; a deactivated one leaves room for a new one.
    uniqueIndex('activations_live_device')
      .on(table.licenseId, table.deviceFingerprintHash)
      .where(sql`${table.deactivatedAt} is null`),
    index('activations_user').on(table.userId),
    uniqueIndex('activations_secret').on(table.secretHash),
  ],
);

/** The device-link sign-in (RFC 8628 shape): the app polls with the device code. */
export const deviceLinks = pgTable(
  'device_links',
  {
    id: text('id').primaryKey(),
    /** SHA-256 (hex) of the device code: a database leak does not hand out pending links. */
    deviceCodeHash: text('device_code_hash').notNull(),
    /** What the user types or confirms on /activate, e.g. WDJB-MJHT. */
    userCode: text('user_code').notNull(),
    deviceFingerprintHash: text('device_fingerprint_hash').notNull(),
    deviceName: text('device_name').notNull(),
    platform: text('platform').notNull(),
    appVersion: text('app_version').notNull(),
    status: text('status', {
      enum: ['pending', 'approved', 'denied', 'consumed'],
    })
      .notNull()
      .default('pending'),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Seconds the app waits between polls (raised by slow_down). */
    interval: integer('interval').notNull(),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('device_links_device_code').on(table.deviceCodeHash),
    // A user code is unique among links still waiting for a decision.
    uniqueIndex('device_links_pending_user_code')
      .on(table.userCode)
      .where(sql`${table.status} = 'pending'`),
  ],
);

/** License signing keys by kid; retired keys stay published so older tokens still verify. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<LicensePublicKey>().notNull(),
  /**
   * PKCS#8 PEM, only for the key the embedded website generated for itself; a production key
   * comes from LICENSE_SIGNING_KEY and is never stored.
   */
  privatePkcs8: text('private_pkcs8'),
  status: text('status', { enum: ['active', 'retired'] })
    .notNull()
    .default('active'),
  createdAt: createdAt(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** An organization's policy (issue 10), as its administrators authored it; versioned. */
export const policies = pgTable(
  'policies',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    policyId: text('policy_id').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['security', 'access', 'data', 'usage'] }).notNull(),
    enforcement: text('enforcement', { enum: ['strict', 'warn', 'audit'] }).notNull(),
    version: integer('version').notNull(),
    /** The rules as checked by shared/src/policy's schema. */
    rules: jsonb('rules').$type<unknown[]>().notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.policyId] })],
);

/** A seat of an organization's license, held by one member (issue 10). */
export const seats = pgTable(
  'seats',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Who gave it: an administrator's user id, `automatic` (first device) or `directory` (SCIM). */
    assignedBy: text('assigned_by').notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);

/** How an organization runs its seats and sign-in (issue 10); absent means the defaults. */
export const organizationSettings = pgTable('organization_settings', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** automatic: a member's first device (or directory provisioning) takes a free seat. */
  seatAssignment: text('seat_assignment', { enum: ['automatic', 'manual'] })
    .notNull()
    .default('automatic'),
  updatedBy: text('updated_by'),
  updatedAt: updatedAt(),
});

/**
 * An organization's SSO connection (SAML or OIDC) as recorded here; the connection itself is a
 * Clerk enterprise connection. Secrets (OIDC client secret) go to Clerk and are never stored.
 */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ['saml', 'oidc'] }).notNull(),
    domain: text('domain').notNull(),
    endpoint: text('endpoint').notNull(),
    /** Members' license refreshes require an active account on this connection. */
    required: boolean('required').notNull().default(false),
    /** Clerk's enterprise connection id, once Clerk has it. */
    clerkConnectionId: text('clerk_connection_id'),
    updatedBy: text('updated_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('sso_connections_domain').on(table.domain)],
);

/** Webhook deliveries already applied (svix-id): a replay changes nothing. */
export const processedWebhooks = pgTable('processed_webhooks', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What happened on the server, for support and for enterprise audit export. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type', { enum: ['user', 'device', 'system', 'webhook'] }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    organizationId: text('organization_id'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('audit_events_org_at').on(table.organizationId, table.at),
    index('audit_events_target').on(table.targetType, table.targetId),
  ],
);
