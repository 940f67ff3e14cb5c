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
    await page.evaluate(async () => {
      const test = (
        window as unknown as {
          flowdeskTest: { dispatch(channel: string, payload: unknown): Promise<unknown> };
        }
      ).flowdeskTest;
      await test.dispatch('workspaces:create', {
        name: 'Work',
        services: [{ type: 'slack' }, { type: 'github' }, { type: 'notion' }],
      });
      await test.dispatch('workspaces:create', { name: 'Home', services: [{ type: 'whatsapp' }] });
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
});
