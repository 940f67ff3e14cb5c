import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSameProxy,
  parseProxyHost,
  serviceProxySchema,
  toSessionProxyConfig,
  validateProxyInput,
} from './proxy';
import type { ProxyInput } from './proxy';

const custom = (overrides: Partial<Extract<ProxyInput, { mode: 'custom' }>> = {}): ProxyInput => ({
  mode: 'custom',
  protocol: 'http',
  host: 'proxy.example.com',
  port: '3128',
  ...overrides,
});

function codes(input: ProxyInput): string[] {
  const result = validateProxyInput(input);
  return result.errors.map((error) => `${error.field}:${error.code}`);
}

describe('parseProxyHost', () => {
  it('accepts host names, IPv4 and IPv6 addresses, in canonical lower case', () => {
    expect(parseProxyHost(' Proxy.Example.COM ')).toEqual({ host: 'proxy.example.com' });
    expect(parseProxyHost('squid')).toEqual({ host: 'squid' });
    expect(parseProxyHost('10.0.0.2')).toEqual({ host: '10.0.0.2' });
    expect(parseProxyHost('[2001:DB8:0:0::1]')).toEqual({ host: '2001:db8::1' });
    expect(parseProxyHost('::1')).toEqual({ host: '::1' });
    expect(parseProxyHost('bücher.example')).toEqual({ host: 'xn--bcher-kva.example' });
  });

  it('names what is wrong with anything else', () => {
    const error = (text: string) => {
      const parsed = parseProxyHost(text);
      return 'error' in parsed ? parsed.error.code : 'accepted';
    };
    expect(error('')).toBe('PROXY_HOST_REQUIRED');
    expect(error('http://proxy.example.com')).toBe('PROXY_HOST_INVALID');
    expect(error('proxy.example.com:8080/')).toBe('PROXY_HOST_INVALID');
    expect(error('user@proxy')).toBe('PROXY_HOST_INVALID');
    expect(error('proxy example')).toBe('PROXY_HOST_INVALID');
    expect(error('300.1.1.1')).toBe('PROXY_HOST_INVALID');
    expect(error('1.2.3')).toBe('PROXY_HOST_INVALID');
    expect(error('[fe80::zz]')).toBe('PROXY_HOST_INVALID');
    expect(error('-bad-.example')).toBe('PROXY_HOST_INVALID');
    expect(error('a..b')).toBe('PROXY_HOST_INVALID');
    expect(error(`${'a'.repeat(64)}.example`)).toBe('PROXY_HOST_INVALID');
    expect(error('pro_xy.example')).toBe('PROXY_HOST_INVALID');
    const message = parseProxyHost('http://proxy.example.com');
    expect('error' in message && message.error.message).toMatch(/the port has its own field/);
  });
});

describe('validateProxyInput', () => {
  it('passes system and direct through', () => {
    expect(validateProxyInput({ mode: 'system' })).toEqual({
      valid: true,
      value: { mode: 'system' },
      errors: [],
      warnings: [],
    });
    expect(validateProxyInput({ mode: 'direct' })).toMatchObject({ value: { mode: 'direct' } });
  });

  it('normalises a custom proxy: trimmed user name, port as a number, unique bypass rules', () => {
    const result = validateProxyInput(
      custom({
        host: 'PROXY.example.com',
        port: ' 8080 ',
        username: ' jane ',
        bypass: '*.intranet.example, 10.0.0.0/8\n<local>; *.intranet.example',
      }),
    );
    expect(result).toMatchObject({
      valid: true,
      value: {
        mode: 'custom',
        protocol: 'http',
        host: 'proxy.example.com',
        port: 8080,
        username: 'jane',
        bypass: ['*.intranet.example', '10.0.0.0/8', '<local>'],
      },
    });
    const numeric = validateProxyInput(custom({ port: 1080, protocol: 'socks5', username: ' ' }));
    expect(numeric.valid && numeric.value).toEqual({
      mode: 'custom',
      protocol: 'socks5',
      host: 'proxy.example.com',
      port: 1080,
      bypass: [],
    });
  });

  it('reports every wrong field at once', () => {
    expect(codes(custom({ host: '', port: '0' }))).toEqual([
      'host:PROXY_HOST_REQUIRED',
      'port:PROXY_PORT_INVALID',
    ]);
    expect(codes(custom({ port: '65536' }))).toEqual(['port:PROXY_PORT_INVALID']);
    expect(codes(custom({ port: '80a' }))).toEqual(['port:PROXY_PORT_INVALID']);
    expect(codes(custom({ port: 3.5 }))).toEqual(['port:PROXY_PORT_INVALID']);
    expect(codes(custom({ bypass: 'ok.example, bad rule"' }))).toEqual([
      'bypass:PROXY_BYPASS_INVALID',
    ]);
    const many = Array.from({ length: 51 }, (_, index) => `h${index}.example`).join(',');
    expect(codes(custom({ bypass: many }))).toEqual(['bypass:PROXY_BYPASS_TOO_MANY']);
    expect(codes(custom({ username: 'x'.repeat(257) }))).toEqual([
      'username:PROXY_USERNAME_TOO_LONG',
    ]);
  });

  it('refuses a user name for SOCKS proxies, which Chromium cannot sign in to', () => {
    for (const protocol of ['socks4', 'socks5'] as const) {
      expect(codes(custom({ protocol, username: 'jane' }))).toEqual([
        'username:PROXY_SIGN_IN_UNSUPPORTED',
      ]);
    }
    expect(codes(custom({ protocol: 'https', username: 'jane' }))).toEqual([]);
  });

  it('only ever gives a proxy the store accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https', 'socks4', 'socks5'),
        fc.string({ maxLength: 40 }),
        fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 70_000 })),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        fc.string({ maxLength: 60 }),
        (protocol, host, port, username, bypass) => {
          const result = validateProxyInput({
            mode: 'custom',
            protocol,
            host,
            port,
            bypass,
            ...(username === undefined ? {} : { username }),
          });
          if (!result.valid) return result.errors.length > 0;
          return serviceProxySchema.safeParse(result.value).success;
        },
      ),
    );
  });
});

describe('toSessionProxyConfig', () => {
  it("follows the system, goes direct, or writes Chromium's proxy rules", () => {
    expect(toSessionProxyConfig({ mode: 'system' })).toEqual({ mode: 'system' });
    expect(toSessionProxyConfig({ mode: 'direct' })).toEqual({ mode: 'direct' });
    const proxy = serviceProxySchema.parse({
      mode: 'custom',
      protocol: 'socks5',
      host: '2001:db8::1',
      port: 1080,
      bypass: ['<local>', '*.corp.example'],
    });
    expect(toSessionProxyConfig(proxy)).toEqual({
      mode: 'fixed_servers',
      proxyRules: 'socks5://[2001:db8::1]:1080',
      proxyBypassRules: '<local>,*.corp.example',
    });
  });

  it('writes rules that name exactly the validated host and port', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6()),
        fc.integer({ min: 1, max: 65_535 }),
        (host, port) => {
          const result = validateProxyInput(custom({ host, port: String(port) }));
          if (!result.valid || result.value.mode !== 'custom') return false;
          const rules = toSessionProxyConfig({ ...result.value, passwordStored: false }).proxyRules;
          const parsed = new URL(rules ?? '');
          const shownHost = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
          return (
            shownHost === result.value.host &&
            Number(parsed.port || (parsed.protocol === 'http:' ? 80 : 443)) === port
          );
        },
      ),
    );
  });
});

describe('isSameProxy', () => {
  const proxy = serviceProxySchema.parse({
    mode: 'custom',
    protocol: 'http',
    host: 'proxy.example.com',
    port: 3128,
    username: 'jane',
  });

  it('matches the configured proxy only', () => {
    expect(isSameProxy(proxy, { host: 'PROXY.example.com', port: 3128 })).toBe(true);
    expect(isSameProxy(proxy, { host: 'proxy.example.com', port: 8080 })).toBe(false);
    expect(isSameProxy(proxy, { host: 'evil.example', port: 3128 })).toBe(false);
    expect(isSameProxy({ mode: 'system' }, { host: 'proxy.example.com', port: 3128 })).toBe(false);
    const v6 = serviceProxySchema.parse({ ...proxy, host: '::1' });
    expect(isSameProxy(v6, { host: '[::1]', port: 3128 })).toBe(true);
  });
});
