import type { Result } from '../core';
import { defineMigrations, runMigrations } from './migrations';
import type { Migration, MigrationOutcome } from './migrations';
import { WORKSPACE_STORE_VERSION, workspaceStoreSchema } from './schemas';
import type { WorkspaceStore } from './schemas';

/**
 * Migrations of the workspace store, oldest first. Format 1 is the first released format, so
 * the list is empty; a change to the stored shape adds a step here and bumps
 * WORKSPACE_STORE_VERSION, with a test that a format-N document still opens.
 */
export const WORKSPACE_STORE_MIGRATIONS: readonly Migration[] = defineMigrations([]);

/** Reads a workspace store from disk (already JSON-parsed): migrated, validated, defaults filled. */
export function parseWorkspaceStore(document: unknown): Result<MigrationOutcome<WorkspaceStore>> {
  return runMigrations(document, {
    migrations: WORKSPACE_STORE_MIGRATIONS,
    currentVersion: WORKSPACE_STORE_VERSION,
    schema: workspaceStoreSchema,
    what: 'Your workspaces file',
  });
}
