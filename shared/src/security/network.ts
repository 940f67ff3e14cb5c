/**
 * Which hosts are on the user's own machine or private network. Plain http:// is accepted only
 * for such hosts (a self-hosted server the user added explicitly), never for the public web.
 * Works on hostnames as the WHATWG URL parser gives them: lower-case, punycode, IPv4 in dotted
 * decimal, IPv6 in brackets.
 */

/**
 * Name suffixes that only resolve on a private network (RFC 6761, 6762, 8375 and common LAN
 * conventions). `test`, `example` and `invalid` are reserved and never public either.
 */
export const PRIVATE_NAME_SUFFIXES: readonly string[] = [
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

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The four octets of a dotted-decimal IPv4 address, or undefined. */
export function parseIpv4(host: string): [number, number, number, number] | undefined {
  const match = IPV4.exec(host);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets as [number, number, number, number];
}

/** The IPv6 address inside brackets, lower-case, or undefined for anything else. */
function ipv6Of(host: string): string | undefined {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1).toLowerCase() : undefined;
}

/** `::ffff:a.b.c.d` as the URL parser writes it (`::ffff:c0a8:1`) → the IPv4 octets. */
function mappedIpv4(ipv6: string): [number, number, number, number] | undefined {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(ipv6);
  if (!match) return undefined;
  const high = parseInt(match[1] ?? '0', 16);
  const low = parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

function normalise(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

function isLoopbackIpv4(octets: readonly number[]): boolean {
  return octets[0] === 127;
}

/** localhost, *.localhost, 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackHost(hostname: string): boolean {
  const host = normalise(hostname);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const ipv4 = parseIpv4(host);
  if (ipv4) return isLoopbackIpv4(ipv4);
  const ipv6 = ipv6Of(host);
  if (ipv6 === undefined) return false;
  if (ipv6 === '::1') return true;
  const mapped = mappedIpv4(ipv6);
  return mapped !== undefined && isLoopbackIpv4(mapped);
}

function isPrivateIpv4([a, b]: readonly number[]): boolean {
  if (a === undefined || b === undefined) return false;
  return (
    a === 10 || // RFC 1918
    (a === 172 && b >= 16 && b <= 31) || // RFC 1918
    (a === 192 && b === 168) || // RFC 1918
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT, also used by Tailscale
    a === 127
  );
}

function isPrivateIpv6(ipv6: string): boolean {
  if (ipv6 === '::1') return true;
  const mapped = mappedIpv4(ipv6);
  if (mapped) return isPrivateIpv4(mapped);
  // fc00::/7 unique local, fe80::/10 link-local.
  // Groups are written without leading zeros, so a private first group has exactly 4 digits.
  return /^f[cd][0-9a-f]{2}:/.test(ipv6) || /^fe[89ab][0-9a-f]:/.test(ipv6);
}

/**
 * True for loopback hosts, private and link-local IP ranges, single-label names (`nas`) and
 * names under a private suffix (`gitlab.corp`, `wiki.home.arpa`). A public name that happens to
 * resolve to a private address is not recognised: only the URL is known here, not DNS.
 */
export function isPrivateNetworkHost(hostname: string): boolean {
  const host = normalise(hostname);
  if (host === '') return false;
  const ipv4 = parseIpv4(host);
  if (ipv4) return isPrivateIpv4(ipv4);
  const ipv6 = ipv6Of(host);
  if (ipv6 !== undefined) return isPrivateIpv6(ipv6);
  if (!host.includes('.')) return true;
  return PRIVATE_NAME_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}
