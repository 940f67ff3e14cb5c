import { describe, expect, it } from 'vitest';
import type { SessionProxyConfig } from '@flowdesk/shared/security';
import { workspaceStoreSchema } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';
import { SessionProxies } from './session-proxies';

const createdAt = '2026-11-24T10:00:00.000Z';
const socks = { mode: 'custom', protocol: 'socks5', host: '10.0.0.2', port: 1080 } as const;

function storeWith(proxy: unknown, isolation = 'isolated'): WorkspaceStore {
  return workspaceStoreSchema.parse({
    schemaVersion: 1,
    activeWorkspaceId: 'w1',
    workspaces: [
      {
        id: 'w1',
        name: 'Work',
        createdAt,
        services: [
          {
            id: 's1',
            type: 'slack',
            name: 'Slack',
            url: 'https://app.slack.com/',
            createdAt,
            isolation,
            proxy,
          },
          { id: 's2', type: 'github', name: 'GitHub', url: 'https://github.com/', createdAt },
        ],
      },
    ],
  });
}

const ISOLATED = 'persist:svc-s1';
const SHARED = 'persist:ws-w1';

function setup() {
  const applied: [string, SessionProxyConfig][] = [];
  const failures: [string, string][] = [];
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const proxies = new SessionProxies({
    apply: (partition, config) => {
      applied.push([partition, config]);
      return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    },
    onFailed: (partition, serviceId) => failures.push([partition, serviceId]),
  });
  const settle = async (outcome: 'resolve' | 'reject' = 'resolve') => {
    const next = pending.shift();
    if (outcome === 'resolve') next?.resolve();
    else next?.reject(new Error('bad proxy rules'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { proxies, applied, failures, settle };
}

describe('SessionProxies', () => {
  it('uses the partition names the views use', async () => {
    const { sessionPartitionFor } = await import('@flowdesk/shared/workspace');
    expect(
      sessionPartitionFor({
        workspaceId: 'w1',
        serviceId: 's1',
        isolation: 'isolated',
        persistSession: true,
      }),
    ).toBe(ISOLATED);
    expect(
      sessionPartitionFor({
        workspaceId: 'w1',
        serviceId: 's2',
        isolation: 'shared',
        persistSession: true,
      }),
    ).toBe(SHARED);
  });

  it('sets an isolated service proxy before the page may load, and blocks requests until then', async () => {
    const { proxies, applied, settle } = setup();
    proxies.update(storeWith(socks));
    let ready = false;
    void proxies.attach(ISOLATED).then(() => {
      ready = true;
    });
    expect(applied).toEqual([
      [
        ISOLATED,
        { mode: 'fixed_servers', proxyRules: 'socks5://10.0.0.2:1080', proxyBypassRules: '' },
      ],
    ]);
    expect(proxies.blocks(ISOLATED)).toBe(true);
    expect(ready).toBe(false);
    await settle();
    expect(ready).toBe(true);
    expect(proxies.blocks(ISOLATED)).toBe(false);
    // Attaching again changes nothing.
    await proxies.attach(ISOLATED);
    expect(applied).toHaveLength(1);
  });

  it('leaves sessions that follow the system settings alone', async () => {
    const { proxies, applied } = setup();
    proxies.update(storeWith({ mode: 'system' }));
    await proxies.attach(ISOLATED);
    await proxies.attach(SHARED);
    expect(applied).toEqual([]);
    expect(proxies.blocks(SHARED)).toBe(false);
    expect(proxies.blocks('persist:unknown')).toBe(false);
  });

  it('re-applies a changed proxy on a live session and names the service to reload', async () => {
    const { proxies, applied, settle } = setup();
    proxies.update(storeWith({ mode: 'system' }));
    await proxies.attach(ISOLATED);
    const changed = proxies.update(storeWith({ mode: 'direct' }));
    expect(changed.map((change) => change.serviceId)).toEqual(['s1']);
    expect(applied.at(-1)).toEqual([ISOLATED, { mode: 'direct' }]);
    let reloaded = false;
    void changed[0]?.ready.then(() => {
      reloaded = true;
    });
    await Promise.resolve();
    expect(reloaded).toBe(false);
    await settle();
    expect(reloaded).toBe(true);
    // The same settings again: nothing to do.
    expect(proxies.update(storeWith({ mode: 'direct' }))).toEqual([]);
    // Back to the system's settings is applied explicitly.
    expect(proxies.update(storeWith({ mode: 'system' })).map((change) => change.serviceId)).toEqual(
      ['s1'],
    );
    expect(applied.at(-1)).toEqual([ISOLATED, { mode: 'system' }]);
  });

  it('fails closed: a proxy that could not be set keeps the session offline and is reported', async () => {
    const { proxies, failures, settle } = setup();
    proxies.update(storeWith(socks));
    const ready = proxies.attach(ISOLATED);
    await settle('reject');
    await expect(ready).rejects.toThrow('bad proxy rules');
    expect(proxies.blocks(ISOLATED)).toBe(true);
    expect(failures).toEqual([[ISOLATED, 's1']]);
    // Fixing the settings brings it back.
    proxies.update(storeWith({ ...socks, port: 1081 }));
    await settle();
    expect(proxies.blocks(ISOLATED)).toBe(false);
  });

  it('lets the latest apply decide when two overlap', async () => {
    const { proxies, failures, settle } = setup();
    proxies.update(storeWith(socks));
    void proxies.attach(ISOLATED).catch(() => undefined);
    proxies.update(storeWith({ mode: 'direct' }));
    // The first (stale) apply fails after the second started: it is not reported.
    await settle('reject');
    expect(failures).toEqual([]);
    expect(proxies.blocks(ISOLATED)).toBe(true);
    await settle();
    expect(proxies.blocks(ISOLATED)).toBe(false);
  });

  it('ignores the proxy of a service that shares the workspace session', async () => {
    const { proxies, applied } = setup();
    // A store edited by hand: shared, yet with a proxy.
    proxies.update(storeWith(socks, 'shared'));
    await proxies.attach(SHARED);
    expect(applied).toEqual([]);
  });
});
