import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { users } from './schema';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('the embedded database', () => {
  it('is created and migrated on first open, and keeps its rows in its folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'flowdesk-pglite-'));
    folders.push(folder);
    const first = await openDatabase({ dataDirectory: join(folder, 'data') });
    expect(first.kind).toBe('pglite');
    await first.db.insert(users).values({ id: 'user_1', email: 'a@example.com' });
    await first.close();

    // Opened again: the migrations are not run twice and the row is there.
    const second = await openDatabase({ dataDirectory: join(folder, 'data') });
    expect(await second.db.select().from(users).where(eq(users.id, 'user_1'))).toHaveLength(1);
    await second.close();
  });

  it('says when the migrations cannot be found', async () => {
    await expect(openDatabase({ migrationsFolder: '/nonexistent/drizzle' })).rejects.toThrow();
  });
});
