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

type TestWindow = {
  flowdeskTest: {
    workspaces: {
      store: {
        activeWorkspaceId: string | null;
        settings: { theme: string };
        workspaces: {
          id: string;
          name: string;
          services: { id: string; type: string; name: string; url: string }[];
        }[];
      };
      findService(id: string): { service: { type: string } } | undefined;
    };
    views: { activeService: string | undefined };
    askPermission(serviceId: string, permission: string, origin: string): Promise<boolean>;
    requestScreenShare(
      serviceId: string,
      audioRequested?: boolean,
    ): Promise<{ sourceId: string; audio: boolean } | undefined>;
    startDownload(
      serviceId: string,
      fileName: string,
      totalBytes?: number,
    ): { item: { progress(bytes: number): void }; complete(): void };
  };
  pendingAnswer?: Promise<boolean>;
  pendingShare?: Promise<{ sourceId: string; audio: boolean } | undefined>;
};

/** The stand-in's store, as the main process would hold it. */
function storeOf(page: Page) {
  return page.evaluate(() => (window as unknown as TestWindow).flowdeskTest.workspaces.store);
}

async function createWorkspace(page: Page, name: string) {
  await page.getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByLabel('Workspace name').fill(name);
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('heading', { name }).waitFor();
}

async function activeServiceNames(page: Page): Promise<string[]> {
  const store = await storeOf(page);
  return (
    store.workspaces
      .find((workspace) => workspace.id === store.activeWorkspaceId)
      ?.services.map((service) => service.name) ?? []
  );
}

async function scanWithAxe(page: Page): Promise<string[]> {
  // A script from the page's own origin: the app's CSP (which the harness applies) refuses inline.
  await page.addScriptTag({ url: `${harness.url}axe.min.js` });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string | null }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map(
      (violation) => `${violation.impact ?? 'unknown'}: ${violation.id}`,
    );
  });
  return violations.filter((violation) => /^(serious|critical)/.test(violation));
}

describe('the app UI', () => {
  it('creates a workspace and adds a service from the catalog', async () => {
    const { page, errors } = await openApp();
    await createWorkspace(page, 'Work');
    await page.getByRole('button', { name: '+ Add a service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service to Work' });
    // Browsing by category before searching.
    await dialog.getByRole('heading', { name: 'Communication' }).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/catalog.png' });
    await dialog.getByLabel('Search services').fill('slack');
    await dialog.getByRole('button', { name: 'Slack', exact: true }).click();
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^Slack, / }).waitFor();
    expect(await dialog.count()).toBe(0);
    const store = await storeOf(page);
    expect(store.workspaces[0]?.services.map((service) => service.type)).toEqual(['slack']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the problem with a custom address as it is typed, keeps the input, then adds a good one', async () => {
    const { page } = await openApp();
    await createWorkspace(page, 'Tools');
    await page.getByRole('button', { name: '+ Add a service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service to Tools' });
    await dialog.getByRole('button', { name: /^Custom service/ }).click();
    const address = dialog.getByLabel('Address');
    await address.fill('ftp://files.example.org');
    await expect
      .poll(() => dialog.locator('.field.invalid').first().textContent(), { timeout: 10_000 })
      .toContain('"ftp:" addresses cannot be opened as a service');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    // Refused before anything was sent; nothing typed is lost.
    expect(await address.inputValue()).toBe('ftp://files.example.org');
    expect(await activeServiceNames(page)).toEqual([]);
    await address.fill('wiki.example.org');
    await dialog.getByLabel('Name').fill('Team wiki');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: /^Team wiki, / }).waitFor();
    const store = await storeOf(page);
    expect(store.workspaces[0]?.services[0]?.url).toBe('https://wiki.example.org/');
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
    expect((await storeOf(page)).settings.theme).toBe('dark');
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }, { type: 'github' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.screenshot({ path: 'test-results/screenshots/dark.png' });
    expect(await scanWithAxe(page)).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violations on its main screens (axe-core)', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }, { type: 'github' }, { type: 'notion' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/workspace.png' });

    await page.getByRole('button', { name: '+ Add a service' }).click();
    await page.getByRole('dialog', { name: 'Add a service to Work' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'General' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/settings.png' });
    for (const section of [
      'Performance',
      'Notifications',
      'Privacy',
      'Audit log',
      'Backups',
      'Your data',
      'License',
    ]) {
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('button', { name: section })
        .click();
      await page.getByRole('region', { name: section, exact: true }).waitFor();
      // Every settings page with a form of its own is scanned.
      if (section === 'Backups' || section === 'Your data' || section === 'Privacy') {
        expect(await scanWithAxe(page), section).toEqual([]);
      }
    }
    expect(await scanWithAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Slack options' }).click();
    await page.getByRole('menu', { name: 'Slack options' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.getByRole('menuitem', { name: 'Settings…' }).click();
    await page.getByRole('heading', { name: 'Slack settings' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/service-settings.png' });
    await page.keyboard.press('Control+/');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // Downloads: one finished, one running, as a service page would start them.
    await page.evaluate(() => {
      const test = (window as unknown as TestWindow).flowdeskTest;
      const serviceId = test.workspaces.store.workspaces[0]?.services[0]?.id ?? '';
      test.startDownload(serviceId, 'minutes.pdf', 4000).complete();
      test.startDownload(serviceId, 'recording.mp4', 80_000_000);
    });
    await page.getByRole('button', { name: 'Downloads (1 in progress)' }).click();
    const downloads = page.getByRole('dialog', { name: 'Downloads' });
    await downloads.getByRole('progressbar', { name: 'recording.mp4 progress' }).waitFor();
    await downloads.getByRole('button', { name: 'Show in folder' }).waitFor();
    expect(await scanWithAxe(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/downloads.png' });
    await page.close();
  });

  it('switches services by shortcut, by recent order and by the quick switcher', async () => {
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
        const test = (window as unknown as TestWindow).flowdeskTest;
        const id = test.views.activeService;
        return id ? test.workspaces.findService(id)?.service.type : undefined;
      });
    await page.keyboard.press('Control+2');
    await expect.poll(activeService, { timeout: 10_000 }).toBe('github');
    await page.keyboard.press('Control+3');
    await expect.poll(activeService, { timeout: 10_000 }).toBe('notion');
    await page.keyboard.press('Control+Tab');
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
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('reorders services by dragging and by keyboard, and workspaces by keyboard', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }, { type: 'github' }, { type: 'notion' }],
    });
    await dispatchInPage(page, 'workspaces:create', { name: 'Home' });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    const row = (name: string) => page.locator('.service-row', { hasText: name });
    await row('Notion').dragTo(row('Slack'), { targetPosition: { x: 10, y: 2 } });
    await expect
      .poll(() => activeServiceNames(page), { timeout: 10_000 })
      .toEqual(['Notion', 'Slack', 'GitHub']);
    await page.getByRole('button', { name: /^Notion, / }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => activeServiceNames(page), { timeout: 10_000 })
      .toEqual(['Slack', 'Notion', 'GitHub']);
    await page.getByRole('button', { name: 'Home' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await storeOf(page)).workspaces.map((workspace) => workspace.name), {
        timeout: 10_000,
      })
      .toEqual(['Home', 'Work']);
    await page.close();
  });

  it('lets the user pick a window to share, with sound, or refuse with Escape', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    const askToShare = () =>
      page.evaluate(() => {
        const scope = window as unknown as TestWindow;
        const serviceId = scope.flowdeskTest.workspaces.store.workspaces[0]!.services[0]!.id;
        scope.pendingShare = scope.flowdeskTest.requestScreenShare(serviceId, true);
      });
    const shared = () => page.evaluate(() => (window as unknown as TestWindow).pendingShare);

    await askToShare();
    const picker = page.getByRole('alertdialog', { name: 'Slack wants to share your screen' });
    await picker.waitFor({ timeout: 8000 });
    expect(await picker.getByRole('radio').count()).toBe(3);
    // Pictures arrive and are drawn.
    await expect
      .poll(() =>
        picker
          .locator('img')
          .first()
          .evaluate((image) => (image as HTMLImageElement).naturalWidth),
      )
      .toBe(16);
    const share = picker.getByRole('button', { name: 'Share', exact: true });
    expect(await share.isDisabled()).toBe(true);
    expect(await scanWithAxe(page)).toEqual([]);
    // Keyboard: the first screen, then the arrow keys move through the choices.
    await picker.getByRole('radio', { name: /Built-in display/ }).check();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await picker.getByRole('radio', { name: /Quarterly review/ }).isChecked()).toBe(true);
    await picker.getByRole('checkbox', { name: "Share the computer's sound too" }).check();
    await page.screenshot({ path: 'test-results/screenshots/screen-share.png' });
    await share.click();
    expect(await shared()).toEqual({
      sourceId: 'window:4242:0',
      name: 'Quarterly review — Slides',
      audio: true,
    });
    expect(await picker.count()).toBe(0);

    await askToShare();
    await picker.waitFor({ timeout: 8000 });
    await page.keyboard.press('Escape');
    expect(await shared()).toBeUndefined();
    expect(await picker.count()).toBe(0);
    await page.close();
  });

  it('asks before a service uses the camera, remembers "always allow", and revokes it', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    // The page keeps the pending answer: an evaluate awaiting it would hold up the clicks below.
    await page.evaluate(() => {
      const scope = window as unknown as TestWindow;
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
    expect(await page.evaluate(() => (window as unknown as TestWindow).pendingAnswer)).toBe(true);
    expect(await prompt.count()).toBe(0);

    await page.getByRole('button', { name: /^Slack, / }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Settings…' }).click();
    const permissions = page.locator('.permissions');
    await expect
      .poll(() => permissions.textContent(), { timeout: 10_000 })
      .toContain('Camera and microphone: Allowed');
    await page.getByRole('button', { name: 'Forget the answer for Camera and microphone' }).click();
    await page.getByText('This service has not asked for any permission yet.').waitFor();
    const listed = (await dispatchInPage(page, 'permissions:list', {})) as { value: unknown[] };
    expect(listed.value).toEqual([]);
    await page.close();
  });

  it('deletes a workspace only after a confirmation that names what goes', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Old project',
      services: [{ type: 'slack' }, { type: 'trello' }],
    });
    await page.getByRole('heading', { name: 'Old project' }).waitFor();
    await page.getByRole('button', { name: 'Old project' }).focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Delete workspace…' }).click();
    const confirmation = page.getByRole('alertdialog', { name: 'Delete Old project' });
    const text = await confirmation.textContent();
    expect(text).toContain('Delete Old project and its 2 services?');
    expect(text).toContain('Services removed: Slack, Trello.');
    expect(text).toContain('make a backup first');
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('heading', { name: 'Old project' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Old project' }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete workspace…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete Old project' }).click();
    await page.getByText('Create a workspace to start').waitFor();
    await page.close();
  });

  it('finds in the open page, and says what to do when an action needs an open page', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }, { type: 'github' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.getByRole('button', { name: 'GitHub options' }).click();
    await page.getByRole('menuitem', { name: 'Print…' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 10_000 })
      .toContain('This service is asleep or not opened yet. Open it first');
    await page.getByRole('button', { name: /^Slack, / }).click();
    await page.keyboard.press('Control+f');
    const find = page.getByRole('search', { name: 'Find in page' });
    await find.getByRole('searchbox').fill('invoice');
    await expect
      .poll(() => find.locator('output').textContent(), { timeout: 10_000 })
      .toBe('1 of 3');
    await find.getByRole('searchbox').press('Enter');
    await expect
      .poll(() => find.locator('output').textContent(), { timeout: 10_000 })
      .toBe('2 of 3');
    await find.getByRole('searchbox').press('Escape');
    expect(await find.count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('locks the app behind a password and unlocks it only with the right one', async () => {
    const { page } = await openApp();
    await dispatchInPage(page, 'workspaces:create', {
      name: 'Work',
      services: [{ type: 'slack' }],
    });
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('button', { name: 'Privacy' })
      .click();
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByText('Use at least 8 characters.').waitFor();
    await page.getByLabel('New password', { exact: true }).fill('a long passphrase');
    await page.getByLabel('Repeat the new password').fill('a long passphrase');
    await page.getByRole('button', { name: 'Turn on app lock' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();
    const lockScreen = page.getByRole('form', { name: 'Flow Desk is locked' });
    await lockScreen.waitFor();
    expect(await page.getByRole('heading', { name: 'Work' }).count()).toBe(0);
    await page.screenshot({ path: 'test-results/screenshots/lock-screen.png' });
    await page.getByLabel('Password', { exact: true }).fill('a wrong guess');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect
      .poll(() => page.locator('#unlock-message').textContent(), { timeout: 10_000 })
      .not.toContain('Your workspaces are hidden');
    expect(await lockScreen.count()).toBe(1);
    await page.getByLabel('Password', { exact: true }).fill('a long passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Work' }).waitFor();
    await page.close();
  });
});
