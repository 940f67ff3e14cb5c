/**
 * Redaction applied to everything Flow Desk logs, tracks or reports (ARCHITECTURE.md decision
 * 12). What goes:
 * - values under secret-looking keys: password, passphrase, secret, token (access, refresh,
 *   id, session, license…), authorization, cookie, api key, private key, credential, signature;
 * - JWTs (`eyJ….….…`), `Bearer …` / `Basic …` credentials, `key=value` secrets in text;
 * - well-known token formats: Stripe `sk_live_…`, GitHub `ghp_…`, Slack `xox?-…`, AWS `AKIA…`,
 *   Google `AIza…`, GitLab `glpat-…`;
 * - URL query strings and fragments (kept: scheme, host, path) and user:password@ in URLs;
 * - e-mail addresses.
 * Never throws and never mutates its input.
 */

export const REDACTED = '[redacted]';

const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'authorization',
  'cookie',
  'apikey',
  'privatekey',
  'credential',
  'signature',
  'sessionid',
  'sessionkey',
  'licensekey',
];

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z]/g, '');
  return normalised === 'auth' || SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

type Replacement = string | ((...groups: string[]) => string);

/**
 * [cheap test, pattern, replacement]. The test skips a rule when its pattern cannot match, which
 * keeps long log lines linear: the URL and e-mail patterns backtrack on long letter runs.
 */
const TEXT_RULES: readonly [(text: string) => boolean, RegExp, Replacement][] = [
  // URLs first: their user:password@ would otherwise read as an e-mail address.
  [
    (text) => text.includes('://'),
    /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*@)?([^\s/?#]*)([^\s?#]*)(\?[^\s#]*)?(#\S*)?/gi,
    (_match, scheme = '', userinfo, host = '', path = '', query, fragment) =>
      `${scheme}${userinfo ? '[credentials]@' : ''}${host}${path}${query ? `?${REDACTED}` : ''}${fragment ? `#${REDACTED}` : ''}`,
  ],
  [
    (text) => text.includes('eyJ'),
    /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    '[jwt]',
  ],
  [
    (text) => /bearer|basic|token/i.test(text),
    /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
    `$1 ${REDACTED}`,
  ],
  [
    (text) => text.includes('='),
    /\b((?:password|passwd|passphrase|secret|token|access_token|refresh_token|id_token|api[_-]?key|client_secret|code)=)[^\s&"']+/gi,
    `$1${REDACTED}`,
  ],
  [
    (text) => /_(?:live|test)_/.test(text),
    /\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}/g,
    '[secret]',
  ],
  [(text) => /gh[pousr]_/.test(text), /\bgh[pousr]_[A-Za-z0-9]{20,}/g, '[secret]'],
  [(text) => text.includes('xox'), /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, '[secret]'],
  [(text) => text.includes('glpat-'), /\bglpat-[A-Za-z0-9_-]{20,}/g, '[secret]'],
  [(text) => text.includes('AKIA'), /\bAKIA[0-9A-Z]{16}\b/g, '[secret]'],
  [(text) => text.includes('AIza'), /\bAIza[0-9A-Za-z_-]{35,}/g, '[secret]'],
  // A home folder names its user: /home/jane, /Users/jane, C:\Users\jane become ~.
  [
    (text) => /home|Users/i.test(text),
    /(?<![\w.-])(?:\/home\/|\/Users\/|[A-Za-z]:\\Users\\)[^\\/\s:]+/gi,
    '~',
  ],
  [
    (text) => text.includes('@'),
    /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    '[email]',
  ],
];

/** Longer strings are cut before redaction: logs are not a place for megabytes. */
export const MAX_REDACTED_STRING = 10_000;

export function redactString(text: string): string {
  const bounded =
    text.length > MAX_REDACTED_STRING ? `${text.slice(0, MAX_REDACTED_STRING)}…[truncated]` : text;
  return TEXT_RULES.reduce(
    (current, [applies, pattern, replacement]) =>
      applies(current)
        ? current.replace(pattern, replacement as (substring: string, ...args: string[]) => string)
        : current,
    bounded,
  );
}

export interface RedactOptions {
  /** Deeper values become '[truncated]'. Default 8. */
  maxDepth?: number;
  /** Properties or items kept per object or array. Default 100. */
  maxEntries?: number;
}

export interface RedactedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** An Error as plain, redacted data: name, message, stable code if any, stack. */
export function redactError(error: Error): RedactedError {
  const result: RedactedError = { name: error.name, message: redactString(error.message) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') result.code = code;
  if (typeof error.stack === 'string') result.stack = redactString(error.stack);
  return result;
}

/** A redacted, JSON-safe copy of any value: cycle-safe, bounded, never throws. */
export function redactValue(value: unknown, options: RedactOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? 8;
  const maxEntries = options.maxEntries ?? 100;
  const ancestors = new Set<object>();

  const visit = (item: unknown, depth: number): unknown => {
    switch (typeof item) {
      case 'string':
        return redactString(item);
      case 'number':
        return Number.isFinite(item) ? item : String(item);
      case 'boolean':
      case 'undefined':
        return item;
      case 'bigint':
        return `${item.toString()}n`;
      case 'symbol':
        return item.toString();
      case 'function':
        return '[function]';
    }
    if (item === null) return null;
    const object = item as object;
    if (ancestors.has(object)) return '[circular]';
    if (depth >= maxDepth) return '[truncated]';
    try {
      ancestors.add(object);
      if (object instanceof Error) return redactError(object);
      if (object instanceof Date)
        return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
      if (object instanceof Map)
        return visit(Object.fromEntries([...object.entries()].slice(0, maxEntries)), depth);
      if (object instanceof Set) return visit([...object].slice(0, maxEntries), depth);
      if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer)
        return `[binary ${object.byteLength} bytes]`;
      if (Array.isArray(object))
        return object.slice(0, maxEntries).map((entry) => visit(entry, depth + 1));
      const result: Record<string, unknown> = {};
      let kept = 0;
      for (const key of Object.keys(object)) {
        if (kept >= maxEntries) {
          result['…'] = '[truncated]';
          break;
        }
        kept += 1;
        const safeKey = redactString(key);
        result[safeKey] = isSecretKey(key)
          ? REDACTED
          : visit((object as Record<string, unknown>)[key], depth + 1);
      }
      return result;
    } catch {
      // A getter that throws or a revoked proxy: say so instead of failing the log call.
      return '[unreadable]';
    } finally {
      ancestors.delete(object);
    }
  };
  return visit(value, 0);
}
