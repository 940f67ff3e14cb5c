import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebsite, startWebsite } from './next-process';

/**
 * The website as users and the apps reach it: `next build`, then `next start` on a free port
 * with the embedded database in a temporary folder, and real HTTP requests.
 */

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-next-'));
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
let stop: (() => void) | undefined;
let origin = '';

beforeAll(async () => {
  const settings = { FLOWDESK_DATA_DIR: join(folder, 'pglite') };
  buildWebsite(settings);
  ({ origin, stop } = await startWebsite({
    ...settings,
    CLERK_WEBHOOK_SIGNING_SECRET: WEBHOOK_SECRET,
  }));
}, 600_000);

afterAll(() => {
  stop?.();
  rmSync(folder, { recursive: true, force: true });
});

describe('the website under next start', () => {
  it('serves the home page with the security headers', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Flow Desk');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the pricing and security pages from the data the server enforces', async () => {
    const pricing = await (await fetch(`${origin}/pricing`)).text();
    for (const plan of ['Free', 'Pro', 'Team', 'Enterprise']) expect(pricing).toContain(plan);
    expect(pricing).toContain('Backups that keep you signed in on a new computer');
    expect(pricing).toContain('<nav aria-label="Main"');
    const security = await (await fetch(`${origin}/security`)).text();
    expect(security).toContain('License checks, and nothing else');
    expect((await fetch(`${origin}/no-such-page`)).status).toBe(404);
  });

  it('searches the service catalog on the server, with an empty state', async () => {
    const all = await (await fetch(`${origin}/services`)).text();
    expect(all).toContain('Slack');
    expect(all).toContain('Notion');
    const slack = await (await fetch(`${origin}/services?q=slack`)).text();
    expect(slack).toContain('Slack');
    expect(slack).not.toContain('>Notion<');
    const none = await (
      await fetch(`${origin}/services?q=${encodeURIComponent('<script>zzqx</script>')}`)
    ).text();
    expect(none).toContain('No service in the catalog matches');
    // The query comes back as text, never as markup.
    expect(none).not.toContain('<script>zzqx');
  });

  it('reports health and publishes the signing keys', async () => {
    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'healthy' });
    const jwks = (await (await fetch(`${origin}/.well-known/flowdesk/jwks.json`)).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.length).toBeGreaterThan(0);
  });

  it('starts a device link and answers polls and bad input with the API error shape', async () => {
    const created = await fetch(`${origin}/api/v1/device-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deviceFingerprintHash: 'a'.repeat(64),
        deviceName: 'CI laptop',
        platform: 'linux',
        appVersion: '0.1.0',
      }),
    });
    expect(created.status).toBe(201);
    const link = (await created.json()) as { deviceCode: string; verificationUri: string };
    expect(link.verificationUri).toBe(`${origin}/activate`);
    const poll = await fetch(`${origin}/api/v1/device-links/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceCode: link.deviceCode }),
    });
    expect(poll.status).toBe(400);
    expect(await poll.json()).toMatchObject({ error: { code: 'authorization_pending' } });
    const bad = await fetch(`${origin}/api/v1/licenses/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"deviceSecret":',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });

  it('takes signed Clerk webhooks and refuses unsigned ones', async () => {
    const at = new Date();
    const body = JSON.stringify({
      type: 'user.created',
      object: 'event',
      timestamp: at.getTime(),
      data: { id: 'user_e2e', email_addresses: [], updated_at: at.getTime() },
    });
    const send = (signature: string) =>
      fetch(`${origin}/api/webhooks/clerk`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'svix-id': 'msg_e2e',
          'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
          'svix-signature': signature,
        },
        body,
      });
    const accepted = await send(new Webhook(WEBHOOK_SECRET).sign('msg_e2e', at, body));
    expect(await accepted.json()).toEqual({ received: true, outcome: 'applied' });
    const refused = await send('v1,AAAA');
    expect(refused.status).toBe(400);
  });
});
