import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { RequiredSettings } from '@flowdesk/shared/policy';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '@flowdesk/shared/core';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { WorkspaceBackups } from './backup/workspace-backups';
import { WorkspaceDataManager } from './workspace-data-manager';
import { WorkspaceManager } from './workspace-manager';
import type { StoreNotice } from './workspace-store';

const createdAt = '2026-11-24T10:00:00.000Z';
const directories: string[] = [];
afterEach(() => directories.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function seeded(): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        services: [
          { id: 's1', type: 'slack', name: 'Slack', url: 'https://app.slack.com/', createdAt },
          {
            id: 's2',
            type: 'github',
            name: 'GitHub',
            url: 'https://github.com/',
            createdAt,
            isolation: 'isolated',
          },
          { id: 's3', type: 'notion', name: 'Notion', url: 'https://www.notion.so/', createdAt },
        ],
      },
    ],
  });
}

function setup(
  options: {
    mayBackUpSessions?: () => boolean;
    policy?: { required: () => RequiredSettings };
  } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'flowdesk-data-'));
  directories.push(root);
  const paths = {
    dataDirectory: join(root, 'data'),
    backupsDirectory: join(root, 'data', 'backups'),
    partitionsDirectory: join(root, 'Partitions'),
    logsDirectory: join(root, 'logs'),
  };
  mkdirSync(paths.dataDirectory, { recursive: true });
  let next = 0;
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  const workspaces = new WorkspaceManager(seeded(), {
    repository: { save: () => ok(undefined) },
    newId: () => `new-${++next}`,
  });
  const backups = new WorkspaceBackups({
    directory: paths.backupsDirectory,
    appVersion: '0.1.0',
    store: () => workspaces.store,
    restoreWorkspaces: (restored, options) => {
      const result = workspaces.restoreWorkspaces(restored, options);
      if (!result.ok) throw result.error;
    },
    now: () => new Date(clock),
    newId: () => `op-${++next}`,
  });
  const cleared: string[][] = [];
  let importFile: string | undefined;
  const data = new WorkspaceDataManager({
    workspaces,
    backups,
    audit: { verify: () => Promise.resolve({ valid: true, checkedEntries: 0 }) },
    paths,
    appVersion: '0.1.0',
    clearPartitions: (partitions) => {
      cleared.push(partitions);
      return Promise.resolve();
    },
    dialogs: {
      chooseExportPath: (name) => Promise.resolve(join(root, name)),
      chooseImportFile: () => Promise.resolve(importFile),
      chooseBackupFile: () => Promise.resolve(undefined),
      chooseBackupCopyPath: () => Promise.resolve(undefined),
    },
    ...options,
    now: () => new Date(clock),
    newId: () => `import-${++next}`,
  });
  return {
    root,
    paths,
    workspaces,
    backups,
    data,
    cleared,
    importing: (text: string) => {
      importFile = join(root, 'import.json');
      writeFileSync(importFile, text);
    },
    advanceHours: (hours: number) => {
      clock += hours * 3_600_000;
    },
  };
}

describe('WorkspaceDataManager', () => {
  it('backs up the workspaces file as it was before an update converted it', async () => {
    const { data, backups, workspaces, root } = setup();
    const before = JSON.stringify({
      schemaVersion: 1,
      workspaces: [{ id: 'old', name: 'Before the update', createdAt }],
    });
    const previousFile = join(root, 'workspaces.before-v1.json');
    writeFileSync(previousFile, before);
    const notices: StoreNotice[] = [
      {
        code: 'STORE_MIGRATED',
        level: 'info',
        message: 'converted',
        details: { fromVersion: 1, steps: [], previousFile },
      },
    ];
    expect(await data.backupBeforeMigration([])).toBeUndefined();
    const made = await data.backupBeforeMigration(notices);
    expect(made?.metadata).toMatchObject({
      retentionPolicy: 'safety-snapshot',
      storeSchemaVersion: 1,
      encryption: { method: 'none' },
    });
    await backups.restore({ backupId: made!.backupId, mode: 'replace' });
    expect(workspaces.findWorkspace('old')?.name).toBe('Before the update');
  });

  it('makes scheduled backups only when the settings ask for them', async () => {
    const { data, workspaces, advanceHours } = setup();
    expect((await data.runScheduledBackup()).created?.metadata.retentionPolicy).toBe('scheduled');
    workspaces.updateSettings({ backups: { automatic: false } });
    advanceHours(48);
    expect(await data.runScheduledBackup()).toEqual({ deleted: [] });
  });

  it('leaves sign-ins out of scheduled backups when the plan does not include them', async () => {
    let paid = false;
    const { data, workspaces, backups, advanceHours } = setup({ mayBackUpSessions: () => paid });
    // Only what is asked of the backups module matters here (this setup has no browser sessions).
    const runSchedule = vi.spyOn(backups, 'runSchedule').mockResolvedValue({ deleted: [] });
    workspaces.updateSettings({ backups: { includeBrowserSessions: true } });
    await data.runScheduledBackup();
    expect(runSchedule).toHaveBeenLastCalledWith(
      expect.objectContaining({ includeBrowserSessions: false }),
    );
    paid = true;
    advanceHours(25);
    await data.runScheduledBackup();
    expect(runSchedule).toHaveBeenLastCalledWith(
      expect.objectContaining({ includeBrowserSessions: true }),
    );
  });

  it('follows the organization’s backup policies: no sign-ins, and no unattended backup when a passphrase is required', async () => {
    const required: RequiredSettings = {
      clearSessionsOnExit: false,
      backupsNeedPassphrase: false,
      noSessionsInBackups: true,
      setBy: ['Data rules'],
    };
    const { data, workspaces, backups, advanceHours } = setup({
      policy: { required: () => required },
    });
    const runSchedule = vi.spyOn(backups, 'runSchedule').mockResolvedValue({ deleted: [] });
    workspaces.updateSettings({ backups: { includeBrowserSessions: true } });
    await data.runScheduledBackup();
    expect(runSchedule).toHaveBeenLastCalledWith(
      expect.objectContaining({ includeBrowserSessions: false }),
    );
    required.backupsNeedPassphrase = true;
    advanceHours(25);
    expect(await data.runScheduledBackup()).toEqual({ deleted: [] });
    expect(runSchedule).toHaveBeenCalledTimes(1);
  });

  it('cleans up old logs and expired backups and counts the bytes', async () => {
    const { data, paths, workspaces, backups, advanceHours } = setup();
    mkdirSync(paths.logsDirectory, { recursive: true });
    const oldLog = join(paths.logsDirectory, 'main.1.jsonl');
    writeFileSync(oldLog, 'x'.repeat(1000));
    const old = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(oldLog, old, old);
    writeFileSync(join(paths.logsDirectory, 'main.jsonl'), 'recent');
    writeFileSync(join(paths.logsDirectory, 'notes.txt'), 'not a log');
    await data.runScheduledBackup();
    advanceHours(25);
    await data.runScheduledBackup();
    // Fewer kept from now on: the older scheduled backup has expired.
    workspaces.updateSettings({ backups: { keep: 1 } });
    const [newest, older] = await backups.list();

    const result = await data.cleanup();
    expect(result.removed.map((item) => item.reason).sort()).toEqual(['expired-backup', 'old-log']);
    const backupBytes = result.removed.find((item) => item.reason === 'expired-backup')!.bytes;
    expect(backupBytes).toBeGreaterThan(older!.metadata.size);
    expect(result.bytesFreed).toBe(1000 + backupBytes);
    expect((await backups.list()).map((info) => info.backupId)).toEqual([newest!.backupId]);
  });

  it('signs a workspace out, or one service, clearing each session once', async () => {
    const { data, cleared } = setup();
    expect(await data.clearBrowserSessionData('w1')).toEqual({
      ok: true,
      value: { clearedPartitions: 2 },
    });
    expect(cleared[0]?.sort()).toEqual(['persist:svc-s2', 'persist:ws-w1']);
    await data.clearBrowserSessionData('w1', 's2');
    expect(cleared[1]).toEqual(['persist:svc-s2']);
    expect(await data.clearBrowserSessionData('nope')).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_NOT_FOUND' },
    });
  });

  it('imports with "replace" into the existing workspace, keeping its id and sessions', async () => {
    const { data, workspaces, root, importing } = setup();
    const exported = await data.exportConfig();
    if (!exported.ok) throw exported.error;
    workspaces.updateWorkspace({ workspaceId: 'w1', patch: { name: 'Renamed here' } });
    importing(readFileSync(join(root, exported.value.fileName), 'utf8'));
    const preview = await data.previewImport();
    if (!preview.ok) throw preview.error;
    expect(data.applyImport(preview.value.importId, { w1: 'replace' })).toMatchObject({
      ok: true,
      value: { replaced: [{ workspaceId: 'w1' }], added: [], skipped: [] },
    });
    expect(workspaces.store.workspaces.map((workspace) => workspace.name)).toEqual(['Work']);
    expect(workspaces.findWorkspace('w1')?.services.map((service) => service.id)).toEqual([
      's1',
      's2',
      's3',
    ]);
  });

  it('refuses bad imports with their own errors and changes nothing', async () => {
    const { data, workspaces, importing } = setup();
    const before = structuredClone(workspaces.store);
    const service = (index: number) => ({
      id: `s${index}`,
      type: 'custom-template',
      name: `S${index}`,
      url: `https://example.com/${index}`,
      createdAt,
    });
    const document = (workspaceList: unknown[]) =>
      JSON.stringify({
        format: 'flowdesk-workspaces',
        formatVersion: 1,
        exportedAt: createdAt,
        appVersion: '0.1.0',
        workspaces: workspaceList,
      });
    const cases: [string, string][] = [
      [
        document([
          {
            id: 'big',
            name: 'Big',
            createdAt,
            services: Array.from({ length: 10_000 }, (_, index) => service(index)),
          },
        ]),
        'IMPORT_TOO_LARGE',
      ],
      [
        document([
          {
            id: 'bad',
            name: 'Bad',
            createdAt,
            services: [{ ...service(1), url: 'javascript:alert(1)' }],
          },
        ]),
        'IMPORT_INVALID',
      ],
      ['{"format":"flowdesk-workspaces","formatVersion":99}', 'IMPORT_FROM_NEWER_VERSION'],
      ['not json', 'IMPORT_NOT_JSON'],
    ];
    for (const [text, code] of cases) {
      importing(text);
      expect(await data.previewImport()).toMatchObject({ ok: false, error: { code } });
    }
    importing('x'.repeat(51 * 1024 * 1024));
    expect(await data.previewImport()).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_TOO_LARGE' },
    });
    expect(workspaces.store).toEqual(before);
  });
});
