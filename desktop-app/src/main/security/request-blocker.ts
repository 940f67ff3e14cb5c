import {
  hostMatchesDomain,
  isLoopbackHost,
  isPrivateNetworkHost,
  parseUrl,
} from '@flowdesk/shared/security';

/**
 * blockMaliciousContent (seed): every request a service page makes passes this check in the
 * session's webRequest.onBeforeRequest. It refuses
 * - anything on the block list (enterprise policy `blockedUrls`, or the user's own list):
 *   `example.com` (that host and its subdomains) or a URL prefix `https://example.com/ads/`;
 * - requests from a page on the public internet to this computer or the private network
 *   (the routers, NAS boxes and dev servers a hostile page would probe), unless the service
 *   itself lives there;
 * - local files and browser-internal schemes.
 */

export type BlockReason = 'blocklist' | 'private-network-from-public-page' | 'scheme-not-allowed';

export interface RequestBlockInput {
  url: string;
  /**
   * The addresses of the services whose page may make the request: the one service when its
   * webContents is known, else every service of the session (a popup, a service worker).
   */
  serviceUrls: readonly string[];
}

const LOCAL_SCHEMES = new Set([
  'file:',
  'chrome:',
  'chrome-extension:',
  'devtools:',
  'view-source:',
]);

interface CompiledPattern {
  matches(url: URL): boolean;
}

function compile(pattern: string): CompiledPattern | undefined {
  const trimmed = pattern.trim().toLowerCase();
  if (trimmed === '') return undefined;
  if (trimmed.includes('://')) {
    const prefix = parseUrl(trimmed);
    if (!prefix) return undefined;
    return {
      matches: (url) => url.origin === prefix.origin && url.pathname.startsWith(prefix.pathname),
    };
  }
  const domain = trimmed.replace(/^\*\./, '').replace(/\/.*$/, '');
  return { matches: (url) => hostMatchesDomain(url.hostname, domain) };
}

export function createRequestBlocker(blockedPatterns: readonly string[]) {
  const patterns = blockedPatterns
    .map(compile)
    .filter((pattern): pattern is CompiledPattern => pattern !== undefined);
  return function decide({ url, serviceUrls }: RequestBlockInput): BlockReason | undefined {
    const target = parseUrl(url);
    if (!target) return undefined;
    if (LOCAL_SCHEMES.has(target.protocol)) return 'scheme-not-allowed';
    if (
      target.protocol !== 'http:' &&
      target.protocol !== 'https:' &&
      target.protocol !== 'ws:' &&
      target.protocol !== 'wss:'
    ) {
      return undefined;
    }
    if (patterns.some((pattern) => pattern.matches(target))) return 'blocklist';
    const serviceIsLocal = serviceUrls.some((serviceUrl) => {
      const service = parseUrl(serviceUrl);
      return (
        service !== undefined &&
        (isPrivateNetworkHost(service.hostname) || isLoopbackHost(service.hostname))
      );
    });
    if (
      !serviceIsLocal &&
      (isPrivateNetworkHost(target.hostname) || isLoopbackHost(target.hostname))
    ) {
      return 'private-network-from-public-page';
    }
    return undefined;
  };
}
