import { z } from 'zod';
import { invalid, valid } from '../core/result';
import type { FieldError, ValidationResult } from '../core/result';
import { parseIpv4 } from './network';

/**
 * A service's proxy (issue 4): the system's settings (the default), none, or a proxy server of
 * its own. It applies to the service's own session, so only an isolated service can have one:
 * a shared session serves every shared service of the workspace.
 */

export const PROXY_PROTOCOLS = ['http', 'https', 'socks5', 'socks4'] as const;
export type ProxyProtocol = (typeof PROXY_PROTOCOLS)[number];

/** Chromium signs in to HTTP(S) proxies only: it has no SOCKS user name / password support. */
export const PROXY_PROTOCOLS_WITH_SIGN_IN: readonly ProxyProtocol[] = ['http', 'https'];

export const MAX_PROXY_BYPASS_RULES = 50;
const MAX_HOST_LENGTH = 253;
const MAX_USERNAME_LENGTH = 256;
export const MAX_PROXY_PASSWORD_LENGTH = 1024;

// Chromium's bypass syntax: "*.example.com", ".example.com", "10.0.0.0/8", "[::1]", "<local>",
// with an optional scheme and port. Spaces, commas and semicolons would split a rule.
const BYPASS_RULE = /^(?:<local>|<-loopback>|(?:[a-z][a-z0-9+.-]*:\/\/)?[a-z0-9*._\-[\]:/]+)$/i;

export const proxyBypassRuleSchema = z.string().min(1).max(MAX_HOST_LENGTH).regex(BYPASS_RULE);

export const customProxySchema = z.strictObject({
  mode: z.literal('custom'),
  protocol: z.enum(PROXY_PROTOCOLS),
  /** A host name, an IPv4 address or an IPv6 address without brackets; lower case. */
  host: z.string().min(1).max(MAX_HOST_LENGTH),
  port: z.int().min(1).max(65_535),
  username: z.string().min(1).max(MAX_USERNAME_LENGTH).optional(),
  /** The password itself is kept encrypted by the operating system's keyring, never here. */
  passwordStored: z.boolean().default(false),
  /** Addresses reached without the proxy. */
  bypass: z.array(proxyBypassRuleSchema).max(MAX_PROXY_BYPASS_RULES).default([]),
});

export const serviceProxySchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('direct') }),
  customProxySchema,
]);

export type ServiceProxy = z.output<typeof serviceProxySchema>;
export type CustomProxy = z.output<typeof customProxySchema>;

/** What the proxy form sends: text as typed, checked by validateProxyInput. */
export const proxyInputSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('system') }),
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({
    mode: z.literal('custom'),
    protocol: z.enum(PROXY_PROTOCOLS),
    host: z.string().max(2048),
    port: z.union([z.string().max(20), z.number()]),
    username: z.string().max(2048).optional(),
    bypass: z.string().max(20_000).optional(),
  }),
]);

export type ProxyInput = z.input<typeof proxyInputSchema>;

/** The proxy as validated, without the password flag (the caller knows whether one is kept). */
export type ValidatedProxy = ServiceProxy extends infer P
  ? P extends { mode: 'custom' }
    ? Omit<P, 'passwordStored'>
    : P
  : never;

const problem = (field: string, code: string, message: string): FieldError => ({
  field,
  code,
  message,
});

/** "proxy.example.com", "10.0.0.2", "[2001:db8::1]" → the host in lower case, or why not. */
export function parseProxyHost(input: string): { host: string } | { error: FieldError } {
  const text = input.trim();
  if (text === '') {
    return { error: problem('host', 'PROXY_HOST_REQUIRED', "Enter the proxy's address.") };
  }
  if (/[\s/@?#]|:\/\//.test(text)) {
    return {
      error: problem(
        'host',
        'PROXY_HOST_INVALID',
        'Enter only the host name or IP address, such as proxy.example.com; the port has its own field.',
      ),
    };
  }
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  if (bare.includes(':')) {
    // An IPv6 address; the URL parser checks it and gives its canonical form.
    try {
      return { host: new URL(`http://[${bare}]/`).hostname.slice(1, -1) };
    } catch {
      return {
        error: problem('host', 'PROXY_HOST_INVALID', `"${text}" is not a valid IPv6 address.`),
      };
    }
  }
  if (/^[\d.]+$/.test(bare)) {
    return parseIpv4(bare)
      ? { host: bare }
      : { error: problem('host', 'PROXY_HOST_INVALID', `"${text}" is not a valid IP address.`) };
  }
  let host: string;
  try {
    host = new URL(`http://${bare}/`).hostname;
  } catch {
    host = '';
  }
  const labels = host.split('.');
  if (
    host === '' ||
    host.length > MAX_HOST_LENGTH ||
    labels.some((label) => !/^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(label))
  ) {
    return {
      error: problem('host', 'PROXY_HOST_INVALID', `"${text}" is not a valid host name.`),
    };
  }
  return { host };
}

/** Checks the proxy form, field by field, and gives the proxy to store. */
export function validateProxyInput(input: ProxyInput): ValidationResult<ValidatedProxy> {
  if (input.mode !== 'custom') return valid({ mode: input.mode });
  const errors: FieldError[] = [];

  const host = parseProxyHost(input.host);
  if ('error' in host) errors.push(host.error);

  const portText = String(input.port).trim();
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65_535)) {
    errors.push(
      problem('port', 'PROXY_PORT_INVALID', 'Enter the port as a number from 1 to 65535.'),
    );
  }

  const username = input.username?.trim() ?? '';
  if (username !== '' && !PROXY_PROTOCOLS_WITH_SIGN_IN.includes(input.protocol)) {
    errors.push(
      problem(
        'username',
        'PROXY_SIGN_IN_UNSUPPORTED',
        'SOCKS proxies cannot ask for a user name and password here. Use an HTTP or HTTPS proxy for one that needs them.',
      ),
    );
  } else if (username.length > MAX_USERNAME_LENGTH) {
    errors.push(
      problem(
        'username',
        'PROXY_USERNAME_TOO_LONG',
        `Use a user name of at most ${MAX_USERNAME_LENGTH} characters.`,
      ),
    );
  }

  const rules = (input.bypass ?? '')
    .split(/[\s,;]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  const badRule = rules.find((rule) => !proxyBypassRuleSchema.safeParse(rule).success);
  if (badRule !== undefined) {
    errors.push(
      problem(
        'bypass',
        'PROXY_BYPASS_INVALID',
        `"${badRule.slice(0, 80)}" is not an address rule. Use entries such as *.example.com, 10.0.0.0/8 or <local>.`,
      ),
    );
  } else if (rules.length > MAX_PROXY_BYPASS_RULES) {
    errors.push(
      problem(
        'bypass',
        'PROXY_BYPASS_TOO_MANY',
        `List at most ${MAX_PROXY_BYPASS_RULES} addresses to reach without the proxy.`,
      ),
    );
  }

  if (errors.length > 0 || 'error' in host) return invalid(errors);
  return valid({
    mode: 'custom',
    protocol: input.protocol,
    host: host.host,
    port,
    ...(username === '' ? {} : { username }),
    bypass: [...new Set(rules)],
  });
}

/** Electron's ProxyConfig (session.setProxy), kept structural so shared/ needs no Electron. */
export interface SessionProxyConfig {
  mode: 'system' | 'direct' | 'fixed_servers';
  proxyRules?: string;
  proxyBypassRules?: string;
}

/** The session setting for a service's proxy, in Chromium's proxy-rules syntax. */
export function toSessionProxyConfig(proxy: ServiceProxy): SessionProxyConfig {
  if (proxy.mode !== 'custom') return { mode: proxy.mode };
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  return {
    mode: 'fixed_servers',
    proxyRules: `${proxy.protocol}://${host}:${proxy.port}`,
    proxyBypassRules: proxy.bypass.join(','),
  };
}

/** Whether a proxy sign-in request (Electron's AuthInfo) comes from this proxy. */
export function isSameProxy(
  proxy: ServiceProxy,
  request: { host: string; port: number },
): proxy is CustomProxy {
  if (proxy.mode !== 'custom') return false;
  const host = request.host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return host === proxy.host && request.port === proxy.port;
}
