import { isSameProxy } from '@flowdesk/shared/security';
import type { ServiceProxy } from '@flowdesk/shared/security';
import { proxySecretKey } from './secret-store';
import type { SecretStore } from './secret-store';

/**
 * Answers a proxy's request for a user name and password (Electron's app 'login' event) with
 * what the service's settings hold. Only the proxy the service is configured with gets them:
 * a web site asking for a sign-in, or another proxy, never does. A proxy that refuses them is
 * not asked again and again: after one retry the request fails and the user is told.
 */

export interface ProxySignInDependencies {
  /** The service's proxy settings; undefined when the service no longer exists. */
  proxyOf: (serviceId: string) => ServiceProxy | undefined;
  /** Every service, for requests that come without a page (a service worker's fetch). */
  serviceIds: () => string[];
  secrets: Pick<SecretStore, 'get'>;
  onRefused: (serviceId: string) => void;
  now?: () => number;
}

export interface ProxyChallenge {
  isProxy: boolean;
  host: string;
  port: number;
}

/** Answers within this window count as retries of the same sign-in. */
const RETRY_WINDOW_MS = 30_000;
const MAX_ANSWERS_PER_WINDOW = 2;

export class ProxySignIn {
  private readonly answers = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly deps: ProxySignInDependencies) {
    this.now = deps.now ?? (() => Date.now());
  }

  /**
   * The credentials to answer with, or undefined to let the request fail. `serviceId` is the
   * service whose page asked, when Electron names the page.
   */
  async credentialsFor(
    serviceId: string | undefined,
    challenge: ProxyChallenge,
  ): Promise<{ username: string; password: string } | undefined> {
    if (!challenge.isProxy) return undefined;
    const target = serviceId ?? this.onlyServiceUsing(challenge);
    if (target === undefined) return undefined;
    const proxy = this.deps.proxyOf(target);
    if (!proxy || !isSameProxy(proxy, challenge) || proxy.username === undefined) {
      return undefined;
    }
    const attemptKey = `${target}|${proxy.host}|${proxy.port}`;
    const now = this.now();
    const recent = (this.answers.get(attemptKey) ?? []).filter((at) => now - at < RETRY_WINDOW_MS);
    if (recent.length >= MAX_ANSWERS_PER_WINDOW) {
      this.answers.set(attemptKey, []);
      this.deps.onRefused(target);
      return undefined;
    }
    const password = await this.deps.secrets.get(proxySecretKey(target));
    if (password === undefined) return undefined;
    this.answers.set(attemptKey, [...recent, now]);
    return { username: proxy.username, password };
  }

  private onlyServiceUsing(challenge: ProxyChallenge): string | undefined {
    const using = this.deps.serviceIds().filter((id) => {
      const proxy = this.deps.proxyOf(id);
      return proxy !== undefined && isSameProxy(proxy, challenge);
    });
    // Two services on the same proxy may sign in as different users: then nobody is guessed.
    return using.length === 1 ? using[0] : undefined;
  }
}
