import { createLicenseApi } from '../api/license-api';
import { createAdminApi } from '../enterprise/admin-api';
import {
  clerkEnterpriseConnections,
  clerkOrganizationDirectory,
  clerkSessionAuthenticator,
} from './clerk-enterprise';
import { clerkSettings } from './clerk-settings';
import { createClerkWebhookHandler } from '../webhooks/clerk-webhook';
import { openDatabase } from '../db/client';
import type { OpenedDatabase } from '../db/client';
import { clientIpFrom, databaseOptions, licenseServerConfig, readEnvironment } from './environment';

/**
 * The one license API of this server process: the database opens (and migrates) on first use,
 * and the route files under app/ hand their requests to it.
 */

const environment = readEnvironment(process.env);

/**
 * Next.js bundles route handlers and pages (with their server actions) separately, so this
 * module can be instantiated more than once in one server process. They must share one
 * database: two PGlite instances on one data folder would each see only their own writes.
 */
const DATABASE = Symbol.for('flowdesk.website.database');
const processWide = globalThis as typeof globalThis & { [DATABASE]?: Promise<OpenedDatabase> };

/** The site's database, opened (and migrated) on first use; the account pages read it too. */
export async function database() {
  processWide[DATABASE] ??= openDatabase(databaseOptions(environment)).catch((error: unknown) => {
    // The next request tries again (the database may have been starting).
    processWide[DATABASE] = undefined;
    throw error;
  });
  return (await processWide[DATABASE]).db;
}

export const licenseApi = createLicenseApi({
  database,
  config: licenseServerConfig(environment),
  clientIp: (request) => clientIpFrom(request, environment.FLOWDESK_PROXY_HOPS),
});

export const clerkWebhook = createClerkWebhookHandler({
  database,
  signingSecret: environment.CLERK_WEBHOOK_SIGNING_SECRET,
});

const config = licenseServerConfig(environment);
const clerk = clerkSettings();
const clerkOptions = clerk
  ? { settings: clerk, siteOrigin: new URL(environment.FLOWDESK_SITE_URL).origin }
  : undefined;

/** Clerk's Backend API behind the enterprise ports; absent without Clerk settings. */
export const clerkServices = clerkOptions
  ? {
      enterpriseConnections: clerkEnterpriseConnections(clerkOptions),
      directory: clerkOrganizationDirectory(clerkOptions),
    }
  : undefined;

/** How long a device may go without checking in before reports call it stale (absent a policy). */
export const DEFAULT_STALE_AFTER_SECONDS = config.checkIntervalSeconds + config.graceSeconds;

/** The enterprise admin API (issue 10); without Clerk every caller is signed out. */
export const adminApi = createAdminApi({
  database,
  authenticate: clerkOptions
    ? clerkSessionAuthenticator(clerkOptions)
    : () => Promise.resolve(undefined),
  siteOrigin: new URL(environment.FLOWDESK_SITE_URL).origin,
  ...clerkServices,
  defaultStaleAfterSeconds: DEFAULT_STALE_AFTER_SECONDS,
});
