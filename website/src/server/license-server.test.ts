import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-site-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the server’s license API', () => {
  it('opens the embedded database on first use and serves the key set from it', async () => {
    vi.stubEnv('FLOWDESK_DATA_DIR', join(folder, 'pglite'));
    vi.stubEnv('FLOWDESK_SITE_URL', 'http://localhost:3999');
    const { licenseApi } = await import('./license-server');
    const answer = await licenseApi.jwks(
      new Request('http://localhost:3999/.well-known/flowdesk/jwks.json'),
    );
    expect(answer.status).toBe(200);
    const { keys } = (await answer.json()) as { keys: { kid: string }[] };
    expect(keys).toHaveLength(1);
    // The same key on the next request: the database and its key were made once.
    const again = (await (await licenseApi.jwks(new Request('http://localhost/'))).json()) as {
      keys: { kid: string }[];
    };
    expect(again.keys.map((key) => key.kid)).toEqual(keys.map((key) => key.kid));
    vi.unstubAllEnvs();
  });

  it('shares one database between the copies of this module Next.js makes', async () => {
    const first = await (await import('./license-server')).database();
    vi.resetModules();
    const second = await (await import('./license-server')).database();
    expect(second).toBe(first);
  });

  it('answers 503 while the database cannot open, and tries again on the next request', async () => {
    vi.resetModules();
    // Forget the database the tests above opened, as a fresh process would.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('flowdesk.website.database')];
    // A file where the database folder should be: PGlite cannot open it.
    const blocked = join(folder, 'blocked');
    writeFileSync(blocked, 'not a folder');
    vi.stubEnv('FLOWDESK_DATA_DIR', blocked);
    const { licenseApi } = await import('./license-server');
    const link = () =>
      licenseApi.createDeviceLink(
        new Request('http://localhost/api/v1/device-links', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
          body: JSON.stringify({
            deviceFingerprintHash: 'b'.repeat(64),
            deviceName: 'Laptop',
            platform: 'linux',
            appVersion: '0.1.0',
          }),
        }),
      );
    expect((await link()).status).toBe(500);
    rmSync(blocked);
    expect((await link()).status).toBe(201);
    vi.unstubAllEnvs();
  });
});
