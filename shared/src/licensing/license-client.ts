import { z } from 'zod';
import { FlowDeskError } from '../core';
import { abortableDelay, deadlineSignal } from '../resilience';
import { licenseKeySetSchema } from './keys';
import type { LicenseKeySet } from './keys';
import type { PolicyReport } from '../policy/report';

/**
 * The apps' side of the website's license API (docs/website.md): start a device link, poll it
 * until the browser approves, refresh the token, deactivate this device. Every answer is checked
 * with zod: a server answering HTML, garbage or nothing gives a clear error, never a crash. Used
 * by the desktop app and the mobile app; the fetch is injected.
 */

export interface DeviceDescription {
  /** SHA-256 (hex) of the device's fingerprint. */
  deviceFingerprintHash: string;
  deviceName: string;
  platform: 'darwin' | 'win32' | 'linux' | 'ios' | 'android';
  appVersion: string;
}

const deviceLinkSchema = z.object({
  deviceCode: z.string().min(20).max(200),
  userCode: z.string().min(4).max(20),
  verificationUri: z.url({ protocol: /^https?$/ }),
  verificationUriComplete: z.url({ protocol: /^https?$/ }),
  expiresIn: z.int().min(1).max(86_400),
  interval: z.int().min(1).max(300),
});
export type DeviceLink = z.infer<typeof deviceLinkSchema>;

const issuedSchema = z.object({
  licenseToken: z.string().min(20).max(16_384),
  deviceSecret: z.string().min(20).max(200),
  activationId: z.string().min(1).max(200),
});
export type IssuedLicense = z.infer<typeof issuedSchema>;

const refreshedSchema = z.object({
  licenseToken: z.string().min(20).max(16_384),
  /** An organization's signed policies (issue 10), verified by the app before use. */
  policyBundle: z.string().min(20).max(262_144).optional(),
});
export type RefreshedLicense = z.infer<typeof refreshedSchema>;

const errorAnswerSchema = z.object({
  error: z.object({
    code: z.string().regex(/^[A-Za-z_]{1,64}$/),
    message: z.string().max(500),
    interval: z.int().optional(),
  }),
});

/** Server answers that mean this device's license is gone: fall back, do not retry. */
export const LICENSE_REFUSAL_CODES = [
  'DEVICE_NOT_RECOGNIZED',
  'DEVICE_MISMATCH',
  'ACTIVATION_REVOKED',
  'LICENSE_REVOKED',
  // The organization requires single sign-on and this account is not using it (issue 10).
  'SSO_REQUIRED',
] as const;

export function isLicenseRefusal(error: unknown): boolean {
  return (
    error instanceof FlowDeskError &&
    (LICENSE_REFUSAL_CODES as readonly string[]).includes(error.code)
  );
}

export interface LicenseClientOptions {
  /** The website, e.g. https://flowdesk.app (its origin is used). */
  siteUrl: string;
  fetch?: typeof fetch;
  /** Per request. Default 15 s. */
  timeoutMs?: number;
}

export class LicenseClient {
  readonly origin: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: LicenseClientOptions) {
    this.origin = new URL(options.siteUrl).origin;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Starts signing this device in: the user opens `verificationUriComplete` in a browser. */
  async startDeviceLink(device: DeviceDescription, signal?: AbortSignal): Promise<DeviceLink> {
    const link = await this.call('/api/v1/device-links', device, deviceLinkSchema, signal);
    // The app opens this address in the browser: it must be the website's own page.
    for (const address of [link.verificationUri, link.verificationUriComplete]) {
      if (new URL(address).origin !== this.origin)
        throw badAnswer('a sign-in page on another site');
    }
    return link;
  }

  /**
   * Polls until the browser approves (the token and device secret), or the user denies, the
   * link expires, or `signal` aborts. Waits the link's interval between polls, longer after a
   * `slow_down`, and rides out an unreachable server until the link expires.
   */
  async waitForApproval(
    link: Pick<DeviceLink, 'deviceCode' | 'interval' | 'expiresIn'>,
    options: {
      signal?: AbortSignal;
      now?: () => number;
      sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
      onPoll?: (intervalSeconds: number) => void;
    } = {},
  ): Promise<IssuedLicense> {
    const signal = options.signal ?? new AbortController().signal;
    const now = options.now ?? Date.now;
    const deadline = now() + link.expiresIn * 1000;
    let interval = link.interval;
    while (now() < deadline) {
      await (options.sleep ?? abortableDelay)(interval * 1000, signal);
      options.onPoll?.(interval);
      try {
        return await this.call(
          '/api/v1/device-links/token',
          { deviceCode: link.deviceCode },
          issuedSchema,
          signal,
        );
      } catch (error) {
        if (!(error instanceof FlowDeskError)) throw error;
        if (error.code === 'authorization_pending') continue;
        if (error.code === 'slow_down') {
          const asked = error.details.interval;
          interval = typeof asked === 'number' && asked > interval ? asked : interval + 5;
          continue;
        }
        // Offline for a moment, or the server busy: keep polling until the link expires.
        if (
          ['LICENSE_SERVER_UNREACHABLE', 'LICENSE_SERVER_BAD_ANSWER', 'RATE_LIMITED'].includes(
            error.code,
          )
        ) {
          continue;
        }
        throw error;
      }
    }
    throw new FlowDeskError(
      'expired_token',
      'The sign-in request expired before it was approved. Start signing in again.',
    );
  }

  /** A fresh token reflecting the current plan; refusals are `isLicenseRefusal`. */
  async refresh(
    request: {
      deviceSecret: string;
      deviceFingerprintHash: string;
      appVersion?: string;
      /** An organization member's policy counts since the last check (issue 10). */
      policyReport?: PolicyReport;
    },
    signal?: AbortSignal,
  ): Promise<RefreshedLicense> {
    return this.call('/api/v1/licenses/refresh', request, refreshedSchema, signal);
  }

  /** Signs this device out of its account on the website. */
  async deactivate(
    activationId: string,
    deviceSecret: string,
    signal?: AbortSignal,
  ): Promise<void> {
    await this.call(
      `/api/v1/activations/${encodeURIComponent(activationId)}/deactivate`,
      { deviceSecret },
      z.object({ deactivated: z.literal(true) }),
      signal,
    );
  }

  /** The website's published keys: only for a development build that trusts a local site. */
  async publishedKeys(signal?: AbortSignal): Promise<LicenseKeySet> {
    return this.call('/.well-known/flowdesk/jwks.json', undefined, licenseKeySetSchema, signal);
  }

  private async call<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    // The deadline covers reading the answer too, not only the connection.
    const deadline = deadlineSignal(this.timeoutMs, signal);
    try {
      return await this.exchange(path, body, schema, deadline.signal, signal);
    } finally {
      deadline.dispose();
    }
  }

  private async exchange<T>(
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
    signal: AbortSignal,
    callerSignal: AbortSignal | undefined,
  ): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.origin}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal,
        redirect: 'error',
      });
    } catch (error) {
      if (callerSignal?.aborted) {
        throw new FlowDeskError('OPERATION_CANCELLED', 'The operation was cancelled.', {
          cause: error,
        });
      }
      throw new FlowDeskError(
        'LICENSE_SERVER_UNREACHABLE',
        'Flow Desk could not reach its website. Check your internet connection; it will try again.',
        { cause: error },
      );
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badAnswer(`a page that is not JSON (HTTP ${response.status})`);
    }
    if (!response.ok) {
      const answer = errorAnswerSchema.safeParse(parsed);
      if (!answer.success) throw badAnswer(`an error without a reason (HTTP ${response.status})`);
      const { code, message, interval } = answer.data.error;
      throw new FlowDeskError(code, message, {
        details: { status: response.status, ...(interval === undefined ? {} : { interval }) },
      });
    }
    const answer = schema.safeParse(parsed);
    if (!answer.success) throw badAnswer('an answer Flow Desk does not understand');
    return answer.data;
  }
}

function badAnswer(what: string): FlowDeskError {
  return new FlowDeskError(
    'LICENSE_SERVER_BAD_ANSWER',
    `Flow Desk's website sent ${what}. It may be under maintenance; Flow Desk will try again.`,
  );
}
