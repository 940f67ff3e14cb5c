import { describe, expect, it } from 'vitest';
import { MAX_SERVICE_URL_LENGTH, validateServiceUrl } from './url';

function codeOf(input: unknown, allowPrivateHttp = false): string {
  const result = validateServiceUrl(input, { allowPrivateHttp });
  return result.valid ? 'VALID' : (result.errors[0]?.code ?? 'NO_CODE');
}

describe('validateServiceUrl', () => {
  it('accepts https addresses and returns them normalised', () => {
    expect(validateServiceUrl('https://app.slack.com/client')).toEqual({
      valid: true,
      value: 'https://app.slack.com/client',
      errors: [],
      warnings: [],
    });
    const upper = validateServiceUrl('  HTTPS://Mail.Google.COM:443/mail/u/0/  ');
    expect(upper.valid && upper.value).toBe('https://mail.google.com/mail/u/0/');
  });

  it('reads an address typed without a scheme as https', () => {
    const bare = validateServiceUrl('notion.so');
    expect(bare.valid && bare.value).toBe('https://notion.so/');
    const hostPort = validateServiceUrl('localhost:3000/dashboard');
    expect(hostPort.valid && hostPort.value).toBe('https://localhost:3000/dashboard');
  });

  it('drops a trailing dot from the host so origin comparisons hold', () => {
    const result = validateServiceUrl('https://github.com./org');
    expect(result.valid && result.value).toBe('https://github.com/org');
  });

  it.each([
    ['javascript:alert(1)', 'URL_SCHEME_NOT_ALLOWED'],
    ['JavaScript:alert(1)', 'URL_SCHEME_NOT_ALLOWED'],
    ['javascript://comment%0aalert(1)', 'URL_SCHEME_NOT_ALLOWED'],
    ['data:text/html,<script>alert(1)</script>', 'URL_SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'URL_SCHEME_NOT_ALLOWED'],
    ['blob:https://app.slack.com/1234', 'URL_SCHEME_NOT_ALLOWED'],
    ['chrome://settings', 'URL_SCHEME_NOT_ALLOWED'],
    ['devtools://devtools/bundled/inspector.html', 'URL_SCHEME_NOT_ALLOWED'],
    ['view-source:https://example.com', 'URL_SCHEME_NOT_ALLOWED'],
    ['ftp://files.example.com', 'URL_SCHEME_NOT_ALLOWED'],
    ['mailto:someone@example.com', 'URL_SCHEME_NOT_ALLOWED'],
    ['about:blank', 'URL_SCHEME_NOT_ALLOWED'],
  ])('refuses %s', (input, code) => {
    expect(codeOf(input, true)).toBe(code);
  });

  it('names the refused scheme in a message the user can act on', () => {
    const result = validateServiceUrl('file:///C:/Users/me/page.html');
    expect(result.errors[0]?.message).toBe(
      '"file:" addresses cannot be opened as a service. Use an https:// address.',
    );
    expect(result.errors[0]?.field).toBe('url');
  });

  it.each([undefined, null, 42, {}, [], '', '   '])(
    'asks for an address when given %j',
    (input) => {
      expect(codeOf(input)).toBe('URL_EMPTY');
    },
  );

  it('refuses addresses longer than the limit', () => {
    const long = `https://example.com/${'a'.repeat(MAX_SERVICE_URL_LENGTH)}`;
    expect(codeOf(long)).toBe('URL_TOO_LONG');
    expect(validateServiceUrl(long).errors[0]?.message).toContain(String(long.length));
  });

  it.each([
    'https://exa mple.com',
    'https://example.com/a\tb',
    'java\nscript:alert(1)',
    'https://\u0000x.com',
  ])('refuses whitespace and control characters in %j', (input) =>
    expect(codeOf(input, true)).toBe('URL_MALFORMED'),
  );

  // Found by the URL fuzz run: the parser drops these, so "\u200Bhttps://a.com" was read as the
  // host "https" and "exa\u00ADmple.com" as example.com.
  it.each([
    '\u200Bhttps://example.com',
    'https://exa\u200Bmple.com',
    'exa\u00ADmple.com',
    'https://example.com\u2060/path',
    '\u200Dnotion.so',
    'https://\u202Eexample.com',
    'https://example.com/\u180E',
  ])('refuses invisible characters in %j', (input) => {
    expect(codeOf(input, true)).toBe('URL_MALFORMED');
    expect(validateServiceUrl(input).errors[0]?.message).toContain('invisible characters');
  });

  it.each(['https://', 'https://exa_mple.com:99999', 'http://[::1', 'https://%zz'])(
    'refuses unparseable %s',
    (input) => expect(codeOf(input, true)).toBe('URL_MALFORMED'),
  );

  it('refuses user names and passwords without echoing them', () => {
    const result = validateServiceUrl('https://admin:hunter2@jira.example.com');
    expect(result.valid).toBe(false);
    expect(result.errors[0]?.code).toBe('URL_HAS_CREDENTIALS');
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(codeOf('https://user@example.com')).toBe('URL_HAS_CREDENTIALS');
  });

  it.each([
    'https://-bad-.example.com',
    'https://a..b.com',
    `https://${'a'.repeat(64)}.com`,
    `https://${Array.from({ length: 50 }, () => 'abcde').join('.')}.com`,
    'https://0.0.0.0',
    'https://239.1.1.1',
    'https://[::]',
    'https://exa!mple.com',
  ])('refuses the malformed host in %s', (input) => {
    expect(codeOf(input, true)).toBe('URL_HOST_INVALID');
  });

  it('accepts IP addresses and intranet names over https', () => {
    expect(codeOf('https://192.168.1.10:8443')).toBe('VALID');
    expect(codeOf('https://[2001:db8::1]/')).toBe('VALID');
    expect(codeOf('https://wiki')).toBe('VALID');
    expect(codeOf('https://my_host.corp')).toBe('VALID');
  });

  describe('plain http', () => {
    it('is refused for public hosts even when private http is allowed', () => {
      const result = validateServiceUrl('http://example.com', { allowPrivateHttp: true });
      expect(result.errors[0]).toMatchObject({ code: 'URL_HTTP_NOT_ALLOWED' });
      expect(result.errors[0]?.message).toMatch(/private network/);
    });

    it('is refused for private hosts unless the service allows it', () => {
      const result = validateServiceUrl('http://192.168.1.5:8080');
      expect(result.errors[0]).toMatchObject({ code: 'URL_HTTP_NOT_ALLOWED' });
      expect(result.errors[0]?.message).toMatch(/does not accept unencrypted/);
    });

    it('is accepted on loopback silently and on the LAN with a warning', () => {
      expect(validateServiceUrl('http://localhost:8080', { allowPrivateHttp: true })).toEqual({
        valid: true,
        value: 'http://localhost:8080/',
        errors: [],
        warnings: [],
      });
      const lan = validateServiceUrl('http://nas.local:5000', { allowPrivateHttp: true });
      expect(lan.valid).toBe(true);
      expect(lan.warnings.map((warning) => warning.code)).toEqual(['URL_UNENCRYPTED']);
    });
  });

  it('shows international names as punycode, with a warning', () => {
    const result = validateServiceUrl('https://exämple.com/');
    expect(result.valid && result.value).toBe('https://xn--exmple-cua.com/');
    expect(result.warnings[0]).toMatchObject({ code: 'URL_INTERNATIONAL_NAME' });
    expect(result.warnings[0]?.message).toContain('xn--exmple-cua.com');
    // A Cyrillic "а" in "pаypal" is not PayPal.
    const lookalike = validateServiceUrl('https://pаypal.com');
    expect(lookalike.valid && lookalike.value).not.toBe('https://paypal.com/');
    expect(lookalike.warnings[0]?.code).toBe('URL_INTERNATIONAL_NAME');
  });

  it('reports under the field name it is given', () => {
    const result = validateServiceUrl('ftp://x', { field: 'services.3.url' });
    expect(result.errors[0]?.field).toBe('services.3.url');
  });
});
