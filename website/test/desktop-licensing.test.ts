import { randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LicenseClient, LicenseManager } from '@flowdesk/shared/licensing';
import type { LicenseChange, LicenseKeySet } from '@flowdesk/shared/licensing';
import { memoryLicenseSecrets } from '@flowdesk/shared/licensing/testing';
import { launchChromium } from './browser';
import { testClerk } from './clerk-session';
import type { TestClerk } from './clerk-session';
import { startWebsite } from './next-process';

/**
 * The desktop app's licensing module, run under Node against the real website (`next start`,
 * PGlite) as issue 7 asks: a device-link sign-in approved in Chromium by a user with a locally
 * minted Clerk session, refreshes, a sign-out on the website's dashboard that the next refresh
 * turns into fallback, and the website going away: grace, then fallback at the token's expiry.
 */

const DAY = 86_400_000;
const folder = mkdtempSync(join(tmpdir(), 'flowdesk-desktop-licensing-'));
let clerk: TestClerk;
let browser: Browser;
let origin = '';
let stopWebsite: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  clerk = await testClerk();
  ({ origin, stop: stopWebsite } = await startWebsite({
    ...clerk.settings,
    FLOWDESK_DATA_DIR: join(folder, 'pglite'),
  }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stopWebsite();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * One installation: the license manager with memory for its keyring and files. A phone is
 * configured as the mobile app configures it: iOS, signatures checked by @noble/curves.
 */
async function desktop(deviceName: string, kind: 'computer' | 'phone' = 'computer') {
  let offset = 0;
  const opened: string[] = [];
  const audits: LicenseChange[] = [];
  let record: string | undefined;
  const client = new LicenseClient({ siteUrl: origin, timeoutMs: 5_000 });
  // A development build trusting this computer's website explicitly (FLOWDESK_DEV_LICENSE_SITE).
  const keys: LicenseKeySet = await client.publishedKeys();
  const manager = new LicenseManager({
    client,
    verification: {
      keys,
      issuer: origin,
      ...(kind === 'phone'
        ? {
            ed25519Verify: (signature: Uint8Array, message: Uint8Array, key: Uint8Array) =>
              ed25519.verify(signature, message, key),
          }
        : {}),
    },
    device: {
      deviceFingerprintHash: randomBytes(32).toString('hex'),
      deviceName,
      platform: kind === 'phone' ? 'ios' : 'linux',
      appVersion: '0.1.0',
    },
    secrets: memoryLicenseSecrets(),
    recordFile: {
      read: () => record,
      write: (text) => {
        record = text;
      },
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve({ ok: true, value: null });
    },
    audit: (change) => audits.push(change),
    onChange: () => undefined,
    clock: () => Date.now() + offset,
    // The schedule is the unit tests' business: here the test says when to check.
    timers: { set: () => 0, clear: () => undefined },
  });
  await manager.start();
  return {
    manager,
    opened,
    audits,
    later: (ms: number) => {
      offset += ms;
    },
  };
}

/** Approves the device link the app opened, as `userId` signed in on the website. */
async function approveInBrowser(url: string, userId: string) {
  const context = await browser.newContext();
  await context.addCookies(
    (await clerk.sessionCookies(userId, origin)).map((cookie) => ({ ...cookie, url: origin })),
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Approve this device' }).click();
  await page.getByRole('heading', { name: 'Device approved' }).waitFor();
  return { context, page };
}

describe('the apps’ licensing against the real website', () => {
  it('signs a phone in as the mobile app does, with signatures checked without WebCrypto', async () => {
    const phone = await desktop('Integration iPhone', 'phone');
    const started = await phone.manager.startSignIn();
    expect(started.ok).toBe(true);
    const { context } = await approveInBrowser(phone.opened[0]!, 'user_mobile_phone');
    await vi.waitFor(() => expect(phone.manager.snapshot().state.status).toBe('active'), {
      timeout: 30_000,
      interval: 250,
    });
    phone.later(DAY);
    await phone.manager.checkNow();
    expect(phone.manager.snapshot()).toMatchObject({
      state: { status: 'active' },
      claims: { sub: 'user_mobile_phone' },
    });
    expect(phone.manager.snapshot().problem).toBeUndefined();
    expect(await phone.manager.signOut()).toEqual({
      ok: true,
      value: { deactivatedOnWebsite: true },
    });
    await context.close();
    phone.manager.stop();
  });

  it('signs in, refreshes, falls back when signed out on the website, and rides out an outage until expiry', async () => {
    // Sign-in: the app opens the website's page; the user approves it in the browser.
    const laptop = await desktop('Integration laptop');
    expect(laptop.manager.snapshot().state.status).toBe('unlicensed');
    const started = await laptop.manager.startSignIn();
    expect(started.ok && started.value.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(laptop.opened).toHaveLength(1);
    expect(laptop.opened[0]).toMatch(new RegExp(`^${origin}/activate\\?code=`));
    const browserSession = await approveInBrowser(laptop.opened[0]!, 'user_desktop_laptop');
    await vi.waitFor(() => expect(laptop.manager.snapshot().state.status).toBe('active'), {
      timeout: 30_000,
      interval: 250,
    });
    expect(laptop.manager.snapshot()).toMatchObject({
      state: { effectivePlan: 'free' },
      claims: { sub: 'user_desktop_laptop' },
    });

    // A refresh a day later goes to the website and comes back active.
    laptop.later(DAY);
    expect(laptop.manager.snapshot().state.status).toBe('due');
    await laptop.manager.checkNow();
    expect(laptop.manager.snapshot()).toMatchObject({ state: { status: 'active' } });
    expect(laptop.manager.snapshot().problem).toBeUndefined();

    // A second computer, another account, signed in before the website goes away.
    const desk = await desktop('Integration desktop');
    await desk.manager.startSignIn();
    const deskSession = await approveInBrowser(desk.opened[0]!, 'user_desktop_desk');
    await vi.waitFor(() => expect(desk.manager.snapshot().state.status).toBe('active'), {
      timeout: 30_000,
      interval: 250,
    });

    // The laptop is signed out on the website's dashboard: its next refresh means fallback.
    const { page } = browserSession;
    await page.goto(`${origin}/dashboard`);
    await page.getByRole('button', { name: 'Sign out Integration laptop' }).click();
    await page.getByText('Signed-out devices (1)').waitFor();
    await laptop.manager.checkNow();
    expect(laptop.manager.snapshot()).toMatchObject({
      state: { status: 'revoked', effectivePlan: 'free', revokedCode: 'ACTIVATION_REVOKED' },
    });
    expect(laptop.audits.map((change) => change.to)).toEqual(['active', 'revoked']);
    await browserSession.context.close();
    await deskSession.context.close();

    // The website goes away: the desktop keeps its plan through the grace period, then falls back.
    await stopWebsite();
    desk.later(DAY + 60_000);
    await desk.manager.checkNow();
    expect(desk.manager.snapshot()).toMatchObject({
      state: { status: 'grace', daysLeft: 14 },
      problem: { code: 'LICENSE_SERVER_UNREACHABLE' },
    });
    const expiresAt = (desk.manager.snapshot().claims?.exp ?? 0) * 1000;
    desk.later(expiresAt - (Date.now() + DAY + 60_000) - 60_000);
    expect(desk.manager.snapshot().state.status).toBe('grace');
    desk.later(120_000);
    expect(desk.manager.snapshot().state).toMatchObject({
      status: 'expired',
      effectivePlan: 'free',
    });
  });
});
