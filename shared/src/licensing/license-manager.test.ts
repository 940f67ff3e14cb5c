import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FlowDeskError } from '../core';
import { generateLicenseSigningKey, signLicenseToken } from '.';
import type { DeviceLink, IssuedLicense, LicenseSigningKey, Plan } from '.';
import { LICENSE_SECRET_KEY, LicenseManager } from './license-manager';
import { memoryLicenseSecrets } from './memory-license-secrets.test-support';
import type { LicenseChange, LicenseManagerOptions, LicenseSnapshot } from './license-manager';

const ISSUER = 'https://flowdesk.example';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = Date.parse('2026-12-01T12:00:00Z');
const device = {
  deviceFingerprintHash: 'f'.repeat(64),
  deviceName: 'Work laptop',
  platform: 'linux' as const,
  appVersion: '1.2.0',
};
const link: DeviceLink = {
  deviceCode: 'd'.repeat(43),
  userCode: 'BCDF-GHJK',
  verificationUri: `${ISSUER}/activate`,
  verificationUriComplete: `${ISSUER}/activate?code=BCDF-GHJK`,
  expiresIn: 900,
  interval: 5,
};

let key: LicenseSigningKey;
let stranger: LicenseSigningKey;
beforeAll(async () => {
  key = await generateLicenseSigningKey('k1');
  stranger = await generateLicenseSigningKey('k1');
});

const tokenAt = (
  at: number,
  plan: Plan = 'pro',
  options: { fph?: string; signer?: LicenseSigningKey } = {},
) =>
  signLicenseToken(
    {
      sub: 'user_1',
      lic: 'lic_1',
      plan,
      features: ['backups.sessions'],
      seats: 1,
      device: { fph: options.fph ?? device.deviceFingerprintHash, aid: 'act_1' },
      checks: { interval: 86_400, grace: 14 * 86_400 },
    },
    {
      key: options.signer ?? key,
      issuer: ISSUER,
      lifetimeSeconds: 15 * 86_400,
      now: new Date(at),
      tokenId: `lt_${at}`,
    },
  );

const issuedAt = async (at: number, plan: Plan = 'pro'): Promise<IssuedLicense> => ({
  licenseToken: await tokenAt(at, plan),
  deviceSecret: 's'.repeat(43),
  activationId: 'act_1',
});

/** Everything the manager touches, faked: time, timers, keyring, file, website, audit. */
function harness(
  shared?: { secrets: Map<string, string>; file: { text?: string } },
  extra: Partial<LicenseManagerOptions> = {},
) {
  let now = start;
  const secrets = shared?.secrets ?? new Map<string, string>();
  const file = shared?.file ?? {};
  const scheduled = new Map<number, { run: () => void; at: number }>();
  let nextHandle = 0;
  const audits: LicenseChange[] = [];
  const snapshots: LicenseSnapshot[] = [];
  const opened: string[] = [];
  const bundles: { token: string; sub: string }[] = [];
  let keyring = true;
  const client = {
    startDeviceLink: vi.fn<() => Promise<DeviceLink>>(() => Promise.resolve(link)),
    waitForApproval:
      vi.fn<(link: DeviceLink, options?: { signal?: AbortSignal }) => Promise<IssuedLicense>>(),
    refresh: vi.fn<() => Promise<{ licenseToken: string; policyBundle?: string }>>(),
    deactivate: vi.fn<() => Promise<void>>(() => Promise.resolve()),
  };
  const options: LicenseManagerOptions = {
    client,
    verification: { keys: { keys: [key.publicJwk] }, issuer: ISSUER },
    device,
    secrets: memoryLicenseSecrets(secrets, { keyring: () => keyring }),
    recordFile: {
      read: () => file.text,
      write: (text) => {
        file.text = text;
      },
    },
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve({ ok: true, value: null });
    },
    audit: (change) => audits.push(change),
    onChange: (snapshot) => snapshots.push(snapshot),
    onPolicyBundle: (token, claims) => bundles.push({ token, sub: claims.sub }),
    clock: () => now,
    timers: {
      set: (run, ms) => {
        nextHandle += 1;
        scheduled.set(nextHandle, { run, at: now + ms });
        return nextHandle;
      },
      clear: (handle) => scheduled.delete(handle as number),
    },
    random: () => 0.5,
    ...extra,
  };
  const manager = new LicenseManager(options);
  return {
    manager,
    client,
    secrets,
    file,
    audits,
    snapshots,
    opened,
    bundles,
    withoutKeyring: () => {
      keyring = false;
    },
    /** Moves the clock and runs what fell due; returns once their promises settle. */
    async advance(ms: number) {
      now += ms;
      for (const [handle, task] of [...scheduled].sort((a, b) => a[1].at - b[1].at)) {
        if (task.at <= now) {
          scheduled.delete(handle);
          task.run();
        }
      }
      await manager.idle();
    },
    setClock: (at: number) => {
      now = at;
    },
    nextCheckIn: () => {
      const at = manager.snapshot().nextAttemptAt;
      return at === undefined ? undefined : at - now;
    },
  };
}

/** Signs in and waits for the approval to land. */
async function signedIn(h: ReturnType<typeof harness>, plan: Plan = 'pro') {
  h.client.waitForApproval.mockResolvedValueOnce(await issuedAt(start, plan));
  await h.manager.start();
  const started = await h.manager.startSignIn();
  await vi.waitFor(() => expect(h.manager.snapshot().state.status).toBe('active'));
  return started;
}

describe('the apps’ license', () => {
  it('starts unlicensed on Free limits, with nothing to check', async () => {
    const h = harness();
    const snapshot = await h.manager.start();
    expect(snapshot.state).toMatchObject({ status: 'unlicensed', effectivePlan: 'free' });
    expect(h.nextCheckIn()).toBeUndefined();
    expect(h.client.refresh).not.toHaveBeenCalled();
  });

  it('signs in by device link: opens the website, shows the code, stores the license in the keyring', async () => {
    const h = harness();
    const started = await signedIn(h);
    expect(started).toEqual({
      ok: true,
      value: {
        userCode: 'BCDF-GHJK',
        verificationUri: link.verificationUri,
        expiresAt: start + 900_000,
      },
    });
    expect(h.client.startDeviceLink).toHaveBeenCalledWith(device, expect.any(AbortSignal));
    expect(h.opened).toEqual([link.verificationUriComplete]);
    const snapshot = h.manager.snapshot();
    expect(snapshot).toMatchObject({
      state: { status: 'active', effectivePlan: 'pro' },
      secureStorage: true,
    });
    expect(snapshot.signIn).toBeUndefined();
    expect(JSON.parse(h.secrets.get(LICENSE_SECRET_KEY)!)).toMatchObject({
      deviceSecret: 's'.repeat(43),
      activationId: 'act_1',
    });
    expect(h.audits).toEqual([
      expect.objectContaining({ from: 'unlicensed', to: 'active', plan: 'pro' }),
    ]);
    // The next check is one interval away.
    expect(h.nextCheckIn()).toBe(DAY);
  });

  it('says so when the system keyring cannot keep the sign-in, and works for this run', async () => {
    const h = harness();
    h.withoutKeyring();
    await signedIn(h);
    expect(h.manager.snapshot()).toMatchObject({
      state: { status: 'active' },
      secureStorage: false,
    });
    expect(h.secrets.has(LICENSE_SECRET_KEY)).toBe(false);
  });

  it('passes the organization’s signed policies on when a check brings them, only after the token is accepted', async () => {
    const h = harness();
    await signedIn(h);
    const bundle = 'b'.repeat(64);
    h.client.refresh.mockResolvedValueOnce({
      licenseToken: await tokenAt(start + DAY, 'team'),
      policyBundle: bundle,
    });
    await h.advance(DAY);
    expect(h.bundles).toEqual([{ token: bundle, sub: 'user_1' }]);
    // A token that is refused brings no policies with it.
    h.client.refresh.mockResolvedValueOnce({
      licenseToken: await tokenAt(start + 2 * DAY, 'team', { signer: stranger }),
      policyBundle: 'c'.repeat(64),
    });
    await h.advance(DAY);
    expect(h.bundles).toHaveLength(1);
  });

  it('follows an organization’s check-interval policy, and sends its policy counts once received', async () => {
    let policyHours: number | undefined = undefined;
    const report = {
      since: new Date(start).toISOString(),
      findings: [{ policyId: 'apps', version: 1, outcome: 'blocked' as const, count: 2 }],
    };
    let pending: typeof report | undefined = report;
    const delivered: (typeof report)[] = [];
    const h = harness(undefined, {
      maxCheckIntervalSeconds: () => (policyHours === undefined ? undefined : policyHours * 3600),
      policyReport: {
        pending: () => pending,
        delivered: (sent) => {
          delivered.push(sent as typeof report);
          pending = undefined;
        },
      },
    });
    await signedIn(h);
    expect(h.nextCheckIn()).toBe(DAY);
    policyHours = 4;
    h.manager.reschedule();
    expect(h.nextCheckIn()).toBe(4 * HOUR);

    // The website cannot be reached: the counts stay for the next check.
    h.client.refresh.mockRejectedValueOnce(new TypeError('fetch failed'));
    await h.advance(4 * HOUR);
    expect(h.client.refresh).toHaveBeenLastCalledWith(
      expect.objectContaining({ policyReport: report }),
      expect.any(AbortSignal),
    );
    expect(delivered).toEqual([]);

    h.client.refresh.mockResolvedValueOnce({ licenseToken: await tokenAt(start + 5 * HOUR) });
    await h.manager.checkNow();
    expect(delivered).toEqual([report]);
    expect(h.nextCheckIn()).toBe(4 * HOUR);
    // Nothing new to report: the next check carries no counts.
    h.client.refresh.mockResolvedValueOnce({ licenseToken: await tokenAt(start + 9 * HOUR) });
    await h.advance(4 * HOUR);
    expect((h.client.refresh.mock.lastCall as unknown[])[0]).not.toHaveProperty('policyReport');
  });

  it('checks daily, takes the new plan, and keeps it across a restart', async () => {
    const h = harness();
    await signedIn(h);
    h.client.refresh.mockResolvedValueOnce({ licenseToken: await tokenAt(start + DAY, 'team') });
    await h.advance(DAY);
    expect(h.client.refresh).toHaveBeenCalledWith(
      {
        deviceSecret: 's'.repeat(43),
        deviceFingerprintHash: device.deviceFingerprintHash,
        appVersion: '1.2.0',
      },
      expect.any(AbortSignal),
    );
    expect(h.manager.snapshot().state).toMatchObject({ status: 'active', effectivePlan: 'team' });
    expect(h.nextCheckIn()).toBe(DAY);

    const again = harness({ secrets: h.secrets, file: h.file });
    again.setClock(start + DAY + HOUR);
    expect((await again.manager.start()).state).toMatchObject({
      status: 'active',
      effectivePlan: 'team',
    });
  });

  it('goes into grace while the website is unreachable, retrying with backoff, then back to active', async () => {
    const h = harness();
    await signedIn(h);
    h.client.refresh.mockRejectedValue(
      new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'Flow Desk could not reach its website.'),
    );
    await h.advance(DAY);
    const snapshot = h.manager.snapshot();
    expect(snapshot.state).toMatchObject({ status: 'grace', effectivePlan: 'pro', daysLeft: 14 });
    expect(snapshot.problem?.code).toBe('LICENSE_SERVER_UNREACHABLE');
    expect(h.nextCheckIn()).toBe(45_000);
    await h.advance(45_000);
    expect(h.nextCheckIn()).toBe(90_000);
    h.client.refresh.mockResolvedValueOnce({ licenseToken: await tokenAt(start + DAY + 200_000) });
    await h.advance(90_000);
    expect(h.manager.snapshot()).toMatchObject({ state: { status: 'active' } });
    expect(h.manager.snapshot().problem).toBeUndefined();
    expect(h.audits.map((change) => change.to)).toEqual(['active', 'due', 'grace', 'active']);
  });

  it('backs off up to an hour between failed checks, and the ten-minute tick does not push them', async () => {
    const h = harness();
    await signedIn(h);
    h.client.refresh.mockRejectedValue(new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'offline'));
    await h.advance(DAY);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const wait = h.nextCheckIn()!;
      waits.push(wait);
      await h.advance(wait);
    }
    // 1 min doubling (with the test's fixed jitter: ¾ of each), then capped at an hour.
    expect(waits).toEqual([
      45_000, 90_000, 180_000, 360_000, 720_000, 1_440_000, 2_700_000, 2_700_000,
    ]);
    const before = h.nextCheckIn()!;
    await h.advance(10 * 60_000);
    expect(h.nextCheckIn()).toBe(before - 10 * 60_000);
  });

  it('falls back to Free when grace runs out offline, and never before', async () => {
    const h = harness();
    await signedIn(h);
    h.client.refresh.mockRejectedValue(new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'offline'));
    await h.advance(DAY);
    await h.advance(14 * DAY - HOUR);
    expect(h.manager.snapshot().state.status).toBe('grace');
    await h.advance(HOUR);
    expect(h.manager.snapshot().state).toMatchObject({
      status: 'expired',
      effectivePlan: 'free',
      licensedPlan: 'pro',
    });
  });

  it('is revoked when the website refuses the device, and stops checking', async () => {
    const h = harness();
    await signedIn(h);
    h.client.refresh.mockRejectedValueOnce(
      new FlowDeskError(
        'ACTIVATION_REVOKED',
        'This device was signed out of its Flow Desk account.',
      ),
    );
    await h.manager.checkNow();
    expect(h.manager.snapshot()).toMatchObject({
      state: { status: 'revoked', effectivePlan: 'free', revokedCode: 'ACTIVATION_REVOKED' },
      problem: { code: 'ACTIVATION_REVOKED' },
    });
    expect(h.nextCheckIn()).toBeUndefined();
    expect(h.audits.at(-1)).toMatchObject({ from: 'active', to: 'revoked' });
  });

  it('works the same with the pure-JS Ed25519 check the mobile app uses, and still refuses a stranger’s token', async () => {
    const verdicts: boolean[] = [];
    const h = harness(undefined, {
      verification: {
        keys: { keys: [key.publicJwk] },
        issuer: ISSUER,
        ed25519Verify: (signature, message, publicKey) => {
          const valid = ed25519.verify(signature, message, publicKey);
          verdicts.push(valid);
          return valid;
        },
      },
    });
    await signedIn(h);
    expect(verdicts).toEqual([true]);
    h.client.refresh.mockResolvedValueOnce({
      licenseToken: await tokenAt(start + DAY, 'team', { signer: stranger }),
    });
    await h.advance(DAY);
    expect(h.manager.snapshot()).toMatchObject({
      // The bad token is not taken: the check counts as failed and Pro holds in grace.
      state: { status: 'grace', licensedPlan: 'pro' },
      problem: { code: 'LICENSE_SERVER_BAD_ANSWER' },
    });
    expect(verdicts).toEqual([true, false]);
  });

  it('refuses tokens it cannot trust: another signer, another device', async () => {
    const forged = harness();
    forged.client.waitForApproval.mockResolvedValueOnce({
      ...(await issuedAt(start)),
      licenseToken: await tokenAt(start, 'enterprise', { signer: stranger }),
    });
    await forged.manager.start();
    await forged.manager.startSignIn();
    await vi.waitFor(() =>
      expect(forged.manager.snapshot().problem?.code).toBe('LICENSE_SIGNATURE_INVALID'),
    );
    expect(forged.manager.snapshot().state.status).toBe('unlicensed');
    expect(forged.secrets.size).toBe(0);

    const otherDevice = harness();
    otherDevice.client.waitForApproval.mockResolvedValueOnce({
      ...(await issuedAt(start)),
      licenseToken: await tokenAt(start, 'pro', { fph: 'e'.repeat(64) }),
    });
    await otherDevice.manager.start();
    await otherDevice.manager.startSignIn();
    await vi.waitFor(() =>
      expect(otherDevice.manager.snapshot().problem?.code).toBe('LICENSE_OTHER_DEVICE'),
    );
    expect(otherDevice.manager.snapshot().state.status).toBe('unlicensed');
  });

  it('recovers from damaged storage without crashing', async () => {
    const secrets = new Map([[LICENSE_SECRET_KEY, '{"licenseToken": 42']]);
    const h = harness({ secrets, file: { text: 'not json' } });
    const snapshot = await h.manager.start();
    expect(snapshot).toMatchObject({
      state: { status: 'unlicensed' },
      problem: { code: 'LICENSE_STORAGE_DAMAGED' },
    });
    expect(secrets.size).toBe(0);
  });

  it('drops a stored token that was tampered with, and gets a good one with the device secret', async () => {
    const h = harness();
    await signedIn(h);
    const stored = JSON.parse(h.secrets.get(LICENSE_SECRET_KEY)!) as { licenseToken: string };
    const [header, payload, signature] = stored.licenseToken.split('.') as [string, string, string];
    // The plan in the payload changed to Enterprise by hand: the signature no longer matches.
    const forgedPayload = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('"pro"', '"enterprise"'),
    ).toString('base64url');
    h.secrets.set(
      LICENSE_SECRET_KEY,
      JSON.stringify({ ...stored, licenseToken: `${header}.${forgedPayload}.${signature}` }),
    );
    const restarted = harness({ secrets: h.secrets, file: h.file });
    restarted.client.refresh.mockResolvedValueOnce({ licenseToken: await tokenAt(start) });
    const snapshot = await restarted.manager.start();
    expect(snapshot).toMatchObject({
      state: { status: 'unlicensed', effectivePlan: 'free' },
      problem: { code: 'LICENSE_SIGNATURE_INVALID' },
    });
    // The device secret is still good: a check at once brings the real license back.
    expect(restarted.nextCheckIn()).toBe(0);
    await restarted.advance(0);
    expect(restarted.manager.snapshot()).toMatchObject({
      state: { status: 'active', effectivePlan: 'pro' },
    });
  });

  it('signs in on a computer whose clock is an hour behind, and keeps the license after', async () => {
    const h = harness();
    h.setClock(start - HOUR);
    await signedIn(h);
    expect(h.manager.snapshot().state).toMatchObject({ status: 'active', clockRollback: false });
    h.setClock(start - HOUR + 23 * HOUR);
    expect(h.manager.snapshot().state.status).toBe('active');
  });

  it('notices a clock set back and checks at once', async () => {
    const h = harness();
    await signedIn(h);
    await h.advance(10 * HOUR);
    const restarted = harness({ secrets: h.secrets, file: h.file });
    restarted.setClock(start - 5 * DAY);
    restarted.client.refresh.mockRejectedValue(
      new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'offline'),
    );
    const snapshot = await restarted.manager.start();
    expect(snapshot.state).toMatchObject({ status: 'due', clockRollback: true });
    expect(restarted.nextCheckIn()).toBe(0);
    await restarted.advance(0);
    expect(restarted.client.refresh).toHaveBeenCalled();
    expect(restarted.manager.snapshot().state.status).toBe('grace');
  });

  it('cancels a sign-in in progress', async () => {
    const h = harness();
    h.client.waitForApproval.mockImplementationOnce(
      (_link, options?: { signal?: AbortSignal }) =>
        new Promise((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () =>
            reject(new FlowDeskError('OPERATION_CANCELLED', 'cancelled')),
          ),
        ),
    );
    await h.manager.start();
    await h.manager.startSignIn();
    expect(h.manager.snapshot().signIn?.userCode).toBe('BCDF-GHJK');
    h.manager.cancelSignIn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.manager.snapshot().signIn).toBeUndefined();
    expect(h.manager.snapshot().problem).toBeUndefined();
    expect(h.manager.snapshot().state.status).toBe('unlicensed');
  });

  it('reports a sign-in that cannot start or cannot open the browser', async () => {
    const h = harness();
    await h.manager.start();
    h.client.waitForApproval.mockImplementationOnce(() => new Promise(() => undefined));
    await h.manager.startSignIn();
    expect(h.manager.snapshot().signIn).toBeDefined();
    // Starting again while offline: the earlier code is not left on screen.
    h.client.startDeviceLink.mockRejectedValueOnce(
      new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'offline'),
    );
    expect(await h.manager.startSignIn()).toMatchObject({
      ok: false,
      error: { code: 'LICENSE_SERVER_UNREACHABLE' },
    });
    expect(h.manager.snapshot().signIn).toBeUndefined();
    expect(h.snapshots.at(-1)?.signIn).toBeUndefined();
  });

  it('signs out: deactivated on the website, forgotten here, Free again; offline it says so', async () => {
    const h = harness();
    await signedIn(h);
    expect(await h.manager.signOut()).toEqual({ ok: true, value: { deactivatedOnWebsite: true } });
    expect(h.client.deactivate).toHaveBeenCalledWith('act_1', 's'.repeat(43));
    expect(h.secrets.size).toBe(0);
    expect(h.manager.snapshot().state.status).toBe('unlicensed');

    const offline = harness();
    await signedIn(offline);
    offline.client.deactivate.mockRejectedValueOnce(
      new FlowDeskError('LICENSE_SERVER_UNREACHABLE', 'offline'),
    );
    expect(await offline.manager.signOut()).toEqual({
      ok: true,
      value: { deactivatedOnWebsite: false },
    });
    expect(offline.manager.snapshot().problem?.code).toBe('LICENSE_SIGNED_OUT_OFFLINE');
    expect(offline.secrets.size).toBe(0);
  });
});
