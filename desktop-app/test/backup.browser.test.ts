import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Cookie } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { applyPendingSessions } from '../src/main/data/backup/pending-sessions';
import type { BackedUpCookie } from '../src/main/data/backup/session-cookies';
import { WorkspaceBackups } from '../src/main/data/backup/workspace-backups';
import type { SessionArchive } from '../src/main/data/backup/workspace-backups';
import { WorkspaceManager } from '../src/main/data/workspace-manager';
import { CHROMIUM_PATH } from './support/chromium-view-host';

/**
 * The backup's promise, in real Chromium: sign in to a local site (an HttpOnly session cookie
 * from the server, a token the page keeps in localStorage), back up, then on a fresh profile —
 * another computer — restore and start again: still signed in. Chromium's persistent profile
 * stands in for an Electron partition (same cookie API, same Local Storage files).
 */

const PASSPHRASE = 'restore me on the new laptop';
let site: { origin: string; close(): Promise<void> };
const roots: string[] = [];

beforeAll(async () => {
  const sessions = new Set<string>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const cookie = /(?:^|;\s*)sid=([a-z0-9-]+)/.exec(request.headers.cookie ?? '')?.[1];
    if (url.pathname === '/login') {
      const sid = `session-${sessions.size + 1}`;
      sessions.add(sid);
      response.writeHead(200, {
        'Content-Type': 'text/html',
        'Set-Cookie': `sid=${sid}; HttpOnly; Path=/; Max-Age=86400; SameSite=Lax`,
      });
      const token = (url.searchParams.get('token') ?? 't-123').replace(/[^a-z0-9-]/g, '');
      response.end(`<script>localStorage.setItem("token", "${token}")</script><p>welcome</p>`);
      return;
    }
    const signedIn = cookie !== undefined && sessions.has(cookie);
    response.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' });
    response.end(
      `<p id="server">${signedIn ? `signed in as ${cookie}` : 'signed out'}</p><p id="token"></p>` +
        '<script>document.getElementById("token").textContent = localStorage.getItem("token") || "no token"</script>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
});
afterAll(async () => {
  await site.close();
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
});

function temporary(label: string): string {
  const root = mkdtempSync(join(tmpdir(), `flowdesk-${label}-`));
  roots.push(root);
  return root;
}

const launch = (profile: string) =>
  chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true });

async function whatTheSiteSees(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto(`${site.origin}/app`);
  const seen = {
    server: await page.locator('#server').textContent(),
    token: await page.locator('#token').textContent(),
  };
  await page.close();
  return seen;
}

const SAME_SITE = { Lax: 'lax', Strict: 'strict', None: 'no_restriction' } as const;

function fromPlaywright(cookie: Cookie): BackedUpCookie {
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    hostOnly: !cookie.domain.startsWith('.'),
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    ...(cookie.expires > 0 ? { expirationDate: cookie.expires } : {}),
    sameSite: SAME_SITE[cookie.sameSite],
  };
}

function toPlaywright(cookie: BackedUpCookie) {
  const sameSite =
    cookie.sameSite === 'strict' ? 'Strict' : cookie.sameSite === 'no_restriction' ? 'None' : 'Lax';
  return {
    name: cookie.name,
    value: cookie.value,
    domain: cookie.domain,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    expires: cookie.expirationDate ?? -1,
    sameSite,
  } as const;
}

const createdAt = '2026-12-01T10:00:00.000Z';

function storeFor(origin: string): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        services: [
          { id: 's1', type: 'custom-template', name: 'Intranet', url: `${origin}/app`, createdAt },
        ],
      },
    ],
  });
}

/** The computer a backup is restored on: no workspaces yet, and a browser profile of its own. */
function newComputer(profile: string, browser: BrowserContext) {
  const workspaces = new WorkspaceManager(workspaceStoreSchema.parse({ schemaVersion: 1 }), {
    repository: { save: () => ok(undefined) },
  });
  const pending = join(profile, 'pending-sessions');
  const backups = new WorkspaceBackups({
    directory: join(profile, 'backups'),
    appVersion: '0.1.0',
    store: () => workspaces.store,
    restoreWorkspaces: (restored, options) => {
      const result = workspaces.restoreWorkspaces(restored, options);
      if (!result.ok) throw result.error;
    },
    sessions: {
      partitionDirectory: () => join(profile, 'Default'),
      pendingDirectory: (partition) => join(pending, partition.replace(/^persist:/, '')),
      quiesce: () => Promise.resolve(),
      readCookies: async () => (await browser.cookies()).map(fromPlaywright),
      writeCookies: (_partition, cookies) => browser.addCookies(cookies.map(toPlaywright)),
      clearCookies: () => browser.clearCookies(),
    },
  });
  return { workspaces, backups, pending };
}

describe('backup and restore of a signed-in service, in Chromium', () => {
  it('is still signed in on a new profile after restoring, and not without it', async () => {
    // The first computer: sign in.
    const profileA = temporary('profile-a');
    const contextA = await launch(profileA);
    const login = await contextA.newPage();
    await login.goto(`${site.origin}/login`);
    await login.close();
    expect(await whatTheSiteSees(contextA)).toEqual({
      server: 'signed in as session-1',
      token: 't-123',
    });

    let cookiesA: BackedUpCookie[] = [];
    const archiveA: SessionArchive = {
      // Chromium's default profile plays the workspace's partition.
      partitionDirectory: () => join(profileA, 'Default'),
      pendingDirectory: () => join(profileA, 'unused'),
      // Asleep: the cookies are read through the API, then the browser closes its files.
      quiesce: async () => {
        cookiesA = (await contextA.cookies()).map(fromPlaywright);
        await contextA.close();
      },
      readCookies: () => Promise.resolve(cookiesA),
      writeCookies: () => Promise.resolve(),
      clearCookies: () => Promise.resolve(),
    };
    const backupsA = new WorkspaceBackups({
      directory: join(profileA, 'backups'),
      appVersion: '0.1.0',
      store: () => storeFor(site.origin),
      restoreWorkspaces: () => undefined,
      sessions: archiveA,
    });
    const made = await backupsA.create({
      includeBrowserSessions: true,
      protection: { method: 'passphrase', passphrase: PASSPHRASE },
    });
    expect(made.metadata.includesBrowserSessions).toBe(true);

    // A new computer: the backup file copied over, an empty profile, no workspaces.
    const profileB = temporary('profile-b');
    const before = await launch(profileB);
    expect(await whatTheSiteSees(before)).toEqual({ server: 'signed out', token: 'no token' });
    mkdirSync(join(profileB, 'backups'));
    copyFileSync(
      join(profileA, 'backups', made.fileName),
      join(profileB, 'backups', made.fileName),
    );
    const { workspaces: workspacesB, backups: backupsB, pending } = newComputer(profileB, before);
    const restored = await backupsB.restore({
      backupId: made.backupId,
      passphrase: PASSPHRASE,
      mode: 'replace',
    });
    expect(restored.restartNeeded).toBe(true);
    expect(workspacesB.store.workspaces.map((workspace) => workspace.name)).toEqual(['Work']);
    // The sign-in cookie is back at once.
    expect((await whatTheSiteSees(before)).server).toBe('signed in as session-1');

    // Start again: the staged Local Storage goes in place before the browser opens the profile.
    await before.close();
    expect(await applyPendingSessions(pending, () => join(profileB, 'Default'))).toEqual(['ws-w1']);
    const after = await launch(profileB);
    try {
      expect(await whatTheSiteSees(after)).toEqual({
        server: 'signed in as session-1',
        token: 't-123',
      });
    } finally {
      await after.close();
    }
  });

  it('restores a full backup plus an incremental one to the later sign-in', async () => {
    const profileA = temporary('profile-a');
    let contextA = await launch(profileA);
    const signIn = async (query: string) => {
      const page = await contextA.newPage();
      await page.goto(`${site.origin}/login${query}`);
      await page.close();
    };
    await signIn('?token=first');
    let cookiesA: BackedUpCookie[] = [];
    const backupsA = new WorkspaceBackups({
      directory: join(profileA, 'backups'),
      appVersion: '0.1.0',
      store: () => storeFor(site.origin),
      restoreWorkspaces: () => undefined,
      sessions: {
        partitionDirectory: () => join(profileA, 'Default'),
        pendingDirectory: () => join(profileA, 'unused'),
        quiesce: async () => {
          cookiesA = (await contextA.cookies()).map(fromPlaywright);
          await contextA.close();
        },
        readCookies: () => Promise.resolve(cookiesA),
        writeCookies: () => Promise.resolve(),
        clearCookies: () => Promise.resolve(),
      },
    });
    const protection = { method: 'passphrase', passphrase: PASSPHRASE } as const;
    const full = await backupsA.create({ includeBrowserSessions: true, protection });

    // A day later: signed in again (a new session and a new token), then an incremental backup.
    contextA = await launch(profileA);
    const firstSession = (await whatTheSiteSees(contextA)).server;
    await signIn('?token=second');
    const later = await whatTheSiteSees(contextA);
    expect(later.token).toBe('second');
    expect(later.server).toMatch(/^signed in as /);
    expect(later.server).not.toBe(firstSession);
    const incremental = await backupsA.create({
      type: 'incremental',
      includeBrowserSessions: true,
      protection,
    });
    expect(incremental.metadata).toMatchObject({ type: 'incremental', parentId: full.backupId });
    expect(incremental.metadata.size).toBeLessThan(full.metadata.size);

    // The new computer: both files, a restore of the newest, a restart.
    const profileB = temporary('profile-b');
    const browserB = await launch(profileB);
    mkdirSync(join(profileB, 'backups'));
    for (const made of [full, incremental]) {
      copyFileSync(
        join(profileA, 'backups', made.fileName),
        join(profileB, 'backups', made.fileName),
      );
    }
    const { workspaces: workspacesB, backups: backupsB, pending } = newComputer(profileB, browserB);
    await backupsB.restore({
      backupId: incremental.backupId,
      passphrase: PASSPHRASE,
      mode: 'replace',
    });
    // Identical documents and cookies.
    expect(workspacesB.store.workspaces).toEqual(storeFor(site.origin).workspaces);
    expect((await browserB.cookies()).map(fromPlaywright)).toEqual(cookiesA);
    await browserB.close();
    expect(await applyPendingSessions(pending, () => join(profileB, 'Default'))).toEqual(['ws-w1']);
    const after = await launch(profileB);
    try {
      expect(await whatTheSiteSees(after)).toEqual(later);
    } finally {
      await after.close();
    }
  });
});
