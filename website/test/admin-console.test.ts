import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { testClerk } from './clerk-session';
import { deliverClerkEvents, organizationSeedEvents } from './clerk-webhooks';
import type { TestClerk, TestOrganizationClaim } from './clerk-session';
import { startWebsite } from './next-process';

/**
 * The enterprise admin console (issue 10) under `next start`, driven in Chromium with Clerk
 * session cookies that carry an organization: an administrator authors a policy with a
 * preview, assigns a seat and reads the audit log; a member is refused the same pages and the
 * admin API, and the refusal is in the log.
 */

const folder = mkdtempSync(join(tmpdir(), 'flowdesk-admin-'));
const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const ORG = 'org_console';
const ADMIN: TestOrganizationClaim = { id: ORG, role: 'admin' };
const MEMBER: TestOrganizationClaim = { id: ORG, role: 'member' };
let origin = '';
let stop: () => Promise<void> = () => Promise.resolve();
let clerk: TestClerk;
let browser: Browser;

beforeAll(async () => {
  clerk = await testClerk();
  const website = await startWebsite({
    ...clerk.settings,
    FLOWDESK_DATA_DIR: join(folder, 'pglite'),
    CLERK_WEBHOOK_SIGNING_SECRET: WEBHOOK_SECRET,
  });
  origin = website.origin;
  stop = website.stop;
  browser = await launchChromium();
  await deliverClerkEvents(
    origin,
    WEBHOOK_SECRET,
    organizationSeedEvents({ id: ORG, name: 'Console Co', slug: 'console' }, [
      {
        userId: 'user_console_admin',
        email: 'grace@console.test',
        role: 'org:admin',
        firstName: 'Grace',
        lastName: 'Admin',
      },
      {
        userId: 'user_console_member',
        email: 'alan@console.test',
        role: 'org:member',
        firstName: 'Alan',
        lastName: 'Member',
      },
    ]),
  );
});

afterAll(async () => {
  await browser?.close();
  await stop();
  rmSync(folder, { recursive: true, force: true });
});

async function pageAs(
  userId: string,
  organization: TestOrganizationClaim,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext();
  await context.addCookies(
    (await clerk.sessionCookies(userId, origin, organization)).map((cookie) => ({
      ...cookie,
      url: origin,
    })),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Clerk's own script cannot load here (its host is never contacted): that is expected.
    if (message.type() === 'error' && !message.location().url.includes('clerk.flowdesk.test')) {
      problems.push(`console: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page, problems };
}

describe('the enterprise admin console', () => {
  it('lets an administrator preview and save a policy, then shows it', async () => {
    const { context, page, problems } = await pageAs('user_console_admin', ADMIN);
    await page.goto(`${origin}/dashboard/admin`);
    expect(await page.getByTestId('role').textContent()).toBe('Administrator');
    await page
      .getByRole('navigation', { name: 'Organization administration' })
      .getByRole('link', { name: 'Policies' })
      .click();
    await page.getByText('No policies yet').waitFor();

    const form = page.getByRole('form', { name: 'New policy' });
    await form.getByLabel('Policy id').fill('approved-apps');
    await form.getByLabel('Name').fill('Approved apps');
    await form.getByLabel('Enforcement').selectOption('strict');
    await form.getByLabel('Never these services').check();
    await form.getByRole('combobox', { name: 'Never these services' }).fill('discord, tiktok');
    await form.getByLabel('Minimum app version').check();
    await form.getByRole('textbox', { name: 'Minimum app version' }).fill('1.4');
    await form.getByRole('button', { name: 'Save policy' }).click();
    // A bad value is named, and nothing is saved.
    await form
      .getByRole('alert')
      .getByText('Use a version like 1.4.0.', { exact: false })
      .waitFor();

    await form.getByRole('textbox', { name: 'Minimum app version' }).fill('1.4.0');
    await form.getByRole('button', { name: 'Preview' }).click();
    const preview = form.getByTestId('policy-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Discord: blocked');

    await form.getByRole('button', { name: 'Save policy' }).click();
    await form.getByText('Saved as version 1.').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: /Approved apps/ }).waitFor();
    expect(await page.getByText('Never discord, tiktok').count()).toBe(1);
    expect(await page.getByText('Flow Desk 1.4.0 or newer').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('assigns a seat and records it in the audit log', async () => {
    const { context, page, problems } = await pageAs('user_console_admin', ADMIN);
    await page.goto(`${origin}/dashboard/admin/seats`);
    expect(await page.getByTestId('seat-count').textContent()).toBe('0 of 5 seats assigned.');
    await page.getByRole('button', { name: 'Give Alan Member a seat' }).click();
    await expect
      .poll(() => page.getByTestId('seat-count').textContent())
      .toBe('1 of 5 seats assigned.');
    await page.goto(`${origin}/dashboard/admin/audit?type=seat.`);
    const rows = page.getByRole('row', { name: /seat\.assigned/ });
    expect(await rows.count()).toBe(1);
    expect(await rows.getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['user_console_admin', 'seat.assigned', 'user user_console_member']),
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a member the admin pages and API, and audits the attempt', async () => {
    const { context, page } = await pageAs('user_console_member', MEMBER);
    await page.goto(`${origin}/dashboard/admin`);
    const nav = page.getByRole('navigation', { name: 'Organization administration' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Overview', 'Policies']);
    await page.goto(`${origin}/dashboard/admin/seats`);
    expect(await page.getByTestId('refused').textContent()).toBe(
      'Your role in this organization cannot see its seats. Ask an administrator.',
    );
    // Members may read the policies that apply to them, not change them.
    await page.goto(`${origin}/dashboard/admin/policies`);
    await page.getByRole('heading', { name: /Approved apps/ }).waitFor();
    expect(await page.getByRole('form', { name: 'New policy' }).count()).toBe(0);
    await context.close();

    const call = async (organization: TestOrganizationClaim, userId: string) =>
      fetch(`${origin}/api/v1/admin/seats`, {
        headers: {
          authorization: `Bearer ${await clerk.sessionToken(userId, origin, organization)}`,
        },
      });
    expect((await call(MEMBER, 'user_console_member')).status).toBe(403);
    const allowed = await call(ADMIN, 'user_console_admin');
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ plan: 'team', seats: 5 });
    expect((await fetch(`${origin}/api/v1/admin/seats`)).status).toBe(401);

    const audit = await fetch(
      `${origin}/api/v1/admin/audit/export?format=json&type=admin.forbidden`,
      {
        headers: {
          authorization: `Bearer ${await clerk.sessionToken('user_console_admin', origin, ADMIN)}`,
        },
      },
    );
    const exported = (await audit.json()) as {
      events: { actorId: string; metadata: { wanted: string } }[];
    };
    expect(exported.events.map((event) => [event.actorId, event.metadata.wanted])).toEqual(
      expect.arrayContaining([['user_console_member', 'seats:read']]),
    );
  });
});
