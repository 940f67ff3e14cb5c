import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fieldErrorsFromZod } from '../core';
import {
  browserSessionConfigSchema,
  browserViewSecurityConfigSchema,
  defaultWorkspaceStore,
  serviceConfigSchema,
  workspacePermissionSchema,
  workspaceServiceSchema,
  workspaceStoreSchema,
} from './schemas';

const now = '2026-11-24T10:00:00.000Z';
const service = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'slack',
  name: 'Slack',
  url: 'https://app.slack.com/client',
  createdAt: now,
  ...extra,
});
const workspace = (id: string, services: unknown[] = [], extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Work',
  services,
  createdAt: now,
  ...extra,
});
const store = (workspaces: unknown[], extra: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  workspaces,
  ...extra,
});

function codes(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? []
    : fieldErrorsFromZod(parsed.error).map((error) => `${error.field}:${error.code}`);
}

describe('workspace documents', () => {
  it('an empty store has safe defaults', () => {
    expect(defaultWorkspaceStore()).toEqual({
      schemaVersion: 1,
      workspaces: [],
      activeWorkspaceId: null,
      settings: {
        theme: 'system',
        launchAtLogin: false,
        startMinimized: false,
        showInTray: true,
        defaultIsolation: 'shared',
        spellcheck: { enabled: true, languages: [] },
        hardwareAcceleration: true,
        // Saved to the downloads folder without asking, as browsers do by default.
        downloads: { askWhereToSave: false },
        // Daily, kept a week, without sign-ins: small enough to be on by default.
        backups: { automatic: true, intervalHours: 24, keep: 7, includeBrowserSessions: false },
        errorReports: { share: false },
        updates: { enabled: true, channel: 'stable', checkIntervalHours: 6 },
      },
    });
  });

  it('fills service and workspace defaults, with hibernation on', () => {
    const parsed = workspaceStoreSchema.parse(store([workspace('w1', [service('s1')])]));
    const [first] = parsed.workspaces;
    expect(first?.color).toBe('#4f46e5');
    expect(first?.settings).toEqual({
      hibernation: { enabled: true, idleMinutes: 15, maxLiveViews: 6, memoryBudgetMb: 1500 },
      notifications: { enabled: true },
      doNotDisturb: { enabled: false },
    });
    expect(first?.services[0]).toMatchObject({
      isolation: 'shared',
      persistSession: true,
      clearOnExit: false,
      notifications: { enabled: true, muted: false, showBadge: true },
      hibernation: { keepAlive: false },
      permissions: [],
    });
  });

  it('refuses duplicate ids and dangling active references, naming the field', () => {
    expect(
      codes(
        workspaceStoreSchema,
        store(
          [
            workspace('w1', [service('s1')], { activeServiceId: 'nope' }),
            workspace('w1', [service('s1')]),
          ],
          { activeWorkspaceId: 'missing' },
        ),
      ),
    ).toEqual([
      'workspaces.0.activeServiceId:ACTIVE_SERVICE_MISSING',
      'workspaces.1.id:WORKSPACE_ID_DUPLICATE',
      'workspaces.1.services.0.id:SERVICE_ID_DUPLICATE',
      'activeWorkspaceId:ACTIVE_WORKSPACE_MISSING',
    ]);
  });

  it('refuses unsafe or unclean stored values', () => {
    expect(
      codes(
        workspaceStoreSchema,
        store([
          workspace('w1', [
            service('s1', { url: 'javascript:alert(1)' }),
            service('s2', { name: 'Sl\u202Eack' }),
            service('s3', { customColor: 'blue' }),
            service('s4', { url: 'http://example.com' }),
          ]),
        ]),
      ),
    ).toEqual([
      'workspaces.0.services.0.url:URL_INVALID',
      'workspaces.0.services.1.name:NAME_INVALID',
      'workspaces.0.services.2.customColor:COLOR_INVALID',
      'workspaces.0.services.3.url:URL_INVALID',
    ]);
  });

  it('keeps http services on the private network and unknown service types', () => {
    const parsed = workspaceStoreSchema.safeParse(
      store([
        workspace('w1', [service('s1', { type: 'retired-service', url: 'http://nas:5000/' })]),
      ]),
    );
    expect(parsed.success).toBe(true);
  });

  it('accepts an emoji or two letters as a workspace icon, nothing longer', () => {
    const withIcon = (icon: string) =>
      workspaceStoreSchema.safeParse(store([workspace('w1', [], { icon })])).success;
    expect(withIcon('🚀')).toBe(true);
    expect(withIcon('AB')).toBe(true);
    expect(withIcon(' ')).toBe(false);
    expect(withIcon('ABCDE')).toBe(false);
  });

  it('refuses unknown keys, so a typo is not silently dropped', () => {
    expect(codes(workspaceStoreSchema, store([], { theme: 'dark' }))).toEqual([
      ':INVALID_UNRECOGNIZED_KEYS',
    ]);
  });

  it('remembers permission grants with Electron permission names only', () => {
    const grant = { permission: 'notifications', decision: 'granted', decidedAt: now };
    expect(workspaceServiceSchema.safeParse(service('s', { permissions: [grant] })).success).toBe(
      true,
    );
    expect(
      workspaceServiceSchema.safeParse(
        service('s', { permissions: [{ ...grant, permission: 'camera' }] }),
      ).success,
    ).toBe(false);
  });
});

describe('the seed’s configuration documents', () => {
  it('ServiceConfig requires a clean name and a safe URL', () => {
    expect(
      serviceConfigSchema.safeParse({
        name: 'X',
        url: 'https://x.io/',
        type: 'custom-template',
        isolation: 'shared',
      }).success,
    ).toBe(true);
    expect(
      serviceConfigSchema.safeParse({
        name: 'X',
        url: 'file:///x',
        type: 'custom-template',
        isolation: 'shared',
      }).success,
    ).toBe(false);
  });

  it('BrowserViewSecurityConfig cannot express an unsafe view', () => {
    const safe = {
      id: 'v1',
      workspaceId: 'w1',
      serviceId: 's1',
      isolation: 'shared',
      webSecurity: true,
      nodeIntegration: false,
      contextIsolation: true,
      sandbox: true,
      allowedOrigins: ['https://app.slack.com'],
    };
    expect(browserViewSecurityConfigSchema.parse(safe)).toMatchObject({
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      blockedUrls: [],
    });
    for (const [key, unsafe] of [
      ['webSecurity', false],
      ['nodeIntegration', true],
      ['contextIsolation', false],
      ['sandbox', false],
      ['allowRunningInsecureContent', true],
      ['experimentalFeatures', true],
    ] as const) {
      const result = browserViewSecurityConfigSchema.safeParse({ ...safe, [key]: unsafe });
      expect(result.success, key).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([key]);
    }
  });

  it('BrowserSessionConfig accepts only partition names Flow Desk makes', () => {
    const config = { workspaceId: 'w1', serviceId: 's1', persistSession: true, clearOnExit: false };
    expect(
      browserSessionConfigSchema.safeParse({ ...config, sessionPartition: 'persist:ws-w1' })
        .success,
    ).toBe(true);
    expect(
      browserSessionConfigSchema.safeParse({ ...config, sessionPartition: 'persist:default' })
        .success,
    ).toBe(false);
  });

  it('WorkspacePermission allows everything unless a policy says otherwise', () => {
    expect(workspacePermissionSchema.parse({ workspaceId: 'w1' })).toEqual({
      workspaceId: 'w1',
      canModify: true,
      canDelete: true,
      canAddServices: true,
      canRemoveServices: true,
    });
  });
});
