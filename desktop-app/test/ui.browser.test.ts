import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/chromium-view-host';
import { buildHarness, serveHarness } from './support/harness-build';

/**
 * The app UI end to end in headless Chromium: the built renderer with window.flowdesk served by
 * the in-page stand-in (the same handlers as the main process, see ipc-contract.test.ts).
 */

let browser: Browser;
let harness: { url: string; close(): Promise<void> };

beforeAll(async () => {
  await buildHarness();
  [browser, harness] = await Promise.all([launchChromium(), serveHarness()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function openApp(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.url);
  await page.getByText('Create a workspace to start').waitFor();
  return { page, errors };
}

/** Sends a request to the in-page stand-in, as the main process would receive it. */
async function dispatchInPage(page: Page, channel: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, request]) =>
      (
        window as unknown as {
          flowdeskTest: { dispatch(channel: unknown, payload: unknown): Promise<unknown> };
        }
      ).flowdeskTest.dispatch(name, request),
    [channel, payload] as const,
  );
}

describe('the app UI', () => {
  it('creates a workspace and adds a service from the catalog', async () => {
    const { page, errors } = await openApp();
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByLabel('Workspace name').fill('Work');
    await page.getByLabel('Workspace name').press('Enter');
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.getByLabel('Search services').fill('slack');
    await page.getByRole('button', { name: 'Slack', exact: true }).click();
    await page
      .getByRole('button', { name: /^Slack/ })
      .first()
      .waitFor();
    const services = await page.evaluate(() =>
      (
        window as unknown as {
          flowdeskTest: {
            workspaces: { store: { workspaces: { services: { type: string }[] }[] } };
          };
        }
      ).flowdeskTest.workspaces.store.workspaces[0]?.services.map((service) => service.type),
    );
    expect(services).toEqual(['slack']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows why a custom address is refused, then accepts a good one', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByLabel('Workspace name').fill('Tools');
    await page.getByLabel('Workspace name').press('Enter');
    await page.getByLabel('Any web app address').fill('ftp://files.example.org');
    await page.getByLabel('Any web app address').press('Enter');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('"ftp:" addresses cannot be opened as a service');
    await page.getByLabel('Any web app address').fill('wiki.example.org');
    await page.getByLabel('Any web app address').press('Enter');
    await page.getByRole('button', { name: /^wiki\.example\.org/ }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('switches between system, light and dark themes, and remembers the choice', async () => {
    const { page } = await openApp();
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe('system');
    await page.getByRole('button', { name: 'Theme: System' }).click();
    await expect.poll(theme, { timeout: 10_000 }).toBe('light');
    await page.getByRole('button', { name: 'Theme: Light' }).click();
    await expect.poll(theme, { timeout: 10_000 }).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(15, 23, 42)');
    const stored = await page.evaluate(
      () =>
        (
          window as unknown as {
            flowdeskTest: { workspaces: { store: { settings: { theme: string } } } };
          }
        ).flowdeskTest.workspaces.store.settings.theme,
    );
    expect(stored).toBe('dark');
    await page.close();
  });

  it('has no serious accessibility violations (axe-core)', async () => {
    const { page } = await openApp();
    await page.getByRole('button', { name: 'New workspace' }).click();
    await page.getByLabel('Workspace name').fill('Work');
    await page.getByLabel('Workspace name').press('Enter');
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string | null }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map(
        (violation) => `${violation.impact ?? 'unknown'}: ${violation.id}`,
      );
    });
    expect(violations.filter((violation) => /^(serious|critical)/.test(violation))).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/workspace.png' });
    await page.close();
  });

  it('switches services by shortcut and by the quick switcher', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }, { type: 'github' }, { type: 'notion' }],
    });
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Home',
      services: [{ type: 'whatsapp' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    const activeService = () =>
      page.evaluate(() => {
        const test = (
          window as unknown as {
            flowdeskTest: {
              views: { activeService: string | undefined };
              workspaces: { findService(id: string): { service: { type: string } } | undefined };
            };
          }
        ).flowdeskTest;
        const id = test.views.activeService;
        return id ? test.workspaces.findService(id)?.service.type : undefined;
      });
    await page.keyboard.press('Control+2');
    await expect.poll(activeService, { timeout: 10_000 }).toBe('github');
    await page.keyboard.press('Control+Shift+Digit2');
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
    await dialog.waitFor();
    await page.keyboard.type('notn');
    await expect
      .poll(() => dialog.getByRole('option').first().textContent(), { timeout: 10_000 })
      .toContain('Notion');
    await page.keyboard.press('Enter');
    await expect.poll(activeService, { timeout: 10_000 }).toBe('notion');
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    await page.close();
  });

  it('asks before a service uses the camera, and remembers "always allow"', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    // The page keeps the pending answer: an evaluate awaiting it would hold up the clicks below.
    await page.evaluate(() => {
      const scope = window as unknown as {
        flowdeskTest: {
          workspaces: { store: { workspaces: { services: { id: string }[] }[] } };
          askPermission(serviceId: string, permission: string, origin: string): Promise<boolean>;
        };
        pendingAnswer?: Promise<boolean>;
      };
      const serviceId = scope.flowdeskTest.workspaces.store.workspaces[0]!.services[0]!.id;
      scope.pendingAnswer = scope.flowdeskTest.askPermission(
        serviceId,
        'media',
        'https://app.slack.com',
      );
    });
    const prompt = page.getByRole('alertdialog', { name: 'Permission request' });
    await prompt.waitFor({ timeout: 8000 });
    await page.screenshot({ path: 'test-results/screenshots/permission-prompt.png' });
    expect(await prompt.textContent()).toContain(
      'Slack (https://app.slack.com) wants to use your camera or microphone.',
    );
    await prompt.getByRole('button', { name: 'Always allow' }).click({ timeout: 8000 });
    expect(
      await page.evaluate(
        () => (window as unknown as { pendingAnswer: Promise<boolean> }).pendingAnswer,
      ),
    ).toBe(true);
    expect(await prompt.count()).toBe(0);
    const listed = (await dispatchInPage(page, 'permissions:list', {})) as {
      value: { grant: { permission: string; decision: string } }[];
    };
    const grants = listed.value.map((entry) => `${entry.grant.permission}:${entry.grant.decision}`);
    expect(grants).toEqual(['media:granted']);
    await page.close();
  });

  it('deletes a workspace only after a confirmation that names what goes', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Old project',
      services: [{ type: 'slack' }, { type: 'trello' }],
    });
    await page.getByRole('heading', { name: 'Old project' }).waitFor();
    await page.getByRole('button', { name: 'Delete workspace…' }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Delete Old project' });
    expect(await confirmation.textContent()).toContain('Delete Old project and its 2 services?');
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { name: 'Old project' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete workspace…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete Old project' }).click();
    await page.getByText('Create a workspace to start').waitFor();
    await page.close();
  });
});
