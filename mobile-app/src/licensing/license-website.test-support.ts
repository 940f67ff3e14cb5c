import { generateLicenseSigningKey, signLicenseToken } from '@flowdesk/shared/licensing';
import type { LicenseSigningKey, Plan } from '@flowdesk/shared/licensing';

/**
 * A stand-in for the Flow Desk website's license API (the paths and answers of
 * website/src/api), as a `fetch`: device links approved when the test says so, refreshes
 * answered with freshly signed tokens, sign-outs recorded. Nothing leaves the process.
 */
export const SITE = 'https://flowdesk.example';

export interface FakeWebsite {
  fetch: typeof fetch;
  key: LicenseSigningKey;
  /** The JWKS a build would pin. */
  publicKeys: string;
  /** Approves the waiting device link with this plan (the browser half of the flow). */
  approve(plan?: Plan): void;
  /** Refreshes answer this way from now on. */
  refreshWith(answer: 'token' | 'offline' | 'revoked'): void;
  requests: { path: string; body: unknown }[];
  /** The device fingerprint the app sent when it asked for a link. */
  device(): Record<string, unknown> | undefined;
  deactivated: string[];
}

export async function fakeWebsite(options: { now?: () => number } = {}): Promise<FakeWebsite> {
  const key = await generateLicenseSigningKey('k1');
  const now = options.now ?? Date.now;
  const requests: { path: string; body: unknown }[] = [];
  const deactivated: string[] = [];
  let approvedPlan: Plan | undefined;
  let refresh: 'token' | 'offline' | 'revoked' = 'token';
  let device: Record<string, unknown> | undefined;
  let plan: Plan = 'pro';

  const token = (fph: string) =>
    signLicenseToken(
      {
        sub: 'user_1',
        lic: 'lic_1',
        plan,
        features: [],
        seats: 1,
        device: { fph, aid: 'act_1' },
        checks: { interval: 86_400, grace: 14 * 86_400 },
      },
      {
        key,
        issuer: SITE,
        lifetimeSeconds: 15 * 86_400,
        now: new Date(now()),
        tokenId: `lt_${requests.length}`,
      },
    );
  const answer = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const refusal = (code: string, message: string, status: number) =>
    answer({ error: { code, message } }, status);

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    requests.push({ path: url.pathname, body });
    const fields = (body ?? {}) as Record<string, unknown>;
    switch (url.pathname) {
      case '/.well-known/flowdesk/jwks.json':
        return answer({ keys: [key.publicJwk] });
      case '/api/v1/device-links':
        device = fields;
        return answer({
          deviceCode: 'd'.repeat(43),
          userCode: 'BCDF-GHJK',
          verificationUri: `${SITE}/activate`,
          verificationUriComplete: `${SITE}/activate?code=BCDF-GHJK`,
          expiresIn: 900,
          interval: 1,
        });
      case '/api/v1/device-links/token':
        if (!approvedPlan) return refusal('authorization_pending', 'Waiting.', 400);
        plan = approvedPlan;
        return answer({
          licenseToken: await token(String(device?.deviceFingerprintHash)),
          deviceSecret: 's'.repeat(43),
          activationId: 'act_1',
        });
      case '/api/v1/licenses/refresh':
        if (refresh === 'offline') throw new TypeError('Network request failed');
        if (refresh === 'revoked') {
          return refusal('ACTIVATION_REVOKED', 'This device was signed out on the website.', 403);
        }
        return answer({ licenseToken: await token(String(fields.deviceFingerprintHash)) });
      case '/api/v1/activations/act_1/deactivate':
        deactivated.push('act_1');
        return answer({ deactivated: true });
      default:
        return refusal('NOT_FOUND', 'No such page.', 404);
    }
  };

  return {
    fetch: fetchImpl,
    key,
    publicKeys: JSON.stringify({ keys: [key.publicJwk] }),
    approve: (approved = 'pro') => {
      approvedPlan = approved;
    },
    refreshWith: (next) => {
      refresh = next;
    },
    requests,
    device: () => device,
    deactivated,
  };
}
