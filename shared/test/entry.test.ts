import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as shared from '../src';

/** The package's public surface: every subpath in package.json loads, and the root has it all. */
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string>;
};

describe('@flowdesk/shared entry points', () => {
  it.each(Object.entries(manifest.exports))('%s → %s loads', async (_subpath, file) => {
    const module = (await import(new URL(`../${file}`, import.meta.url).href)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(module).length).toBeGreaterThan(0);
  });

  it('re-exports the main API of every module from the root', () => {
    for (const name of [
      'FlowDeskError',
      'SERVICE_CATALOG',
      'searchCatalog',
      'validateServiceUrl',
      'sanitizeServiceName',
      'validateWorkspaceInput',
      'decideNavigation',
      'decidePermission',
      'workspaceStoreSchema',
      'sessionPartitionFor',
      'runMigrations',
      'CircuitBreaker',
      'DegradationManager',
      'createMonitoringManager',
      'redactValue',
      'IPC_CHANNELS',
      'parseIpcRequest',
    ]) {
      expect(shared, name).toHaveProperty(name);
    }
  });
});
