import { invalid, valid } from '../core';
import type { FieldError, ValidationResult } from '../core';
import { isLoopbackHost, isPrivateNetworkHost, parseIpv4 } from './network';

/** Longer addresses are refused: no real service URL needs more, and it bounds every later check. */
export const MAX_SERVICE_URL_LENGTH = 2048;

export interface ServiceUrlOptions {
  /**
   * Accept plain http:// for a host on this machine or the private network: only for a
   * self-hosted service or a custom one the user adds explicitly. Default false.
   */
  allowPrivateHttp?: boolean;
  /** The field name reported in errors and warnings, default `url`. */
  field?: string;
}

/** "scheme:" at the start; "host:port" (`localhost:8080`) is told apart by SCHEMELESS_HOST_PORT. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SCHEMELESS_HOST_PORT = /^[^:/?#@]+:\d{1,5}(?:[/?#]|$)/;
/**
 * Whitespace, control characters and invisible ones (zero-width spaces and joiners, soft
 * hyphens, byte-order marks, bidirectional marks): the URL parser would silently drop or encode
 * them, so "\u200Bhttps://a.com" would become the host "https" and a name could hide a letter.
 */
const WHITESPACE_CONTROL_OR_INVISIBLE = /[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/u;
const DNS_LABEL = /^(?:[a-z0-9_]|[a-z0-9_][a-z0-9_-]{0,61}[a-z0-9_])$/;

/**
 * Checks an address typed or pasted for a service view and returns it normalised.
 * - https only; http only for loopback / private-network hosts when `allowPrivateHttp` is set;
 * - every other scheme (javascript:, data:, file:, blob:, chrome:, devtools:, …) is refused;
 * - user names and passwords in the address are refused (sign in on the page instead);
 * - the host must be a well-formed name or IP address; international names are shown in
 *   punycode with a warning, so look-alike letters cannot pass for another site;
 * - "notion.so" or "localhost:3000" without a scheme are read as https://.
 * Never throws, whatever it is given.
 */
export function validateServiceUrl(
  input: unknown,
  options: ServiceUrlOptions = {},
): ValidationResult<string> {
  const field = options.field ?? 'url';
  const fail = (code: string, message: string) => invalid<string>([{ field, code, message }]);

  if (typeof input !== 'string' || input.trim() === '') {
    return fail('URL_EMPTY', 'Enter the address of the service, e.g. https://app.example.com.');
  }
  const typed = input.trim();
  if (typed.length > MAX_SERVICE_URL_LENGTH) {
    return fail(
      'URL_TOO_LONG',
      `This address is ${typed.length} characters long; use one of at most ${MAX_SERVICE_URL_LENGTH}.`,
    );
  }
  if (WHITESPACE_CONTROL_OR_INVISIBLE.test(typed)) {
    return fail(
      'URL_MALFORMED',
      'The address contains spaces or invisible characters. Copy it again from the address bar.',
    );
  }

  const scheme = SCHEMELESS_HOST_PORT.test(typed) ? undefined : SCHEME.exec(typed)?.[1];
  if (scheme !== undefined && !['http', 'https'].includes(scheme.toLowerCase())) {
    return fail(
      'URL_SCHEME_NOT_ALLOWED',
      `"${scheme.toLowerCase()}:" addresses cannot be opened as a service. Use an https:// address.`,
    );
  }

  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${typed}` : typed);
  } catch {
    return fail(
      'URL_MALFORMED',
      `"${typed.slice(0, 80)}" is not a web address. Enter one such as https://app.example.com.`,
    );
  }

  if (url.username !== '' || url.password !== '') {
    return fail(
      'URL_HAS_CREDENTIALS',
      'Remove the user name and password from the address; sign in on the page instead.',
    );
  }

  // A trailing dot names the same host but would defeat origin comparisons later.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const hostProblem = describeHostProblem(url.hostname);
  if (hostProblem) return fail('URL_HOST_INVALID', hostProblem);

  const warnings: FieldError[] = [];
  if (url.protocol === 'http:') {
    if (!isPrivateNetworkHost(url.hostname)) {
      return fail(
        'URL_HTTP_NOT_ALLOWED',
        'Use an https:// address. Plain http:// is only accepted for a self-hosted server on this computer or your private network.',
      );
    }
    if (options.allowPrivateHttp !== true) {
      return fail(
        'URL_HTTP_NOT_ALLOWED',
        'Use an https:// address. This service does not accept unencrypted connections.',
      );
    }
    if (!isLoopbackHost(url.hostname)) {
      warnings.push({
        field,
        code: 'URL_UNENCRYPTED',
        message:
          'The connection to this server is not encrypted; anyone on your network can read it.',
      });
    }
  }

  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    warnings.push({
      field,
      code: 'URL_INTERNATIONAL_NAME',
      message: `This address uses international characters and is shown as ${url.hostname}, so look-alike letters cannot hide a different site. Check it is the site you meant.`,
    });
  }
  if (url.href.length > MAX_SERVICE_URL_LENGTH) {
    // Letters outside ASCII are stored percent-encoded: the address as kept must fit too.
    return fail(
      'URL_TOO_LONG',
      `Written out for the web this address is ${url.href.length} characters long; use one of at most ${MAX_SERVICE_URL_LENGTH}.`,
    );
  }
  return valid(url.href, warnings);
}

/** Why a parsed hostname is not a usable server address, or undefined when it is. */
function describeHostProblem(hostname: string): string | undefined {
  const unusable = `"${hostname.slice(0, 80)}" is not a server address. Check the address for typos.`;
  if (hostname === '') return 'The address has no server name. Enter one such as app.example.com.';
  if (hostname.startsWith('[')) return hostname === '[::]' ? unusable : undefined;
  const ipv4 = parseIpv4(hostname);
  if (ipv4) return ipv4.every((octet) => octet === 0) || ipv4[0] >= 224 ? unusable : undefined;
  if (hostname.length > 253) return unusable;
  return hostname.split('.').every((label) => DNS_LABEL.test(label)) ? undefined : unusable;
}
