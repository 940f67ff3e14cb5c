import { parse } from 'tldts';

/**
 * Names that only resolve on a private network (RFC 6761/6762/8375 and the common LAN
 * conventions): a server there is identified by its exact origin, never by a domain.
 */
const PRIVATE_NAME_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'home.arpa',
  'test',
  'example',
  'invalid',
];

export type HostKind =
  /** A public DNS name whose registrable domain (eTLD+1, private suffixes included) is known. */
  | { kind: 'public'; domain: string }
  /** An IP address, localhost, a single-label name, a LAN suffix or an unknown top-level domain. */
  | { kind: 'private' };

/** Classifies a URL hostname (lower-case, punycode, IPv6 in brackets as URL gives it). */
export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '' || host.startsWith('[') || !host.includes('.')) return { kind: 'private' };
  if (PRIVATE_NAME_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    return { kind: 'private' };
  }
  const parsed = parse(host, { allowPrivateDomains: true });
  if (parsed.isIp === true || parsed.domain === null || !(parsed.isIcann || parsed.isPrivate)) {
    return { kind: 'private' };
  }
  return { kind: 'public', domain: parsed.domain };
}

/** A parsed http(s) URL, or undefined for anything else (bad syntax, other schemes). */
export function parseWebUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
