import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applyImport,
  exportWorkspaceConfig,
  previewImport,
  workspaceConfigDocumentSchema,
} from './config-document';
import { workspaceStoreSchema } from './schemas';
import type { WorkspaceStore } from './schemas';

const createdAt = '2026-11-24T10:00:00.000Z';
function store(): WorkspaceStore {
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
          {
            id: 's1',
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/',
            createdAt,
            isolation: 'isolated',
            proxy: {
              mode: 'custom',
              protocol: 'http',
              host: 'proxy.example.com',
              port: 3128,
              username: 'jane',
              passwordStored: true,
            },
            permissions: [
              { permission: 'notifications', decision: 'granted', decidedAt: createdAt },
            ],
          },
        ],
      },
      { id: 'w2', name: 'Home', createdAt },
    ],
  });
}

type Document = z.output<typeof workspaceConfigDocumentSchema>;
const parseExport = (text: string) => JSON.parse(text) as Document;

const exported = (source = store(), workspaceIds?: string[]) =>
  JSON.stringify(
    exportWorkspaceConfig(source, {
      appVersion: '0.1.0',
      now: new Date('2026-12-01T10:00:00.000Z'),
      ...(workspaceIds ? { workspaceIds } : {}),
    }),
  );

function preview(text: string, target = store()) {
  const result = previewImport(text, target);
  if (!result.ok) throw result.error;
  return result.value;
}

describe('exportWorkspaceConfig', () => {
  it('writes a versioned document without permission answers or device secrets', () => {
    const document = parseExport(exported());
    expect(document).toMatchObject({
      format: 'flowdesk-workspaces',
      formatVersion: 1,
      appVersion: '0.1.0',
    });
    const slack = document.workspaces[0]!.services[0]!;
    expect(slack.permissions).toEqual([]);
    expect(slack.proxy).toMatchObject({ mode: 'custom', username: 'jane', passwordStored: false });
    expect(document.workspaces[0]!.activeServiceId).toBeNull();
    expect(parseExport(exported(store(), ['w2'])).workspaces.map((w) => w.id)).toEqual(['w2']);
  });

  it('publishes a JSON Schema generated from the zod schema (docs/formats)', () => {
    const path = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      'docs',
      'formats',
      'workspaces.schema.json',
    );
    const generated = `${JSON.stringify(
      {
        title: 'Flow Desk workspace export',
        ...z.toJSONSchema(workspaceConfigDocumentSchema, { io: 'input', unrepresentable: 'any' }),
      },
      null,
      2,
    )}\n`;
    // FLOWDESK_WRITE_SCHEMAS=1 npm test -w shared rewrites it after a schema change.
    if (process.env.FLOWDESK_WRITE_SCHEMAS === '1') writeFileSync(path, generated);
    expect(readFileSync(path, 'utf8')).toBe(generated);
  });
});

describe('previewImport', () => {
  it('finds no conflict in an empty profile, and one per workspace that meets an existing one', () => {
    const empty = workspaceStoreSchema.parse({ schemaVersion: 1 });
    expect(preview(exported(), empty).conflicts).toEqual([]);
    const renamedHome = store();
    renamedHome.workspaces[1]!.id = 'w9';
    const found = preview(exported(), renamedHome);
    expect(found.conflicts).toEqual([
      { kind: 'same-id', workspaceId: 'w1', name: 'Work', existingName: 'Work' },
      { kind: 'same-name', workspaceId: 'w2', name: 'Home', existingId: 'w9' },
    ]);
    expect(found.knownAddresses).toEqual([
      { workspaceId: 'w1', serviceId: 's1', url: 'https://app.slack.com/', inWorkspace: 'Work' },
    ]);
  });

  it.each([
    ['{', 'IMPORT_NOT_JSON'],
    ['{"format":"something-else"}', 'IMPORT_NOT_AN_EXPORT'],
    ['{"format":"flowdesk-workspaces","formatVersion":2}', 'IMPORT_FROM_NEWER_VERSION'],
    ['{"format":"flowdesk-workspaces","formatVersion":1,"workspaces":"x"}', 'IMPORT_INVALID'],
  ])('refuses %s with %s', (text, code) => {
    const result = previewImport(text, store());
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('names the field of an invalid address', () => {
    const document = parseExport(exported());
    document.workspaces[0]!.services[0]!.url = 'javascript:alert(1)';
    const result = previewImport(JSON.stringify(document), store());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IMPORT_INVALID');
      expect(result.error.message).toContain('(workspaces.0.services.0.url)');
      expect(result.error.details).toMatchObject({
        fields: [{ field: 'workspaces.0.services.0.url', code: 'URL_INVALID' }],
      });
    }
  });

  it('refuses 10,000 services with one clear message, and a document too large to read', () => {
    const document = parseExport(exported());
    const first = document.workspaces[0]!;
    document.workspaces = [
      { ...first, services: Array.from({ length: 10_000 }, () => first.services[0]!) },
    ];
    const result = previewImport(JSON.stringify(document), store());
    expect(!result.ok && result.error.code).toBe('IMPORT_TOO_LARGE');
    expect(!result.ok && result.error.message).toContain('10000 services');
    const huge = previewImport(' '.repeat(50 * 1024 * 1024 + 1), store());
    expect(!huge.ok && huge.error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('refuses a document that repeats an id', () => {
    const document = parseExport(exported());
    document.workspaces[1]!.id = 'w1';
    const result = previewImport(JSON.stringify(document), store());
    expect(!result.ok && result.error.message).toContain('same id twice');
  });
});

describe('applyImport', () => {
  let next = 0;
  const makeId = () => `new-${++next}`;

  it('duplicates, replaces or skips each conflicting workspace as chosen, and says what it did', () => {
    const current = store();
    current.workspaces[0]!.name = 'Work (old)';
    const plan = preview(exported(), current);
    const result = applyImport(plan, current, { w1: 'replace', w2: 'skip' }, makeId);
    expect(result.replaced).toEqual([{ workspaceId: 'w1', name: 'Work', services: 1 }]);
    expect(result.skipped).toEqual([{ workspaceId: 'w2', name: 'Home' }]);
    expect(result.added).toEqual([]);
    expect(result.workspaces.map((w) => [w.id, w.name])).toEqual([
      ['w1', 'Work'],
      ['w2', 'Home'],
    ]);
    // Replaced in place: same id (so the same sessions), original creation time.
    expect(result.workspaces[0]!.createdAt).toBe(createdAt);

    const duplicated = applyImport(plan, current, {}, makeId);
    expect(duplicated.added.map((a) => a.name)).toEqual(['Work', 'Home']);
    expect(duplicated.workspaces).toHaveLength(4);
    const copy = duplicated.workspaces[2]!;
    expect(copy.id).not.toBe('w1');
    expect(copy.services[0]!.id).not.toBe('s1');
    expect(
      workspaceStoreSchema.safeParse({ schemaVersion: 1, workspaces: duplicated.workspaces })
        .success,
    ).toBe(true);
  });

  it('adds workspaces without conflict as they are', () => {
    const empty = workspaceStoreSchema.parse({ schemaVersion: 1 });
    const result = applyImport(preview(exported(), empty), empty, {}, makeId);
    expect(result.added.map((a) => a.workspaceId)).toEqual(['w1', 'w2']);
  });

  it('replaces a same-name workspace under its own id', () => {
    const current = store();
    current.workspaces[1]!.id = 'w9';
    const result = applyImport(
      preview(exported(), current),
      current,
      { w2: 'replace', w1: 'skip' },
      makeId,
    );
    expect(result.replaced).toEqual([{ workspaceId: 'w9', name: 'Home', services: 0 }]);
  });
});
