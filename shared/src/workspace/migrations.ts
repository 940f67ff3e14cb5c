import type { z } from 'zod';
import { FlowDeskError, cloneJson, err, fieldErrorsFromZod, ok } from '../core';
import type { Result } from '../core';

/**
 * A generic, ordered runner of pure document migrations. A document carries `schemaVersion`;
 * each step turns version N into N+1 without side effects; the result must parse with the
 * current schema. Input is never mutated, so a failed migration leaves the original intact
 * for quarantine and retry.
 */

type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** One line a person reads in the log: what changed and why. */
  describe: string;
  migrate: (document: JsonObject) => JsonObject;
}

export interface MigrationOutcome<T> {
  value: T;
  /** The `describe` lines of the steps applied, in order. */
  applied: string[];
  fromVersion: number;
}

/** Checks a migration list once, at definition: consecutive single steps, no duplicates. */
export function defineMigrations(migrations: readonly Migration[]): readonly Migration[] {
  const sorted = [...migrations].sort((a, b) => a.from - b.from);
  sorted.forEach((migration, index) => {
    if (!Number.isInteger(migration.from) || migration.to !== migration.from + 1) {
      throw new FlowDeskError(
        'MIGRATION_DEFINITION_INVALID',
        `Migration "${migration.describe}" must go from one version to the next.`,
      );
    }
    if (index > 0 && sorted[index - 1]?.from === migration.from) {
      throw new FlowDeskError(
        'MIGRATION_DEFINITION_INVALID',
        `Two migrations start at version ${migration.from}.`,
      );
    }
  });
  return Object.freeze(sorted);
}

export interface RunMigrationsOptions<S extends z.ZodType> {
  migrations: readonly Migration[];
  currentVersion: number;
  schema: S;
  /** What the document is, for messages: "Your workspaces file". */
  what: string;
}

export function runMigrations<S extends z.ZodType>(
  document: unknown,
  options: RunMigrationsOptions<S>,
): Result<MigrationOutcome<z.output<S>>> {
  const { migrations, currentVersion, schema, what } = options;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return err(new FlowDeskError('SCHEMA_VERSION_MISSING', `${what} is not a Flow Desk document.`));
  }
  const version = (document as JsonObject).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err(
      new FlowDeskError(
        'SCHEMA_VERSION_MISSING',
        `${what} has no valid schemaVersion, so it cannot be read safely.`,
      ),
    );
  }
  if (version > currentVersion) {
    return err(
      new FlowDeskError(
        'SCHEMA_TOO_NEW',
        `${what} was written by a newer version of Flow Desk (format ${version}; this one reads up to ${currentVersion}). Update Flow Desk to open it; the file was left untouched.`,
        { details: { version, currentVersion } },
      ),
    );
  }

  let current: JsonObject = cloneJson(document as JsonObject);
  const applied: string[] = [];
  for (let at = version; at < currentVersion; at += 1) {
    const step = migrations.find((migration) => migration.from === at);
    if (!step) {
      return err(
        new FlowDeskError(
          'MIGRATION_GAP',
          `${what} uses format ${at}, which this version of Flow Desk cannot convert.`,
          { details: { version: at, currentVersion } },
        ),
      );
    }
    try {
      current = { ...step.migrate(current), schemaVersion: step.to };
    } catch (cause) {
      return err(
        new FlowDeskError(
          'MIGRATION_FAILED',
          `${what} could not be converted from format ${at} to ${step.to}. The original was kept.`,
          { cause, details: { from: at, to: step.to, step: step.describe } },
        ),
      );
    }
    applied.push(step.describe);
  }

  const parsed = schema.safeParse(current);
  if (!parsed.success) {
    const fields = fieldErrorsFromZod(parsed.error);
    const first = fields[0];
    return err(
      new FlowDeskError(
        'MIGRATION_RESULT_INVALID',
        `${what} is damaged${first ? ` (${first.field || 'document'}: ${first.message})` : ''}.`,
        { details: { fields: fields.slice(0, 20), fieldCount: fields.length } },
      ),
    );
  }
  return ok({ value: parsed.data, applied, fromVersion: version });
}
