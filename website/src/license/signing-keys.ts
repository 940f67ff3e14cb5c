import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { exportPKCS8 } from 'jose';
import {
  generateLicenseSigningKey,
  importLicenseSigningKey,
  licenseKeySetSchema,
} from '@flowdesk/shared/licensing';
import type { LicenseKeySet, LicenseSigningKey } from '@flowdesk/shared/licensing';
import type { Database } from '../db/client';
import type { Queryable, Transaction } from '../enterprise/access';
import { signingKeys } from '../db/schema';

/**
 * The key that signs license tokens (decision 9). Production: LICENSE_SIGNING_KEY (PKCS#8 PEM)
 * with LICENSE_SIGNING_KEY_ID, never stored. The embedded default: a key generated on first
 * start and kept in the database. Rotation retires the active key but keeps it published, so
 * tokens it signed verify until they expire.
 */

export interface SigningKeySource {
  /** PKCS#8 PEM of an Ed25519 private key. */
  pkcs8?: string;
  kid?: string;
}

/**
 * Keys and the key set are kept in memory for a minute: every refresh signs, and reading and
 * importing the key each time costs more than the rest of the request. A rotation in this process
 * takes effect at once; one in another process within a minute.
 */
const CACHE_MS = 60_000;
const keyCache = new WeakMap<Database, { source: string; key: LicenseSigningKey; at: number }>();
const keySetCache = new WeakMap<Database, { keys: LicenseKeySet; at: number }>();
/** A load in progress: requests arriving together wait for it instead of each making a key. */
const loading = new WeakMap<Database, { source: string; key: Promise<LicenseSigningKey> }>();

export async function activeSigningKey(
  db: Database,
  source: SigningKeySource = {},
  now = new Date(),
): Promise<LicenseSigningKey> {
  const sourceId = source.pkcs8 ? `${source.kid ?? ''}:${source.pkcs8}` : 'embedded';
  const cached = keyCache.get(db);
  if (cached && cached.source === sourceId && Date.now() - cached.at < CACHE_MS) return cached.key;
  const inFlight = loading.get(db);
  if (inFlight?.source === sourceId) return inFlight.key;
  const key = loadSigningKey(db, source, now).then((loaded) => {
    keyCache.set(db, { source: sourceId, key: loaded, at: Date.now() });
    return loaded;
  });
  loading.set(db, { source: sourceId, key });
  try {
    return await key;
  } finally {
    if (loading.get(db)?.key === key) loading.delete(db);
  }
}

async function loadSigningKey(
  db: Database,
  source: SigningKeySource,
  now: Date,
): Promise<LicenseSigningKey> {
  if (source.pkcs8) {
    const key = await importLicenseSigningKey(source.pkcs8, source.kid ?? 'production');
    await publish(db, key, null, now);
    return key;
  }
  const stored = await oldestEmbeddedKey(db);
  if (stored) return importLicenseSigningKey(stored.privatePkcs8, stored.kid);
  // None yet: servers starting together take turns, so the first makes it and the rest use it.
  const made = await db.transaction(async (tx) => {
    await lockEmbeddedKeys(tx);
    const madeMeanwhile = await oldestEmbeddedKey(tx);
    if (madeMeanwhile)
      return importLicenseSigningKey(madeMeanwhile.privatePkcs8, madeMeanwhile.kid);
    return insertEmbeddedKey(tx, now);
  });
  keySetCache.delete(db);
  return made;
}

/** Any constant both servers agree on: the advisory lock that serialises making the first key. */
const EMBEDDED_KEY_LOCK = 0x666c6b31;

const lockEmbeddedKeys = (tx: Transaction) =>
  tx.execute(sql`select pg_advisory_xact_lock(${EMBEDDED_KEY_LOCK})`);

/** Makes an embedded key and stores it, inside the caller's locked transaction. */
async function insertEmbeddedKey(tx: Transaction, now: Date): Promise<LicenseSigningKey> {
  const kid = `k-${now.toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
  const key = await generateLicenseSigningKey(kid);
  const privatePkcs8 = await exportPKCS8(key.privateKey);
  await tx
    .insert(signingKeys)
    .values({ kid, publicJwk: key.publicJwk, privatePkcs8, createdAt: now });
  return key;
}

/** The embedded key in use: the oldest active one the website made for itself. */
async function oldestEmbeddedKey(
  db: Queryable,
): Promise<{ kid: string; privatePkcs8: string } | undefined> {
  const [stored] = await db
    .select({ kid: signingKeys.kid, privatePkcs8: signingKeys.privatePkcs8 })
    .from(signingKeys)
    .where(and(eq(signingKeys.status, 'active'), isNotNull(signingKeys.privatePkcs8)))
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid))
    .limit(1);
  return stored?.privatePkcs8 ? { kid: stored.kid, privatePkcs8: stored.privatePkcs8 } : undefined;
}

/** Retires the active embedded key and makes a new one; the old stays in the JWKS. */
export async function rotateSigningKey(db: Database, now = new Date()): Promise<LicenseSigningKey> {
  const key = await db.transaction(async (tx) => {
    await lockEmbeddedKeys(tx);
    await tx
      .update(signingKeys)
      .set({ status: 'retired', retiredAt: now })
      .where(eq(signingKeys.status, 'active'));
    return insertEmbeddedKey(tx, now);
  });
  keySetCache.delete(db);
  keyCache.set(db, { source: 'embedded', key, at: Date.now() });
  return key;
}

/** The JWKS published at /.well-known/flowdesk/jwks.json: active and retired public keys. */
export async function publishedKeySet(db: Database): Promise<LicenseKeySet> {
  const cached = keySetCache.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.keys;
  const rows = await db.select().from(signingKeys).orderBy(signingKeys.createdAt);
  const keys = licenseKeySetSchema.parse({ keys: rows.map((row) => row.publicJwk) });
  keySetCache.set(db, { keys, at: Date.now() });
  return keys;
}

async function publish(
  db: Database,
  key: LicenseSigningKey,
  privatePkcs8: string | null,
  now: Date,
): Promise<void> {
  const added = await db
    .insert(signingKeys)
    .values({ kid: key.kid, publicJwk: key.publicJwk, privatePkcs8, createdAt: now })
    .onConflictDoNothing({ target: signingKeys.kid })
    .returning({ kid: signingKeys.kid });
  // A key set that lacked this key must not be served from memory.
  if (added.length > 0) keySetCache.delete(db);
}
