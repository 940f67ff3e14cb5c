import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OpenedDatabase } from '../db/client';
import { testDatabase } from '../../test/database';
import { DEFAULT_LICENSE_SERVER_CONFIG } from '../license/config';
import { createClerkWebhookHandler } from '../webhooks/clerk-webhook';
import { createLicenseApi } from './license-api';

/**
 * Every license API body and the Clerk webhook, fuzzed (issue 12): arbitrary JSON, text and
 * edited valid bodies always get a 4xx with the API's error shape (a valid one may succeed),
 * never a 5xx or an exception; an unsigned or wrongly signed webhook never gets through.
 * FLOWDESK_FUZZ_RUNS sets the cases (npm run fuzz runs 50 000 in shared; here a tenth).
 */

const RUNS = Math.max(50, Math.round((Number(process.env.FLOWDESK_FUZZ_RUNS) || 2000) / 10));
const errorShape = z.object({ error: z.object({ code: z.string().min(1), message: z.string() }) });

let opened: OpenedDatabase;
beforeAll(async () => {
  opened = await testDatabase();
});
afterAll(() => opened.close());

const valid = {
  deviceLink: {
    deviceFingerprintHash: 'a'.repeat(64),
    deviceName: 'Fuzz laptop',
    platform: 'linux',
    appVersion: '0.1.0',
  },
  token: { deviceCode: 'd'.repeat(43) },
  refresh: { deviceSecret: 's'.repeat(43), deviceFingerprintHash: 'a'.repeat(64) },
  deactivate: { deviceSecret: 's'.repeat(43) },
};

/** Arbitrary bodies: any JSON, any text, and valid bodies with a field changed or added. */
const body = (example: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 300 }),
    fc
      .tuple(fc.constantFrom(...Object.keys(example), '__proto__', 'extra'), fc.jsonValue())
      .map(([key, value]) => JSON.stringify({ ...example, [key]: value })),
  );

describe('license API bodies, fuzzed', () => {
  // Rate limits off: each case is one request, and a refusal for speed would hide the answer.
  const api = createLicenseApi({
    database: () => Promise.resolve(opened.db),
    config: { ...DEFAULT_LICENSE_SERVER_CONFIG, issuer: 'http://localhost:3000', signingKey: {} },
    clientIp: () => '127.0.0.1',
    rateLimits: {
      deviceLinksPerIp: 1e9,
      pollsPerDeviceCode: 1e9,
      pollsPerIp: 1e9,
      refreshesPerIp: 1e9,
      refreshesPerDevice: 1e9,
      deactivationsPerIp: 1e9,
    },
  });
  const endpoints = [
    ['device links', (request: Request) => api.createDeviceLink(request), valid.deviceLink],
    ['device link token', (request: Request) => api.pollDeviceLink(request), valid.token],
    ['refresh', (request: Request) => api.refreshLicense(request), valid.refresh],
    ['deactivate', (request: Request) => api.deactivate(request, 'act_fuzz'), valid.deactivate],
  ] as const;

  it.each(endpoints)(
    '%s answers any body with a 2xx or a 4xx in the error shape',
    async (_name, send, example) => {
      await fc.assert(
        fc.asyncProperty(
          body(example),
          fc.constantFrom('application/json', 'text/plain'),
          async (text, type) => {
            const response = await send(
              new Request('http://localhost/api', {
                method: 'POST',
                headers: { 'content-type': type },
                body: text,
              }),
            );
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) {
              expect(errorShape.safeParse(await response.json()).success).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

describe('the Clerk webhook, fuzzed', () => {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const handler = createClerkWebhookHandler({
    database: () => Promise.resolve(opened.db),
    signingSecret: secret,
  });
  const stranger = new Webhook(`whsec_${randomBytes(24).toString('base64')}`);

  it('never lets an unsigned or wrongly signed delivery through, whatever it carries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.boolean(),
        async (text, signedByStranger) => {
          const id = `msg_${randomBytes(6).toString('hex')}`;
          const at = new Date();
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (signedByStranger) {
            headers['svix-id'] = id;
            headers['svix-timestamp'] = String(Math.floor(at.getTime() / 1000));
            headers['svix-signature'] = stranger.sign(id, at, text);
          }
          const response = await handler(
            new Request('http://localhost/api/webhooks/clerk', {
              method: 'POST',
              headers,
              body: text,
            }),
          );
          expect(response.status).toBe(400);
          expect(errorShape.parse(await response.json()).error.code).toBe(
            'WEBHOOK_SIGNATURE_INVALID',
          );
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('answers any correctly signed payload with a 2xx or a 4xx, never a 5xx', async () => {
    const signer = new Webhook(secret);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            type: fc.constantFrom('user.created', 'user.updated', 'organization.created', 'x'),
            object: fc.constant('event'),
            data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue()),
          }),
        ),
        async (payload) => {
          const text = JSON.stringify(payload);
          const id = `msg_${randomBytes(6).toString('hex')}`;
          const at = new Date();
          const response = await handler(
            new Request('http://localhost/api/webhooks/clerk', {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'svix-id': id,
                'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
                'svix-signature': signer.sign(id, at, text),
              },
              body: text,
            }),
          );
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
