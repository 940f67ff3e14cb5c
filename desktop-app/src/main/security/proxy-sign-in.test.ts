import { describe, expect, it } from 'vitest';
import { serviceProxySchema } from '@flowdesk/shared/security';
import type { ServiceProxy } from '@flowdesk/shared/security';
import { ProxySignIn } from './proxy-sign-in';

const proxy = (overrides: Record<string, unknown> = {}): ServiceProxy =>
  serviceProxySchema.parse({
    mode: 'custom',
    protocol: 'http',
    host: 'proxy.example.com',
    port: 3128,
    username: 'jane',
    passwordStored: true,
    ...overrides,
  });

function setup(proxies: Record<string, ServiceProxy>, passwords: Record<string, string>) {
  let clock = 0;
  const refused: string[] = [];
  const signIn = new ProxySignIn({
    proxyOf: (id) => proxies[id],
    serviceIds: () => Object.keys(proxies),
    secrets: { get: (key) => Promise.resolve(passwords[key]) },
    onRefused: (id) => refused.push(id),
    now: () => clock,
  });
  return {
    signIn,
    refused,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const challenge = { isProxy: true, host: 'proxy.example.com', port: 3128 };

describe('ProxySignIn', () => {
  it("answers the service's own proxy with its user name and stored password", async () => {
    const { signIn } = setup({ s1: proxy() }, { 'proxy:s1': 'hunter2' });
    expect(await signIn.credentialsFor('s1', challenge)).toEqual({
      username: 'jane',
      password: 'hunter2',
    });
  });

  it('never answers a web site, another proxy, or a service without a sign-in', async () => {
    const { signIn } = setup(
      { s1: proxy(), s2: proxy({ username: undefined }), s3: { mode: 'system' } },
      { 'proxy:s1': 'hunter2' },
    );
    expect(await signIn.credentialsFor('s1', { ...challenge, isProxy: false })).toBeUndefined();
    expect(
      await signIn.credentialsFor('s1', { ...challenge, host: 'evil.example' }),
    ).toBeUndefined();
    expect(await signIn.credentialsFor('s1', { ...challenge, port: 8080 })).toBeUndefined();
    expect(await signIn.credentialsFor('s2', challenge)).toBeUndefined();
    expect(await signIn.credentialsFor('s3', challenge)).toBeUndefined();
    expect(await signIn.credentialsFor('gone', challenge)).toBeUndefined();
  });

  it('gives nothing when the password is not stored (or the keyring lost it)', async () => {
    const { signIn } = setup({ s1: proxy() }, {});
    expect(await signIn.credentialsFor('s1', challenge)).toBeUndefined();
  });

  it('answers a request without a page only when one service uses that proxy', async () => {
    const one = setup({ s1: proxy(), s2: { mode: 'direct' } }, { 'proxy:s1': 'a' });
    expect(await one.signIn.credentialsFor(undefined, challenge)).toEqual({
      username: 'jane',
      password: 'a',
    });
    const two = setup(
      { s1: proxy(), s2: proxy({ username: 'joe' }) },
      { 'proxy:s1': 'a', 'proxy:s2': 'b' },
    );
    expect(await two.signIn.credentialsFor(undefined, challenge)).toBeUndefined();
  });

  it('stops after one retry when the proxy refuses, tells the user, and tries again later', async () => {
    const { signIn, refused, advance } = setup({ s1: proxy() }, { 'proxy:s1': 'wrong' });
    expect(await signIn.credentialsFor('s1', challenge)).toBeDefined();
    advance(1000);
    expect(await signIn.credentialsFor('s1', challenge)).toBeDefined();
    advance(1000);
    expect(await signIn.credentialsFor('s1', challenge)).toBeUndefined();
    expect(refused).toEqual(['s1']);
    // A new attempt (the user fixed the password, or reloads) is answered again.
    expect(await signIn.credentialsFor('s1', challenge)).toBeDefined();
    // Answers older than the retry window no longer count.
    advance(31_000);
    expect(await signIn.credentialsFor('s1', challenge)).toBeDefined();
    expect(await signIn.credentialsFor('s1', challenge)).toBeDefined();
    expect(await signIn.credentialsFor('s1', challenge)).toBeUndefined();
    expect(refused).toEqual(['s1', 's1']);
  });
});
