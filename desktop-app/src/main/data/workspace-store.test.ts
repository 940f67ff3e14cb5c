import {
  mkdirSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultWorkspaceStore, workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { readTextFile, writeFileAtomic } from './atomic-file';
import { WorkspaceStoreRepository } from './workspace-store';

const now = '2026-11-24T10:00:00.000Z';
const service = (id: string, extra: object = {}) => ({
  id,
  type: 'slack',
  name: 'Slack',
  url: 'https://app.slack.com/client',
  createdAt: now,
  ...extra,
});
const workspace = (id: string, services: unknown[] = []) => ({
  id,
  name: `Workspace ${id}`,
  services,
  createdAt: now,
});
const storeWith = (...workspaces: unknown[]): WorkspaceStore =>
  workspaceStoreSchema.parse({
    schemaVersion: 1,
    workspaces,
    activeWorkspaceId: (workspaces[0] as { id?: string } | undefined)?.id ?? null,
  });

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'flowdesk-store-'));
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

const repository = () => new WorkspaceStoreRepository(directory, () => new Date(now));
const files = () => readdirSync(directory).sort();

describe('WorkspaceStoreRepository', () => {
  it('starts empty on first run and writes nothing until something is saved', () => {
    expect(repository().load()).toEqual({
      store: defaultWorkspaceStore(),
      notices: [],
      readOnly: false,
    });
    expect(files()).toEqual([]);
  });

  it('saves atomically, keeps a last good copy, and loads it back', () => {
    const store = storeWith(workspace('w1', [service('s1')]));
    const first = repository();
    first.load();
    expect(first.save(store)).toEqual({ ok: true, value: undefined });
    expect(files()).toEqual(['workspaces.json', 'workspaces.last-good.json']);
    expect(repository().load()).toEqual({ store, notices: [], readOnly: false });
  });

  it('refuses to save a store that would not load again', () => {
    const repo = repository();
    repo.load();
    const broken = { ...storeWith(), activeWorkspaceId: 'missing' } as WorkspaceStore;
    const result = repo.save(broken);
    expect(!result.ok && result.error.code).toBe('STORE_INVALID');
    expect(files()).toEqual([]);
  });

  it('restores the last good copy when the file is not JSON any more, keeping the damaged file', () => {
    const good = storeWith(workspace('w1', [service('s1')]), workspace('w2'));
    const repo = repository();
    repo.load();
    repo.save(good);
    writeFileSync(join(directory, 'workspaces.json'), '{"schemaVersion": 1, "workspa');
    const loaded = repository().load();
    expect(loaded.store).toEqual(good);
    expect(loaded.notices).toHaveLength(1);
    expect(loaded.notices[0]).toMatchObject({
      code: 'STORE_RECOVERED',
      level: 'warning',
      details: { source: 'snapshot', workspaces: 2 },
    });
    const damaged = files().find((name) => name.startsWith('workspaces.damaged-'));
    expect(damaged).toBe('workspaces.damaged-2026-11-24T10-00-00-000Z.json');
    expect(readFileSync(join(directory, damaged!), 'utf8')).toBe('{"schemaVersion": 1, "workspa');
    expect(repository().load().notices).toEqual([]);
  });

  it('salvages what still parses when there is no good copy, and says what was lost', () => {
    writeFileSync(
      join(directory, 'workspaces.json'),
      JSON.stringify({
        schemaVersion: 1,
        activeWorkspaceId: 'w9',
        workspaces: [
          workspace('w1', [service('s1'), service('s2', { url: 'javascript:alert(1)' })]),
          { id: 'BAD ID', name: 'x' },
          workspace('w2', [service('s1')]),
          workspace('w1'),
        ],
        settings: { theme: 'neon' },
      }),
    );
    const loaded = repository().load();
    expect(loaded.store.workspaces.map((w) => [w.id, w.services.map((s) => s.id)])).toEqual([
      ['w1', ['s1']],
      ['w2', []],
    ]);
    expect(loaded.store.activeWorkspaceId).toBe('w1');
    expect(loaded.store.settings.theme).toBe('system');
    expect(loaded.notices[0]).toMatchObject({
      code: 'STORE_RECOVERED',
      details: { source: 'salvage', lostWorkspaces: 2, lostServices: 2 },
    });
    expect(loaded.notices[0]?.message).toMatch(/restored the parts that could still be read/);
    expect(repository().load().store).toEqual(loaded.store);
  });

  it('starts empty, but says so and keeps the file, when nothing can be recovered', () => {
    writeFileSync(join(directory, 'workspaces.json'), '[]');
    const loaded = repository().load();
    expect(loaded.store).toEqual(defaultWorkspaceStore());
    expect(loaded.notices[0]?.message).toMatch(
      /restored an empty start; the damaged file was kept as/,
    );
    expect(files().some((name) => name.startsWith('workspaces.damaged-'))).toBe(true);
  });

  it('restores the last good copy when the file disappeared', () => {
    const good = storeWith(workspace('w1'));
    const repo = repository();
    repo.load();
    repo.save(good);
    rmSync(join(directory, 'workspaces.json'));
    const loaded = repository().load();
    expect(loaded.store).toEqual(good);
    expect(loaded.notices[0]?.code).toBe('STORE_RESTORED_FROM_SNAPSHOT');
    expect(existsSync(join(directory, 'workspaces.json'))).toBe(true);
  });

  it('never overwrites a file written by a newer version', () => {
    const newer = JSON.stringify({ schemaVersion: 99, workspaces: [{ future: true }] });
    writeFileSync(join(directory, 'workspaces.json'), newer);
    const repo = repository();
    const loaded = repo.load();
    expect(loaded.readOnly).toBe(true);
    expect(loaded.notices[0]).toMatchObject({ code: 'STORE_TOO_NEW', level: 'error' });
    expect(loaded.notices[0]?.message).toMatch(/Update Flow Desk/);
    const saved = repo.save(defaultWorkspaceStore());
    expect(!saved.ok && saved.error.code).toBe('STORE_READ_ONLY');
    expect(readFileSync(join(directory, 'workspaces.json'), 'utf8')).toBe(newer);
  });

  it('does not touch a file it cannot read', () => {
    // A directory in its place cannot be read as a file, even by root (unlike permissions).
    mkdirSync(join(directory, 'workspaces.json'));
    const loaded = repository().load();
    expect(loaded).toMatchObject({ readOnly: true, notices: [{ code: 'STORE_UNREADABLE' }] });
  });

  it('reports a write that fails instead of throwing', () => {
    const repo = repository();
    repo.load();
    // A directory where the snapshot file should go makes the write fail.
    rmSync(directory, { recursive: true });
    writeFileSync(directory, 'not a directory');
    const result = repo.save(storeWith());
    expect(!result.ok && result.error.code).toBe('STORE_WRITE_FAILED');
    rmSync(directory);
  });
});

describe('atomic files', () => {
  it('writes whole files and tells missing from unreadable', () => {
    const path = join(directory, 'a.json');
    expect(readTextFile(path)).toEqual({ kind: 'missing' });
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, 'two');
    expect(readTextFile(path)).toEqual({ kind: 'text', text: 'two' });
    expect(files()).toEqual(['a.json']);
    expect(readTextFile(directory).kind).toBe('unreadable');
    expect(() => writeFileAtomic(join(directory, 'missing-dir', 'x.json'), 'x')).toThrow();
    // Renaming over a non-empty directory fails: the temporary file must not be left behind.
    mkdirSync(join(directory, 'taken', 'inside'), { recursive: true });
    expect(() => writeFileAtomic(join(directory, 'taken'), 'x')).toThrow();
    expect(files()).toEqual(['a.json', 'taken']);
  });
});
