import { eq } from 'drizzle-orm';
import { exportPKCS8 } from 'jose';
import {
  generateLicenseSigningKey,
  importLicenseSigningKey,
  licenseKeySetSchema,
} from '@flowdesk/shared/licensing';
import type { LicenseKeySet, LicenseSigningKey } from '@flowdesk/shared/licensing';
import type { Database } from '../db/client';
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

export async function activeSigningKey(
  db: Database,
  source: SigningKeySource = {},
  now = new Date(),
): Promise<LicenseSigningKey> {
  const sourceId = source.pkcs8 ? `${source.kid ?? ''}:${source.pkcs8}` : 'embedded';
  const cached = keyCache.get(db);
  if (cached && cached.source === sourceId && Date.now() - cached.at < CACHE_MS) return cached.key;
  const key = await loadSigningKey(db, source, now);
  keyCache.set(db, { source: sourceId, key, at: Date.now() });
  return key;
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
  const [stored] = await db
    .select()
    .from(signingKeys)
    .where(eq(signingKeys.status, 'active'))
    .orderBy(signingKeys.createdAt)
    .limit(1);
  if (stored?.privatePkcs8) return importLicenseSigningKey(stored.privatePkcs8, stored.kid);
  return generateAndStore(db, now);
}

/** Retires the active embedded key and makes a new one; the old stays in the JWKS. */
export async function rotateSigningKey(db: Database, now = new Date()): Promise<LicenseSigningKey> {
  await db
    .update(signingKeys)
    .set({ status: 'retired', retiredAt: now })
    .where(eq(signingKeys.status, 'active'));
  const key = await generateAndStore(db, now);
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

async function generateAndStore(db: Database, now: Date): Promise<LicenseSigningKey> {
  const kid = `k-${now.toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
  const key = await generateLicenseSigningKey(kid);
  await publish(db, key, await exportPKCS8(key.privateKey), now);
  return key;
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
