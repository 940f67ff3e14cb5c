import { parse } from 'tldts';
import { PRIVATE_NAME_SUFFIXES } from '../security/network';
import { parseUrl } from '../security/origin';

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
  const url = parseUrl(value);
  return url && (url.protocol === 'https:' || url.protocol === 'http:') ? url : undefined;
}
