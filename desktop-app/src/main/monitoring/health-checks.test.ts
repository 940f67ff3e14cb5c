import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LicenseStatus, ViewState } from '@flowdesk/shared/ipc';
import { HealthCheckRegistry } from '@flowdesk/shared/monitoring';
import { registerAppHealthChecks } from './health-checks';
import type { AppHealthSources } from './health-checks';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true })));

function setup(overrides: Partial<AppHealthSources> = {}) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'flowdesk-health-'));
  folders.push(dataDirectory);
  const registry = new HealthCheckRegistry();
  registerAppHealthChecks(registry, {
    dataDirectory,
    workspaceIds: () => ['w1', 'w2'],
    verifyAudit: () => Promise.resolve({ valid: true, checkedEntries: 4 }),
    license: () => undefined,
    viewStates: () => [],
    serviceName: (id) => `Service ${id}`,
    updateChannel: () => ({ status: 'healthy', message: 'Development build: updates are off.' }),
    writeFailures: () => ({ logs: 0, errors: 0 }),
    freeBytes: () => Promise.resolve(50 * 1024 ** 3),
    ...overrides,
  });
  return { registry, dataDirectory };
}

const view = (serviceId: string, state: ViewState['state']): ViewState => ({
  serviceId,
  state,
  url: 'https://x.example.com/',
  canGoBack: false,
  canGoForward: false,
  unread: 0,
  needsAttention: false,
  audible: false,
});

describe('app health checks', () => {
  it('is healthy when everything is, and leaves no probe file behind', async () => {
    const { registry, dataDirectory } = setup();
    const health = await registry.run();
    expect(health.status).toBe('healthy');
    expect(Object.keys(health.checks).sort()).toEqual([
      'audit-chain',
      'crashed-views',
      'disk-space',
      'license',
      'store-writable',
      'update-channel',
    ]);
    expect(health.checks['audit-chain']?.message).toBe('8 audit entries verified.');
    expect(readdirSync(dataDirectory)).toEqual([]);
  });

  it('is unhealthy when the data folder cannot be written or the disk is nearly full', async () => {
    const { registry, dataDirectory } = setup();
    // A file where the folder should be: the probe fails, even for root.
    rmSync(dataDirectory, { recursive: true });
    writeFileSync(dataDirectory, 'not a folder');
    folders.pop();
    const broken = await registry.run();
    rmSync(dataDirectory);
    expect(broken.status).toBe('unhealthy');
    expect(broken.checks['store-writable']?.status).toBe('unhealthy');

    const full = await setup({ freeBytes: () => Promise.resolve(150 * 1024 ** 2) }).registry.run();
    expect(full.status).toBe('unhealthy');
    expect(full.checks['disk-space']?.message).toMatch(/Only 150 MB free/);
    const low = await setup({ freeBytes: () => Promise.resolve(700 * 1024 ** 2) }).registry.run();
    expect(low.status).toBe('degraded');
    expect(low.checks['disk-space']?.details).toEqual({ freeMb: 700 });
  });

  it('degrades, without failing, for a broken audit chain, failed saves, license trouble and crashed views', async () => {
    const license = (state: LicenseStatus['state']) =>
      ({ state, plan: 'free', features: [] }) as unknown as LicenseStatus;
    const { registry } = setup({
      verifyAudit: (id) =>
        Promise.resolve(
          id === 'w2' ? { valid: false, checkedEntries: 2 } : { valid: true, checkedEntries: 1 },
        ),
      writeFailures: () => ({ logs: 3, errors: 1 }),
      license: () => license('grace'),
      viewStates: () => [view('a', 'live'), view('b', 'crashed')],
    });
    const health = await registry.run();
    expect(health.status).toBe('degraded');
    expect(health.checks['audit-chain']).toMatchObject({
      status: 'degraded',
      details: { workspaces: ['w2'] },
      critical: false,
    });
    expect(health.checks['store-writable']?.message).toMatch(/3 log lines and 1 error-history/);
    expect(health.checks.license?.message).toMatch(/grace.*connect to the internet/);
    expect(health.checks['crashed-views']?.message).toMatch(/^Crashed: Service b\./);

    const revoked = await setup({ license: () => license('revoked') }).registry.run();
    expect(revoked.checks.license?.message).toMatch(/free plan's limits apply/);
  });
});
