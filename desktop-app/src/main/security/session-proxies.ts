import { toSessionProxyConfig } from '@flowdesk/shared/security';
import type { ServiceProxy, SessionProxyConfig } from '@flowdesk/shared/security';
import { sessionPartitionFor } from '@flowdesk/shared/workspace';
import type { WorkspaceStore } from '@flowdesk/shared/workspace';

/**
 * Keeps each service session's proxy in step with the store. Only isolated services have a
 * session of their own, so only their proxy is applied; a session starts in the system's
 * settings and is left alone until a service asks for something else. While a proxy is being
 * set, or after setting it failed, the session's requests are refused (fail closed): a page
 * never reaches the network around the proxy its user chose.
 */

export interface SessionProxiesDependencies {
  /** session.setProxy, then closeAllConnections so pooled sockets do not keep the old route. */
  apply: (partition: string, config: SessionProxyConfig) => Promise<void>;
  onFailed: (partition: string, serviceId: string, error: unknown) => void;
}

interface SessionEntry {
  /** What the session has now (JSON of the config), or undefined before anything is applied. */
  appliedKey: string | undefined;
  state: 'ready' | 'applying' | 'failed';
  ready: Promise<void>;
  /** Increases with each apply, so a slow earlier apply cannot overwrite a later one's state. */
  generation: number;
}

const SYSTEM_KEY = JSON.stringify(toSessionProxyConfig({ mode: 'system' }));

export class SessionProxies {
  private wanted = new Map<string, { serviceId: string; proxy: ServiceProxy }>();
  private readonly sessions = new Map<string, SessionEntry>();

  constructor(private readonly deps: SessionProxiesDependencies) {}

  /**
   * Reads the proxies the store asks for and re-applies those that changed on sessions that
   * exist. Returns the services whose proxy changed on a live session, with when it is in place
   * (their page should reload then).
   */
  update(store: WorkspaceStore): { serviceId: string; ready: Promise<void> }[] {
    const wanted = new Map<string, { serviceId: string; proxy: ServiceProxy }>();
    for (const workspace of store.workspaces) {
      for (const service of workspace.services) {
        if (service.isolation !== 'isolated') continue;
        const partition = sessionPartitionFor({
          workspaceId: workspace.id,
          serviceId: service.id,
          isolation: service.isolation,
          persistSession: service.persistSession,
        });
        wanted.set(partition, { serviceId: service.id, proxy: service.proxy });
      }
    }
    this.wanted = wanted;
    const changed: { serviceId: string; ready: Promise<void> }[] = [];
    for (const [partition, entry] of this.sessions) {
      const target = this.configFor(partition);
      if (JSON.stringify(target) === this.effectiveKey(entry)) continue;
      this.applyTo(partition, entry, target);
      const serviceId = wanted.get(partition)?.serviceId;
      if (serviceId !== undefined) changed.push({ serviceId, ready: entry.ready });
    }
    return changed;
  }

  /** Called once when a session is first used; resolves when its proxy is in place. */
  attach(partition: string): Promise<void> {
    const known = this.sessions.get(partition);
    if (known) return known.ready;
    const entry: SessionEntry = {
      appliedKey: undefined,
      state: 'ready',
      ready: Promise.resolve(),
      generation: 0,
    };
    this.sessions.set(partition, entry);
    const target = this.configFor(partition);
    if (JSON.stringify(target) !== SYSTEM_KEY) this.applyTo(partition, entry, target);
    return entry.ready;
  }

  /** Whether requests from this session must be refused now. */
  blocks(partition: string): boolean {
    const entry = this.sessions.get(partition);
    return entry !== undefined && entry.state !== 'ready';
  }

  private configFor(partition: string): SessionProxyConfig {
    return toSessionProxyConfig(this.wanted.get(partition)?.proxy ?? { mode: 'system' });
  }

  /** A session nothing was applied to follows the system settings. */
  private effectiveKey(entry: SessionEntry): string {
    return entry.appliedKey ?? SYSTEM_KEY;
  }

  private applyTo(partition: string, entry: SessionEntry, config: SessionProxyConfig): void {
    const key = JSON.stringify(config);
    const generation = ++entry.generation;
    entry.state = 'applying';
    // Recorded now, so an update during the apply does not start the same apply again.
    entry.appliedKey = key;
    const serviceId = this.wanted.get(partition)?.serviceId ?? '';
    entry.ready = this.deps.apply(partition, config).then(
      () => {
        if (entry.generation === generation) entry.state = 'ready';
      },
      (error: unknown) => {
        if (entry.generation !== generation) return;
        entry.state = 'failed';
        this.deps.onFailed(partition, serviceId, error);
        throw error;
      },
    );
    // The caller may not wait for it; the failure is reported through onFailed.
    entry.ready.catch(() => undefined);
  }
}
