import { describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { LicenseClient, isLicenseRefusal } from './license-client';

const SITE = 'https://flowdesk.example';
const device = {
  deviceFingerprintHash: 'a'.repeat(64),
  deviceName: 'Laptop',
  platform: 'linux' as const,
  appVersion: '1.0.0',
};
const link = {
  deviceCode: 'd'.repeat(43),
  userCode: 'BCDF-GHJK',
  verificationUri: `${SITE}/activate`,
  verificationUriComplete: `${SITE}/activate?code=BCDF-GHJK`,
  expiresIn: 900,
  interval: 5,
};
const issued = {
  licenseToken: 'x'.repeat(40),
  deviceSecret: 's'.repeat(43),
  activationId: 'act_1',
};

type Answer = Response | Error | (() => Response);

/** A fetch that answers from a queue and records what was asked. */
function fakeServer(answers: Answer[]) {
  const requests: { url: string; method: string; body: unknown }[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const next = answers.shift();
    if (!next) return Promise.reject(new Error('no more answers'));
    if (next instanceof Error) return Promise.reject(next);
    return Promise.resolve(typeof next === 'function' ? next() : next);
  };
  return { requests, client: new LicenseClient({ siteUrl: `${SITE}/any/path`, fetch: fetchImpl }) };
}

const json = (body: unknown, status = 200) => Response.json(body, { status });
const apiError = (code: string, status = 400) =>
  json({ error: { code, message: `${code} happened` } }, status);
const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return 'ok';
  } catch (error) {
    return error instanceof FlowDeskError ? error.code : String(error);
  }
};

/** A client whose website never answers: only its 50 ms deadline or a cancel ends a request. */
const hangingClient = () =>
  new LicenseClient({
    siteUrl: SITE,
    timeoutMs: 50,
    fetch: (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      ),
  });

/** A clock and sleep that move only when the client waits. */
function fakeTime() {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: (ms: number) => {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

describe('the license client', () => {
  it('starts a device link on the website and checks where it will send the user', async () => {
    const { client, requests } = fakeServer([json(link, 201)]);
    expect(await client.startDeviceLink(device)).toEqual(link);
    expect(requests).toEqual([
      { url: `${SITE}/api/v1/device-links`, method: 'POST', body: device },
    ]);
    const elsewhere = fakeServer([
      json({ ...link, verificationUriComplete: 'https://evil.example/activate' }, 201),
    ]);
    expect(await codeOf(elsewhere.client.startDeviceLink(device))).toBe(
      'LICENSE_SERVER_BAD_ANSWER',
    );
  });

  it('polls at the interval, slows down when told, and rides out a dropped connection', async () => {
    const time = fakeTime();
    const { client, requests } = fakeServer([
      apiError('authorization_pending'),
      apiError('slow_down'),
      new TypeError('fetch failed'),
      new Response('<html>502 Bad Gateway</html>', { status: 502 }),
      json(issued),
    ]);
    expect(await client.waitForApproval(link, time)).toEqual(issued);
    expect(time.waits).toEqual([5000, 5000, 10_000, 10_000, 10_000]);
    expect(requests.every((request) => request.url === `${SITE}/api/v1/device-links/token`)).toBe(
      true,
    );
    expect(requests[0]?.body).toEqual({ deviceCode: link.deviceCode });
  });

  it('stops on a denial, on expiry, and when cancelled', async () => {
    expect(
      await codeOf(
        fakeServer([apiError('access_denied')]).client.waitForApproval(link, fakeTime()),
      ),
    ).toBe('access_denied');
    const pending = Array.from({ length: 200 }, () => apiError('authorization_pending'));
    expect(await codeOf(fakeServer(pending).client.waitForApproval(link, fakeTime()))).toBe(
      'expired_token',
    );
    const controller = new AbortController();
    controller.abort();
    expect(
      await codeOf(fakeServer([]).client.waitForApproval(link, { signal: controller.signal })),
    ).toBe('OPERATION_CANCELLED');
  });

  it('refreshes, and tells refusals apart from a server that is down or confused', async () => {
    const request = { deviceSecret: 's'.repeat(43), deviceFingerprintHash: 'a'.repeat(64) };
    const { client } = fakeServer([
      json({ licenseToken: 't'.repeat(40) }),
      json({ licenseToken: 't'.repeat(40), policyBundle: 'p'.repeat(40) }),
      apiError('ACTIVATION_REVOKED', 403),
      new TypeError('fetch failed'),
      new Response('<!doctype html><title>Maintenance</title>', { status: 200 }),
      json({ unexpected: true }),
      json({ oops: 'no error object' }, 500),
      apiError('RATE_LIMITED', 429),
    ]);
    expect(await client.refresh(request)).toEqual({ licenseToken: 't'.repeat(40) });
    // An organization's member also gets its signed policies.
    expect(await client.refresh(request)).toEqual({
      licenseToken: 't'.repeat(40),
      policyBundle: 'p'.repeat(40),
    });
    let refusal: unknown;
    await client.refresh(request).catch((error: unknown) => (refusal = error));
    expect(refusal).toMatchObject({ code: 'ACTIVATION_REVOKED', details: { status: 403 } });
    expect(isLicenseRefusal(refusal)).toBe(true);
    for (const expected of [
      'LICENSE_SERVER_UNREACHABLE',
      'LICENSE_SERVER_BAD_ANSWER',
      'LICENSE_SERVER_BAD_ANSWER',
      'LICENSE_SERVER_BAD_ANSWER',
      'RATE_LIMITED',
    ]) {
      let error: unknown;
      await client.refresh(request).catch((thrown: unknown) => (error = thrown));
      expect(error).toMatchObject({ code: expected });
      expect(isLicenseRefusal(error)).toBe(false);
    }
  });

  it('deactivates this device and reads the published keys', async () => {
    const keys = {
      keys: [
        { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k1', alg: 'EdDSA', use: 'sig' },
      ],
    };
    const { client, requests } = fakeServer([json({ deactivated: true }), json(keys)]);
    await client.deactivate('act_1/../x', 's'.repeat(43));
    expect(requests[0]?.url).toBe(`${SITE}/api/v1/activations/act_1%2F..%2Fx/deactivate`);
    expect((await client.publishedKeys()).keys[0]?.kid).toBe('k1');
    expect(requests[1]?.method).toBe('GET');
  });

  it('gives up on a request that hangs', async () => {
    const client = hangingClient();
    expect(await codeOf(client.refresh({ deviceSecret: 'x', deviceFingerprintHash: 'y' }))).toBe(
      'LICENSE_SERVER_UNREACHABLE',
    );
  });

  it('works where AbortSignal has neither timeout() nor any(), as in React Native', async () => {
    const missing = () => {
      throw new TypeError('not a function in React Native');
    };
    vi.spyOn(AbortSignal, 'timeout').mockImplementation(missing);
    vi.spyOn(AbortSignal, 'any').mockImplementation(missing);
    try {
      const hanging = hangingClient();
      expect(await codeOf(hanging.refresh({ deviceSecret: 'x', deviceFingerprintHash: 'y' }))).toBe(
        'LICENSE_SERVER_UNREACHABLE',
      );
      // The caller's own cancel still reads as a cancel, not as an unreachable website.
      const controller = new AbortController();
      const waiting = hanging.startDeviceLink(device, controller.signal);
      controller.abort();
      expect(await codeOf(waiting)).toBe('OPERATION_CANCELLED');
      const { client } = fakeServer([json({ keys: [] }, 200)]);
      expect(await codeOf(client.publishedKeys())).toBe('LICENSE_SERVER_BAD_ANSWER');
    } finally {
      vi.restoreAllMocks();
    }
  });
});
