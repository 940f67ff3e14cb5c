import { createLicenseApi } from '../api/license-api';
import { createClerkWebhookHandler } from '../webhooks/clerk-webhook';
import { openDatabase } from '../db/client';
import type { OpenedDatabase } from '../db/client';
import { clientIpFrom, databaseOptions, licenseServerConfig, readEnvironment } from './environment';

/**
 * The one license API of this server process: the database opens (and migrates) on first use,
 * and the route files under app/ hand their requests to it.
 */

const environment = readEnvironment(process.env);
let opened: Promise<OpenedDatabase> | undefined;

async function database() {
  opened ??= openDatabase(databaseOptions(environment)).catch((error: unknown) => {
    // The next request tries again (the database may have been starting).
    opened = undefined;
    throw error;
  });
  return (await opened).db;
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
