import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

/**
 * Opens the website's database (decision 10) and brings it to the newest migration: PostgreSQL
 * when `DATABASE_URL` is set, otherwise the embedded PGlite in a local folder, so the site runs
 * with no setup. Both run the same drizzle-kit migrations.
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabaseOptions {
  /** postgres://… ; without it, PGlite. */
  url?: string;
  /** PGlite's folder; in memory when absent (tests). */
  dataDirectory?: string;
  /** The drizzle-kit output folder (website/drizzle). */
  migrationsFolder?: string;
}

export interface OpenedDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const migrationsFolder =
    options.migrationsFolder ?? resolve(/* turbopackIgnore: true */ process.cwd(), 'drizzle');
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePostgres({ client: pool, schema });
    try {
      await migratePostgres(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDirectory) mkdirSync(options.dataDirectory, { recursive: true });
  const client = options.dataDirectory ? new PGlite(options.dataDirectory) : new PGlite();
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, kind: 'pglite', close: () => client.close() };
}
