import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLicenseToken } from '@flowdesk/shared/licensing';
import type { LicenseKeySet } from '@flowdesk/shared/licensing';
import { testClerk } from './clerk-session';
import { clerkDelivery } from './clerk-webhooks';
import type { TestClerk } from './clerk-session';
import { launchChromium } from './browser';
import { BUILD_SECRET_MARKER } from './build-once';
import { startWebsite, websiteFolder } from './next-process';

/**
 * The website as users and the apps reach it: the build made once for these tests
 * (test/build-once.ts), then `next start` on a free port
 * with the embedded database in a temporary folder; real HTTP requests, and pages driven in
 * Debian's Chromium. One server has accounts (a stand-in Clerk instance whose session tokens
 * verify with CLERK_JWT_KEY, no network), the other none.
 */

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-next-'));
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const stops: (() => Promise<void>)[] = [];
let origin = '';
let originWithoutAccounts = '';
let outputWithoutAccounts: () => string = () => '';
let clerk: TestClerk;
let browser: Browser;
let github: Server;

/** Every file of the build that is sent to browsers. */
function clientFiles(folder = join(websiteFolder, '.next', 'static')): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? clientFiles(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** A stand-in for GitHub's API: the latest release of flowdesk/flowdesk. */
function startFakeGitHub(): Promise<string> {
  github = createServer((request, response) => {
    if (request.url !== '/repos/flowdesk/flowdesk/releases/latest') {
      response.writeHead(404).end('{"message":"Not Found"}');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        tag_name: 'v2.3.4',
        html_url: 'https://github.com/flowdesk/flowdesk/releases/tag/v2.3.4',
        published_at: '2026-11-30T12:00:00Z',
        assets: [
          ['Flow-Desk-2.3.4-arm64.dmg', 120e6],
          ['Flow-Desk-Setup-2.3.4.exe', 95e6],
          ['Flow-Desk-2.3.4.AppImage', 130e6],
          ['latest.yml', 400],
        ].map(([name, size]) => ({
          name,
          size,
          browser_download_url: `https://github.com/flowdesk/flowdesk/releases/download/v2.3.4/${String(name)}`,
        })),
      }),
    );
  });
  return new Promise((resolve) =>
    github.listen(0, '127.0.0.1', () => {
      const address = github.address();
      resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );
}

beforeAll(async () => {
  clerk = await testClerk();
  const githubApi = await startFakeGitHub();
  const withAccounts = await startWebsite({
    ...clerk.settings,
    FLOWDESK_DATA_DIR: join(folder, 'pglite'),
    CLERK_WEBHOOK_SIGNING_SECRET: WEBHOOK_SECRET,
    FLOWDESK_RELEASES_REPO: 'flowdesk/flowdesk',
    FLOWDESK_GITHUB_API_URL: githubApi,
  });
  const withoutAccounts = await startWebsite({ FLOWDESK_DATA_DIR: join(folder, 'pglite-bare') });
  origin = withAccounts.origin;
  originWithoutAccounts = withoutAccounts.origin;
  outputWithoutAccounts = withoutAccounts.output;
  stops.push(withAccounts.stop, withoutAccounts.stop);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(stops.map((stop) => stop()));
  github?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A page that records console errors, failed requests and CSP violations. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Prefetches cut short by the next navigation are not failures.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed: ${request.url()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, problems };
}

async function signedInContext(userId: string, userAgent?: string): Promise<BrowserContext> {
  const context = await browser.newContext(userAgent ? { userAgent } : {});
  await context.addCookies(
    (await clerk.sessionCookies(userId, origin)).map((cookie) => ({ ...cookie, url: origin })),
  );
  return context;
}

const post = (path: string, body: unknown) =>
  fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

function sendWebhook(type: string, data: unknown, id?: string) {
  return fetch(
    clerkDelivery(`${origin}/api/webhooks/clerk`, WEBHOOK_SECRET, type, data, id ? { id } : {}),
  );
}

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

  it('keeps every server secret out of the bundles browsers download', () => {
    const files = clientFiles();
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(5);
    const leaks = files.filter((file) =>
      readFileSync(file, 'latin1').includes(BUILD_SECRET_MARKER),
    );
    expect(leaks).toEqual([]);
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

describe('the website in Chromium', () => {
  it('renders every public page with its scripts running under the nonce policy, and no errors', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    const pages = {
      '/': 'Flow Desk',
      '/features': 'Features',
      '/services': 'Service catalog',
      '/pricing': 'Pricing',
      '/download': 'Download',
      '/security': 'Security',
      '/changelog': 'Changelog',
    };
    for (const [path, title] of Object.entries(pages)) {
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy'], path).toMatch(
        /script-src 'self' 'nonce-/,
      );
      expect(await page.title(), path).toContain(title);
      // Next.js's scripts carry the nonce and ran: the app router is hydrated.
      expect(await page.evaluate(() => 'next' in window), path).toBe(true);
      expect(await page.locator('meta[property="og:image"]').count(), path).toBe(1);
    }
    // A click through the header is a client-side navigation, which needs the scripts too.
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Pricing' })
      .click();
    await page.waitForURL(`${origin}/pricing`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pricing');
    const image = await page.request.get(`${origin}/opengraph-image`);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('offers the visitor’s own system first on the download page', async () => {
    const context = await browser.newContext({
      userAgent:
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
    });
    const { page, problems } = await watchedPage(context);
    await page.goto(`${origin}/download`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByText('Version 2.3.4').count()).toBe(1);
    const sections = await page.locator('main section h2').allTextContents();
    expect(sections[0]).toContain('Windows');
    expect(sections[0]).toContain('Your system');
    expect(
      await page.getByRole('link', { name: 'Flow-Desk-Setup-2.3.4.exe' }).getAttribute('href'),
    ).toBe(
      'https://github.com/flowdesk/flowdesk/releases/download/v2.3.4/Flow-Desk-Setup-2.3.4.exe',
    );
    expect(await page.getByText('latest.yml').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs a device in: approved in the browser, then the polling app gets a token the JWKS verifies', async () => {
    const deviceName = '<img src=x onerror=alert(1)> Studio Mac';
    const fingerprint = randomBytes(32).toString('hex');
    const created = await post('/api/v1/device-links', {
      deviceFingerprintHash: fingerprint,
      deviceName,
      platform: 'darwin',
      appVersion: '2.3.4',
    });
    const link = (await created.json()) as {
      deviceCode: string;
      userCode: string;
      verificationUriComplete: string;
    };
    expect((await post('/api/v1/device-links/token', { deviceCode: link.deviceCode })).status).toBe(
      400,
    );

    // Signed out, the approval page sends the user to sign in and back.
    const anonymous = await fetch(link.verificationUriComplete, { redirect: 'manual' });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toContain(
      `/sign-in?redirect_url=${encodeURIComponent(link.verificationUriComplete)}`,
    );

    const context = await signedInContext('user_e2e_owner');
    const { page, problems } = await watchedPage(context);
    await page.goto(link.verificationUriComplete);
    // The device's name is shown as text, never run as markup.
    expect(await page.getByTestId('device-name').textContent()).toBe(deviceName);
    expect(await page.getByText('macOS').count()).toBe(1);
    await page.getByRole('button', { name: 'Approve this device' }).click();
    await page.getByRole('heading', { name: 'Device approved' }).waitFor();

    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const polled = await post('/api/v1/device-links/token', { deviceCode: link.deviceCode });
    expect(polled.status, await polled.clone().text()).toBe(200);
    const issued = (await polled.json()) as {
      licenseToken: string;
      deviceSecret: string;
      activationId: string;
    };
    const keys = (await (
      await fetch(`${origin}/.well-known/flowdesk/jwks.json`)
    ).json()) as LicenseKeySet;
    const verified = await verifyLicenseToken(issued.licenseToken, { keys, issuer: origin });
    if (!verified.ok) throw verified.error;
    expect(verified.value).toMatchObject({ sub: 'user_e2e_owner', plan: 'free' });

    // A plan bought through Clerk Billing reaches the device at its next refresh.
    const webhook = await sendWebhook('subscriptionItem.active', {
      id: 'si_e2e',
      object: 'commerce_subscription_item',
      status: 'active',
      plan: { slug: 'pro' },
      period_end: Date.now() + 30 * 86_400_000,
      payer: { user_id: 'user_e2e_owner' },
    });
    expect(await webhook.json()).toMatchObject({ outcome: 'applied' });
    const refresh = () =>
      post('/api/v1/licenses/refresh', {
        deviceSecret: issued.deviceSecret,
        deviceFingerprintHash: fingerprint,
      });
    const refreshed = (await (await refresh()).json()) as { licenseToken: string };
    const upgraded = await verifyLicenseToken(refreshed.licenseToken, { keys, issuer: origin });
    if (!upgraded.ok) throw upgraded.error;
    expect(upgraded.value.plan).toBe('pro');

    // The dashboard shows the plan and the device; signing it out there revokes the device.
    await page.goto(`${origin}/dashboard`);
    expect(await page.getByTestId('plan').textContent()).toBe('Pro');
    const row = page.getByRole('row', { name: /Studio Mac/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining([deviceName, 'macOS', '2.3.4']),
    );
    await page.getByRole('button', { name: `Sign out ${deviceName}` }).click();
    await expect.poll(() => page.getByRole('row', { name: /Studio Mac/ }).count()).toBe(0);
    await page.getByText('Signed-out devices (1)').click();
    expect(await page.getByText(/Studio Mac \(macOS\), signed out on/).count()).toBe(1);
    const revoked = await refresh();
    expect(revoked.status).toBe(403);
    expect(await revoked.json()).toMatchObject({ error: { code: 'ACTIVATION_REVOKED' } });

    // Only failures to reach Clerk's script host (no network here) are expected on these pages.
    expect(problems.filter((problem) => !problem.includes('clerk.flowdesk.test'))).toEqual([]);
    await context.close();
  });

  it('denies a device, and another user cannot see or sign out someone’s devices', async () => {
    const created = await post('/api/v1/device-links', {
      deviceFingerprintHash: randomBytes(32).toString('hex'),
      deviceName: 'Unknown PC',
      platform: 'win32',
      appVersion: '2.3.4',
    });
    const link = (await created.json()) as {
      deviceCode: string;
      verificationUri: string;
      userCode: string;
    };
    const context = await signedInContext('user_e2e_other');
    const page = await context.newPage();
    // Typing the code by hand, loosely, works too.
    await page.goto(link.verificationUri);
    await page
      .getByLabel('Code shown in the app')
      .fill(link.userCode.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.getByRole('heading', { name: 'Sign-in denied' }).waitFor();
    const polled = await post('/api/v1/device-links/token', { deviceCode: link.deviceCode });
    expect(await polled.json()).toMatchObject({ error: { code: 'access_denied' } });

    await page.goto(`${origin}/activate?code=BCDF-GHJK`);
    // (Next.js's route announcer is an alert too: look in the page's main part.)
    expect(await page.locator('main [role="alert"]').textContent()).toContain(
      'not waiting for approval',
    );
    await page.goto(`${origin}/dashboard`);
    expect(await page.getByText('No devices are signed in yet').count()).toBe(1);
    expect(await page.getByText('Studio Mac').count()).toBe(0);
    await context.close();
  });

  it('explains what to configure when the server has no accounts, and the rest still works', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context);
    for (const path of ['/dashboard', '/activate?code=BCDF-GHJK', '/sign-in']) {
      const response = await page.goto(`${originWithoutAccounts}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent(), path).toBe(
        'Accounts are not set up on this server',
      );
      expect(await page.getByText('NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY').count(), path).toBe(1);
    }
    const home = await page.goto(`${originWithoutAccounts}/`);
    expect(home?.status()).toBe(200);
    expect(home?.headers()['content-security-policy']).not.toContain('clerk');
    // No release repository configured: the download page says so.
    await page.goto(`${originWithoutAccounts}/download`);
    expect(await page.getByRole('status').textContent()).toContain('No release has been published');
    expect(problems).toEqual([]);
    // Nothing on the server called Clerk, which is not configured here.
    expect(outputWithoutAccounts()).not.toMatch(/Error|⨯/);
    await context.close();
  });
});
