import { getDomain } from 'tldts';
import type { NavigationScope } from './scope';

/**
 * Origin matching by parsed URL and registrable domain (eTLD+1 from the Public Suffix List via
 * tldts), never by string prefix: `https://github.com.attacker.example` is not GitHub.
 */

/** Parses an absolute URL (a string or a URL); undefined for anything else or unparseable. */
export function parseUrl(value: unknown): URL | undefined {
  if (value instanceof URL) return new URL(value.href);
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** The origin (`https://app.slack.com`) of an http(s) URL; undefined for every other scheme. */
export function originOf(value: unknown): string | undefined {
  const url = parseUrl(value);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
}

/**
 * The registrable domain of a hostname (`docs.google.com` → `google.com`,
 * `user.github.io` → `user.github.io`, since github.io is a public suffix); undefined for IP
 * addresses and names without one (`localhost`, `nas`).
 */
export function registrableDomain(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return undefined;
  return getDomain(host, { allowPrivateDomains: true }) ?? undefined;
}

/** True when `hostname` is `domain` or a subdomain of it, compared label by label. */
export function hostMatchesDomain(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const wanted = domain.toLowerCase().replace(/\.$/, '');
  return wanted !== '' && (host === wanted || host.endsWith(`.${wanted}`));
}

/**
 * Same site in the browser's sense: same scheme and same registrable domain, or the same host
 * when there is no registrable domain (IP addresses, single-label names).
 */
export function isSameSite(a: unknown, b: unknown): boolean {
  const first = parseUrl(a);
  const second = parseUrl(b);
  if (!first || !second || first.protocol !== second.protocol) return false;
  if (first.protocol !== 'https:' && first.protocol !== 'http:') return false;
  const firstDomain = registrableDomain(first.hostname);
  const secondDomain = registrableDomain(second.hostname);
  if (firstDomain === undefined || secondDomain === undefined) {
    return first.hostname === second.hostname;
  }
  return firstDomain === secondDomain;
}

function sameOrigin(url: URL, origins: readonly string[]): boolean {
  return origins.some((origin) => originOf(origin) === url.origin);
}

/**
 * True when a URL (or origin) belongs to the service itself: one of its exact origins, or an
 * https host under one of its registrable domains. Plain http only ever matches an exact
 * origin (a self-hosted server on the private network), never a domain. Sign-in providers are
 * not the service: see {@link isSignInOrigin}.
 */
export function isOriginInScope(value: unknown, scope: NavigationScope): boolean {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  if (sameOrigin(url, scope.serviceOrigins)) return true;
  if (url.protocol !== 'https:' || url.hostname.startsWith('[')) return false;
  return scope.serviceDomains.some((domain) => hostMatchesDomain(url.hostname, domain));
}

/** True when a URL is on one of the exact origins of the service's sign-in providers. */
export function isSignInOrigin(value: unknown, scope: NavigationScope): boolean {
  const url = parseUrl(value);
  return url !== undefined && url.protocol === 'https:' && sameOrigin(url, scope.signInOrigins);
}
