import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLicenseToken } from '@flowdesk/shared/licensing';
import type { OpenedDatabase } from '../db/client';
import { testDatabase } from '../../test/database';
import { sha256Hex } from '../license/codes';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../license/config';
import { decideDeviceLink } from '../license/device-links';
import { createLicenseApi } from './license-api';
import type { LicenseApiContext } from './license-api';

const config = {
  ...DEFAULT_LICENSE_SERVER_CONFIG,
  issuer: 'http://localhost:3000',
  signingKey: {},
};

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

function api(overrides: Partial<LicenseApiContext> = {}) {
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  const instance = createLicenseApi({
    database: () => Promise.resolve(opened.db),
    config,
    clientIp: (request) => request.headers.get('x-test-ip') ?? '127.0.0.1',
    now: () => new Date(clock),
    ...overrides,
  });
  return {
    ...instance,
    advance: (seconds: number) => {
      clock += seconds * 1000;
    },
  };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const device = {
  deviceFingerprintHash: sha256Hex('api-laptop'),
  deviceName: 'API laptop',
  platform: 'darwin',
  appVersion: '0.1.0',
};

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...body.error };
}

describe('the license API', () => {
  it('links a device, refreshes its license and deactivates it', async () => {
    const server = api();
    const created = await server.createDeviceLink(post(device));
    expect(created.status).toBe(201);
    const link = (await created.json()) as { deviceCode: string; userCode: string };

    server.advance(5);
    const pending = await server.pollDeviceLink(post({ deviceCode: link.deviceCode }));
    expect(await errorOf(pending)).toMatchObject({ status: 400, code: 'authorization_pending' });

    await decideDeviceLink(
      opened.db,
      { userCode: link.userCode, userId: 'user_api', approve: true },
      new Date('2026-12-01T10:00:08.000Z'),
    );
    server.advance(10);
    const issued = await server.pollDeviceLink(post({ deviceCode: link.deviceCode }));
    expect(issued.status).toBe(200);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const tokens = (await issued.json()) as {
      licenseToken: string;
      deviceSecret: string;
      activationId: string;
    };

    const jwks = await server.jwks(new Request('http://localhost/.well-known/flowdesk/jwks.json'));
    expect(jwks.headers.get('cache-control')).toBe('public, max-age=300');
    const keys = (await jwks.json()) as { keys: Record<string, unknown>[] };
    expect(keys.keys.every((key) => key.kty === 'OKP' && !('d' in key))).toBe(true);
    const verified = await verifyLicenseToken(tokens.licenseToken, {
      keys: keys as never,
      issuer: config.issuer,
      now: new Date('2026-12-01T10:00:20.000Z'),
    });
    expect(verified.ok).toBe(true);

    const refresh = () =>
      server.refreshLicense(
        post({
          deviceSecret: tokens.deviceSecret,
          deviceFingerprintHash: device.deviceFingerprintHash,
          appVersion: '0.1.1',
        }),
      );
    expect((await refresh()).status).toBe(200);
    const deactivated = await server.deactivate(
      post({ deviceSecret: tokens.deviceSecret }),
      tokens.activationId,
    );
    expect(await deactivated.json()).toEqual({ deactivated: true });
    expect(await errorOf(await refresh())).toMatchObject({
      status: 403,
      code: 'ACTIVATION_REVOKED',
    });
  });

  it('answers bad bodies with the right status and one error shape, changing nothing', async () => {
    const server = api();
    const cases: [Request, number, string][] = [
      [post(device, { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [post('{"deviceName": ', {}), 400, 'INVALID_JSON'],
      [post({ ...device, platform: 'amiga' }), 400, 'INVALID_BODY'],
      [post({ ...device, extra: 1 }), 400, 'INVALID_BODY'],
      [post({ ...device, deviceName: 'x'.repeat(20_000) }), 413, 'BODY_TOO_LARGE'],
      [post(device, { 'content-length': String(1024 * 1024) }), 413, 'BODY_TOO_LARGE'],
      [
        new Request('http://localhost/api', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
        }),
        400,
        'INVALID_JSON',
      ],
    ];
    for (const [request, status, code] of cases) {
      const answer = await errorOf(
        await server.createDeviceLink(
          new Request(request, {
            headers: { ...Object.fromEntries(request.headers), 'x-test-ip': code },
          }),
        ),
      );
      expect(answer, code).toMatchObject({ status, code });
      expect(answer.message.length).toBeGreaterThan(10);
    }
    const named = await errorOf(
      await server.createDeviceLink(
        post({ ...device, platform: 'amiga' }, { 'x-test-ip': 'named' }),
      ),
    );
    expect(named.message).toMatch(/^platform: /);
  });

  it('refuses a body streamed past 16 KB without a length', async () => {
    const server = api();
    const chunk = new TextEncoder().encode(' '.repeat(4096));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 10) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request('http://localhost/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await errorOf(await server.createDeviceLink(request))).toMatchObject({
      status: 413,
      code: 'BODY_TOO_LARGE',
    });
    // Reading stopped at the limit: not all ten chunks were pulled.
    expect(sent).toBeLessThan(10);
  });

  it('rate-limits each address, saying when to try again', async () => {
    const server = api({ rateLimits: { deviceLinksPerIp: 3 } });
    const from = (ip: string) => server.createDeviceLink(post(device, { 'x-test-ip': ip }));
    for (let index = 0; index < 3; index += 1) expect((await from('10.0.0.1')).status).toBe(201);
    const limited = await from('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe('RATE_LIMITED');
    expect((await from('10.0.0.2')).status).toBe(201);
  });

  it('rate-limits polling per device code and refuses unknown codes and ids', async () => {
    const server = api({ rateLimits: { pollsPerDeviceCode: 2 } });
    const poll = () => server.pollDeviceLink(post({ deviceCode: 'x'.repeat(43) }));
    expect((await errorOf(await poll())).code).toBe('invalid_grant');
    expect((await errorOf(await poll())).code).toBe('invalid_grant');
    expect((await errorOf(await poll())).status).toBe(429);
    const wrongId = await server.deactivate(
      post({ deviceSecret: 'y'.repeat(43) }),
      "act_1' or 1=1",
    );
    expect(await errorOf(wrongId)).toMatchObject({ status: 404, code: 'ACTIVATION_NOT_FOUND' });
  });

  it('reports health, and says 503 without saying why in public when the database is down', async () => {
    const healthy = await api().health(new Request('http://localhost/api/health'));
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({
      status: 'healthy',
      checks: { database: { status: 'healthy' }, signingKey: { status: 'healthy' } },
    });
    const down = api({
      database: () => Promise.reject(new Error('connection refused: secret-host')),
    });
    const unhealthy = await down.health(new Request('http://localhost/api/health'));
    expect(unhealthy.status).toBe(503);
    expect(((await unhealthy.json()) as { status: string }).status).toBe('unhealthy');
    const failed = await down.createDeviceLink(post(device, { 'x-test-ip': 'down' }));
    const answer = await errorOf(failed);
    expect(answer).toMatchObject({ status: 500, code: 'SERVER_ERROR' });
    expect(answer.message).not.toContain('secret-host');
  });
});
