import { openDatabase } from '../src/db/client';
import type { OpenedDatabase } from '../src/db/client';

/**
 * A fresh database for a test file: PGlite in memory, or the PostgreSQL server of
 * FLOWDESK_TEST_DATABASE_URL (each file in its own schema-free database is the caller's job:
 * the tables are emptied first), so the same suite runs on both.
 */
export async function testDatabase(): Promise<OpenedDatabase> {
  const url = process.env.FLOWDESK_TEST_DATABASE_URL;
  const opened = await openDatabase(url ? { url } : {});
  if (url) {
    await opened.db.execute(
      'truncate users, organizations, memberships, subscriptions, licenses, activations, device_links, signing_keys, processed_webhooks, audit_events, policies, seats, organization_settings, sso_connections restart identity cascade',
    );
  }
  return opened;
}
