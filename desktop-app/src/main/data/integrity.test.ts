import { describe, expect, it } from 'vitest';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { applyRepairs, validateWorkspaceIntegrity } from './integrity';

const createdAt = '2026-11-24T10:00:00.000Z';
const now = new Date('2026-12-01T10:00:00.000Z');

function healthy(): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        activeServiceId: 's1',
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
          {
            id: 's3',
            type: 'notion',
            name: 'Notion',
            url: 'https://www.notion.so/',
            createdAt,
            persistSession: false,
          },
        ],
      },
    ],
  });
}

describe('validateWorkspaceIntegrity', () => {
  it('finds nothing wrong with a consistent profile', () => {
    const report = validateWorkspaceIntegrity({
      store: healthy(),
      partitionFolders: ['ws-w1', 'svc-s2'],
      audit: { w1: { valid: true, checkedEntries: 12 } },
      now,
    });
    expect(report).toEqual({
      valid: true,
      checkedAt: now.toISOString(),
      workspaces: 1,
      services: 3,
      issues: [],
    });
  });

  it('reports each problem with the repair that can be offered', () => {
    const store = healthy();
    store.workspaces.push({ ...structuredClone(store.workspaces[0]!), name: 'Copy' });
    store.workspaces[0]!.activeServiceId = 'gone';
    store.activeWorkspaceId = 'nope';
    const report = validateWorkspaceIntegrity({
      store,
      partitionFolders: ['ws-w1', 'svc-old', 'Crashpad', 'ws-removed'],
      audit: {
        w1: {
          valid: false,
          checkedEntries: 3,
          firstProblem: { sequence: 2, kind: 'hash-mismatch', message: 'edited' },
        },
      },
      now,
    });
    expect(report.valid).toBe(false);
    const codes = report.issues.map((issue) => `${issue.severity}:${issue.code}`);
    expect(codes).toEqual([
      'warning:DANGLING_ACTIVE_SERVICE',
      'error:DUPLICATE_WORKSPACE_ID',
      'error:DUPLICATE_SERVICE_ID',
      'error:DUPLICATE_SERVICE_ID',
      'error:DUPLICATE_SERVICE_ID',
      'warning:DANGLING_ACTIVE_WORKSPACE',
      'warning:ORPHAN_PARTITION',
      'warning:ORPHAN_PARTITION',
      'info:PARTITION_NOT_CREATED',
      'error:AUDIT_CHAIN_BROKEN',
      'error:AUDIT_CHAIN_BROKEN',
    ]);
    expect(report.issues.find((issue) => issue.code === 'ORPHAN_PARTITION')?.repair).toEqual({
      kind: 'remove-orphan-partition',
      folder: 'svc-old',
    });
    expect(report.issues.at(-1)?.message).toContain('at entry 2');
  });

  it('only notes services that were never opened', () => {
    const report = validateWorkspaceIntegrity({
      store: healthy(),
      partitionFolders: [],
      audit: {},
      now,
    });
    expect(report.valid).toBe(true);
    expect(report.issues.map((issue) => issue.code)).toEqual([
      'PARTITION_NOT_CREATED',
      'PARTITION_NOT_CREATED',
    ]);
  });
});

describe('applyRepairs', () => {
  it('leaves a store whose report is clean after the offered repairs', () => {
    const store = healthy();
    store.workspaces.push({ ...structuredClone(store.workspaces[0]!), name: 'Copy' });
    store.workspaces[0]!.activeServiceId = 'gone';
    store.activeWorkspaceId = 'nope';
    const report = validateWorkspaceIntegrity({ store, partitionFolders: [], audit: {}, now });
    let next = 0;
    const repaired = applyRepairs(
      store,
      report.issues.flatMap((issue) => (issue.repair ? [issue.repair] : [])),
      () => `fixed-${++next}`,
    );
    const again = validateWorkspaceIntegrity({
      store: repaired,
      partitionFolders: [],
      audit: {},
      now,
    });
    expect(again.issues.filter((issue) => issue.severity !== 'info')).toEqual([]);
    expect(repaired.activeWorkspaceId).toBe('w1');
    expect(repaired.workspaces[0]!.activeServiceId).toBeNull();
    expect(workspaceStoreSchema.safeParse(repaired).success).toBe(true);
    // The original is untouched.
    expect(store.activeWorkspaceId).toBe('nope');
  });

  it('resets the active workspace to none in an empty profile', () => {
    const empty = { ...workspaceStoreSchema.parse({ schemaVersion: 1 }), activeWorkspaceId: 'w1' };
    expect(applyRepairs(empty, [{ kind: 'reset-active-workspace' }]).activeWorkspaceId).toBeNull();
  });
});
