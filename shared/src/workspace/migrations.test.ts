import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMigrations, runMigrations } from './migrations';
import { parseWorkspaceStore } from './store';

/** A made-up document that went through three formats, to prove the runner. */
const schemaV3 = z.strictObject({
  schemaVersion: z.literal(3),
  title: z.string(),
  tags: z.array(z.string()),
});

const migrations = defineMigrations([
  {
    from: 2,
    to: 3,
    describe: 'split the comma-separated tags',
    migrate: ({ tags, ...rest }) => ({ ...rest, tags: String(tags).split(',') }),
  },
  {
    from: 1,
    to: 2,
    describe: 'rename name to title',
    migrate: ({ name, ...rest }) => ({ ...rest, title: name }),
  },
]);

const run = (document: unknown) =>
  runMigrations(document, {
    migrations,
    currentVersion: 3,
    schema: schemaV3,
    what: 'The test file',
  });

describe('runMigrations', () => {
  it('applies the steps in order and validates the result', () => {
    const original = { schemaVersion: 1, name: 'Notes', tags: 'a,b' };
    expect(run(original)).toEqual({
      ok: true,
      value: {
        value: { schemaVersion: 3, title: 'Notes', tags: ['a', 'b'] },
        applied: ['rename name to title', 'split the comma-separated tags'],
        fromVersion: 1,
      },
    });
    expect(original).toEqual({ schemaVersion: 1, name: 'Notes', tags: 'a,b' });
  });

  it('applies nothing to a current document', () => {
    const result = run({ schemaVersion: 3, title: 'x', tags: [] });
    expect(result.ok && result.value.applied).toEqual([]);
  });

  it.each([
    [null, 'SCHEMA_VERSION_MISSING'],
    [[], 'SCHEMA_VERSION_MISSING'],
    [{ title: 'x' }, 'SCHEMA_VERSION_MISSING'],
    [{ schemaVersion: '1' }, 'SCHEMA_VERSION_MISSING'],
    [{ schemaVersion: 0 }, 'SCHEMA_VERSION_MISSING'],
    [{ schemaVersion: 4 }, 'SCHEMA_TOO_NEW'],
    [{ schemaVersion: 3, title: 1 }, 'MIGRATION_RESULT_INVALID'],
  ])('refuses %j with %s', (document, code) => {
    const result = run(document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('tells the user to update when the file is newer, and leaves it alone', () => {
    const result = run({ schemaVersion: 9 });
    expect(!result.ok && result.error.message).toMatch(
      /newer version of Flow Desk .* Update Flow Desk/,
    );
  });

  it('reports a missing step and a failing step, keeping the cause', () => {
    const gap = runMigrations(
      { schemaVersion: 1 },
      { migrations: [], currentVersion: 2, schema: schemaV3, what: 'X' },
    );
    expect(!gap.ok && gap.error.code).toBe('MIGRATION_GAP');
    const boom = new Error('boom');
    const failing = runMigrations(
      { schemaVersion: 1 },
      {
        migrations: defineMigrations([
          {
            from: 1,
            to: 2,
            describe: 'explode',
            migrate: () => {
              throw boom;
            },
          },
        ]),
        currentVersion: 2,
        schema: schemaV3,
        what: 'X',
      },
    );
    expect(!failing.ok && failing.error.code).toBe('MIGRATION_FAILED');
    expect(!failing.ok && failing.error.cause).toBe(boom);
  });

  it('refuses badly defined migration lists', () => {
    const step = { describe: 's', migrate: (d: Record<string, unknown>) => d };
    expect(() => defineMigrations([{ ...step, from: 1, to: 3 }])).toThrow(
      expect.objectContaining({ code: 'MIGRATION_DEFINITION_INVALID' }),
    );
    expect(() =>
      defineMigrations([
        { ...step, from: 1, to: 2 },
        { ...step, from: 1, to: 2 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'MIGRATION_DEFINITION_INVALID' }));
  });
});

describe('parseWorkspaceStore', () => {
  it('reads a current store and names the first damaged field', () => {
    expect(parseWorkspaceStore({ schemaVersion: 1 }).ok).toBe(true);
    const damaged = parseWorkspaceStore({ schemaVersion: 1, workspaces: [{ id: 'BAD' }] });
    expect(!damaged.ok && damaged.error.code).toBe('MIGRATION_RESULT_INVALID');
    expect(!damaged.ok && damaged.error.message).toMatch(
      /^Your workspaces file is damaged \(workspaces\.0\./,
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ schemaVersion: fc.constantFrom(1, 2, 0, '1'), workspaces: fc.anything() }),
        ),
        (document) => {
          expect(typeof parseWorkspaceStore(document).ok).toBe('boolean');
        },
      ),
    );
  });
});
