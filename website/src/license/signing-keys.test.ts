import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../db/client';
import { openDatabase } from '../db/client';
import { signingKeys } from '../db/schema';
import { testDatabase } from '../../test/database';
import { activeSigningKey, publishedKeySet } from './signing-keys';

/**
 * The embedded signing key under simultaneous first requests (issue 12): one key is made and
 * published however many requests, or servers, need it at once.
 */

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

describe('the embedded signing key', () => {
  it('is made once when 50 requests need it at the same moment', async () => {
    const keys = await Promise.all(Array.from({ length: 50 }, () => activeSigningKey(opened.db)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(await opened.db.select().from(signingKeys)).toHaveLength(1);
    expect((await publishedKeySet(opened.db)).keys.map((key) => key.kid)).toEqual([keys[0]!.kid]);
  });

  it('is one key for two servers starting together on the same PostgreSQL', async () => {
    const url = process.env.FLOWDESK_TEST_DATABASE_URL;
    if (!url) return; // PGlite in memory has one process by nature.
    await opened.db.delete(signingKeys);
    // Two connections with their own caches: two servers as far as the key is concerned.
    const [first, second] = await Promise.all([openDatabase({ url }), openDatabase({ url })]);
    try {
      const keys = await Promise.all(
        [first, second].flatMap((server) =>
          Array.from({ length: 10 }, () => activeSigningKey(server.db, {}, new Date(0))),
        ),
      );
      const rows = await opened.db.select().from(signingKeys);
      expect(rows).toHaveLength(1);
      expect(new Set(keys.map((key) => key.kid))).toEqual(new Set([rows[0]!.kid]));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
