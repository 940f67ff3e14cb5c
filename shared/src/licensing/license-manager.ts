import { z } from 'zod';
import { FlowDeskError, toFlowDeskError } from '../core';
import type { Result } from '../core';
import type { PolicyReport } from '../policy/report';
import { CircuitBreaker, computeBackoffDelay } from '../resilience';
import type { LicenseClaims } from './claims';
import type { LicenseKeySet } from './keys';
import { isLicenseRefusal } from './license-client';
import type { DeviceDescription, LicenseClient } from './license-client';
import {
  evaluateLicense,
  licenseRecordSchema,
  licenseTime,
  newLicenseRecord,
  observeClock,
  recordCheckFailed,
  recordCheckSucceeded,
  recordRevoked,
} from './license-state';
import type { LicenseRecord, LicenseState, LicenseStatusCode } from './license-state';
import { verifyLicenseToken } from './verifier';
import type { Ed25519Verify } from './verifier';

/**
 * The apps' license (issue 7; the mobile app's since issue 11): signing in by device link, the
 * token and device secret kept by the platform's secret store (the desktop's keyring, the phone's
 * Keychain or Keystore), checks every licenseCheckInterval through a circuit breaker with
 * backoff, and the shared state machine deciding what applies. Nothing here deletes user data:
 * a lapsed license only changes the entitlements the rest of the app reads.
 * No platform API: storage, browser and clock are injected, so it runs under Node in tests.
 */

export const LICENSE_SECRET_KEY = 'license:credentials' as const;

const credentialsSchema = z.strictObject({
  licenseToken: z.string().min(20).max(16_384),
  deviceSecret: z.string().min(20).max(200),
  activationId: z.string().min(1).max(200),
});
type Credentials = z.infer<typeof credentialsSchema>;

export interface LicenseSecrets {
  get(key: typeof LICENSE_SECRET_KEY): Promise<string | undefined>;
  set(key: typeof LICENSE_SECRET_KEY, value: string): Promise<Result<null>>;
  delete(key: typeof LICENSE_SECRET_KEY): Result<null>;
}

export interface LicenseChange {
  from: LicenseStatusCode;
  to: LicenseStatusCode;
  plan: string;
  reason: string;
}

export interface PendingSignIn {
  userCode: string;
  verificationUri: string;
  expiresAt: number;
}

export interface LicenseSnapshot {
  state: LicenseState;
  claims?: LicenseClaims;
  lastCheckedAt?: number;
  /** When the next check will run (after a failure: the retry), while one is scheduled. */
  nextAttemptAt?: number;
  signIn?: PendingSignIn;
  /** False: no keyring, so the sign-in lasts only until Flow Desk quits. */
  secureStorage: boolean;
  problem?: { code: string; message: string };
}

export interface LicenseManagerOptions {
  client: Pick<LicenseClient, 'startDeviceLink' | 'waitForApproval' | 'refresh' | 'deactivate'>;
  /**
   * The pinned keys and the website that signs (a development build may pass the local one);
   * where WebCrypto has no Ed25519 (React Native), the signature check to use instead.
   */
  verification: { keys: LicenseKeySet; issuer: string; ed25519Verify?: Ed25519Verify };
  device: DeviceDescription;
  secrets: LicenseSecrets;
  /** license.json: the state machine's record (not secret). */
  recordFile: { read(): string | undefined; write(text: string): void };
  openExternal(url: string): Promise<Result<null>>;
  audit(change: LicenseChange): void;
  onChange(snapshot: LicenseSnapshot): void;
  /** The organization's signed policies came with a refresh (issue 10): verified by the caller. */
  onPolicyBundle?: (token: string, claims: LicenseClaims) => void;
  /** The organization's policy counts, sent with each check and dropped once received. */
  policyReport?: {
    pending(): PolicyReport | undefined;
    delivered(report: PolicyReport): void;
  };
  /** A license-check-interval policy: checks fall due at least this often (seconds). */
  maxCheckIntervalSeconds?: () => number | undefined;
  clock?: () => number;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
  breaker?: CircuitBreaker;
  random?: () => number;
}

/** Retries of a failed check: 1 min doubling to 1 h, with jitter. */
const RETRY_BACKOFF = {
  initialDelayMs: 60_000,
  maxDelayMs: 3_600_000,
  multiplier: 2,
  jitter: 'equal' as const,
};
/** How often license time is written down and the state looked at again (days left, expiry). */
const TICK_MS = 10 * 60_000;

export class LicenseManager {
  private record: LicenseRecord;
  private credentials: Credentials | undefined;
  private claims: LicenseClaims | undefined;
  private secureStorage = true;
  private signIn: { pending: PendingSignIn; controller: AbortController } | undefined;
  private problem: { code: string; message: string } | undefined;
  private checking: Promise<void> | undefined;
  private failedChecks = 0;
  /** After a failed check: when to try again (fixed at the failure, so ticks do not push it). */
  private retryAt: number | undefined;
  /** When the scheduled check runs, on the computer's clock. */
  private nextAttemptAt: number | undefined;
  private timer: unknown;
  private ticker: unknown;
  private lastStatus: LicenseStatusCode | undefined;
  private readonly clock: () => number;
  private readonly timers: NonNullable<LicenseManagerOptions['timers']>;
  private readonly breaker: CircuitBreaker;

  constructor(private readonly options: LicenseManagerOptions) {
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.breaker =
      options.breaker ??
      new CircuitBreaker({
        name: 'license server',
        failureThreshold: 3,
        resetTimeoutMs: 5 * 60_000,
        isFailure: (error) => !isLicenseRefusal(error),
      });
    this.record = this.readRecord();
  }

  /** Reads what was kept, checks the clock, and schedules the next check. */
  async start(): Promise<LicenseSnapshot> {
    const stored = await this.options.secrets.get(LICENSE_SECRET_KEY);
    if (stored !== undefined) {
      const parsed = credentialsSchema.safeParse(safeJson(stored));
      if (parsed.success) {
        this.credentials = parsed.data;
        await this.acceptToken(parsed.data.licenseToken, { storedAlready: true });
      } else {
        this.options.secrets.delete(LICENSE_SECRET_KEY);
        this.problem = {
          code: 'LICENSE_STORAGE_DAMAGED',
          message: 'The stored sign-in was damaged and has been removed. Sign in again.',
        };
      }
    }
    this.observe();
    this.ticker = this.timers.set(() => this.tick(), TICK_MS);
    this.settle('started');
    return this.snapshot();
  }

  stop(): void {
    this.signIn?.controller.abort();
    this.timers.clear(this.timer);
    this.timers.clear(this.ticker);
  }

  /** Policies changed how often the license must be checked: the next check moves. */
  reschedule(): void {
    this.settle('policies changed');
  }

  snapshot(): LicenseSnapshot {
    const maxCheckIntervalSeconds = this.options.maxCheckIntervalSeconds?.();
    const state = evaluateLicense(
      this.claims,
      this.record,
      this.clock(),
      maxCheckIntervalSeconds === undefined ? {} : { maxCheckIntervalSeconds },
    );
    return {
      state,
      ...(this.claims ? { claims: this.claims } : {}),
      ...(this.record.lastCheckAt === undefined ? {} : { lastCheckedAt: this.record.lastCheckAt }),
      ...(this.nextAttemptAt === undefined ? {} : { nextAttemptAt: this.nextAttemptAt }),
      ...(this.signIn ? { signIn: this.signIn.pending } : {}),
      secureStorage: this.secureStorage,
      ...(this.problem ? { problem: this.problem } : {}),
    };
  }

  /**
   * Starts a device-link sign-in: the website's page opens in the browser, the app shows the
   * code and waits for the approval in the background (cancelSignIn stops it).
   */
  async startSignIn(): Promise<Result<PendingSignIn>> {
    // A sign-in already waiting is replaced: its code must not stay on screen if this one fails.
    this.cancelSignIn();
    const controller = new AbortController();
    let link;
    try {
      link = await this.options.client.startDeviceLink(this.options.device, controller.signal);
    } catch (error) {
      return {
        ok: false,
        error: toFlowDeskError(
          error,
          'LICENSE_SIGN_IN_FAILED',
          'Signing in did not start. Try again.',
        ),
      };
    }
    const pending = {
      userCode: link.userCode,
      verificationUri: link.verificationUri,
      expiresAt: this.clock() + link.expiresIn * 1000,
    };
    this.signIn = { pending, controller };
    this.problem = undefined;
    const opened = await this.options.openExternal(link.verificationUriComplete);
    if (!opened.ok) {
      // The code and address are on screen: the user can open the page by hand.
      this.problem = { code: opened.error.code, message: opened.error.message };
    }
    this.settle('sign-in started');
    void this.finishSignIn(link, controller);
    return { ok: true, value: pending };
  }

  cancelSignIn(): void {
    if (!this.signIn) return;
    this.signIn.controller.abort();
    this.signIn = undefined;
    this.settle('sign-in cancelled');
  }

  /** Checks with the website now (the user asked, or the schedule says so). */
  checkNow(): Promise<void> {
    this.checking ??= this.check().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  /** Resolves when no check is running (tests and an orderly quit wait on it). */
  async idle(): Promise<void> {
    await this.checking;
  }

  /**
   * Signs this device out: deactivated on the website when it can be reached, and forgotten
   * here either way. Workspaces stay; Free's limits apply.
   */
  async signOut(): Promise<Result<{ deactivatedOnWebsite: boolean }>> {
    this.cancelSignIn();
    const credentials = this.credentials;
    let deactivatedOnWebsite = false;
    if (credentials) {
      try {
        await this.options.client.deactivate(credentials.activationId, credentials.deviceSecret);
        deactivatedOnWebsite = true;
      } catch (error) {
        // Already signed out there counts as done.
        deactivatedOnWebsite =
          isLicenseRefusal(error) ||
          (error instanceof FlowDeskError && error.code === 'ACTIVATION_NOT_FOUND');
      }
    }
    this.options.secrets.delete(LICENSE_SECRET_KEY);
    this.credentials = undefined;
    this.claims = undefined;
    const { lastSeenAt, clockOffsetMs } = this.record;
    this.record = { ...newLicenseRecord(lastSeenAt), clockOffsetMs };
    this.problem =
      deactivatedOnWebsite || !credentials
        ? undefined
        : {
            code: 'LICENSE_SIGNED_OUT_OFFLINE',
            message:
              'Signed out on this computer. The website could not be reached, so the device stays on your account until you sign it out there.',
          };
    this.writeRecord();
    this.settle('signed out');
    return { ok: true, value: { deactivatedOnWebsite } };
  }

  private async finishSignIn(
    link: Awaited<ReturnType<LicenseManagerOptions['client']['startDeviceLink']>>,
    controller: AbortController,
  ): Promise<void> {
    try {
      const issued = await this.options.client.waitForApproval(link, { signal: controller.signal });
      if (controller.signal.aborted) return;
      const credentials = {
        licenseToken: issued.licenseToken,
        deviceSecret: issued.deviceSecret,
        activationId: issued.activationId,
      };
      const accepted = await this.acceptToken(issued.licenseToken, { credentials });
      if (accepted) {
        this.record = recordCheckSucceeded(this.record, this.clock(), accepted.iat * 1000);
        this.writeRecord();
        this.problem = undefined;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = toFlowDeskError(
        error,
        'LICENSE_SIGN_IN_FAILED',
        'Signing in did not finish. Try again.',
      );
      this.problem = { code: failure.code, message: failure.message };
    } finally {
      if (this.signIn?.controller === controller) this.signIn = undefined;
    }
    this.settle('signed in');
  }

  private async check(): Promise<void> {
    const credentials = this.credentials;
    if (!credentials) return;
    const policyReport = this.options.policyReport?.pending();
    try {
      const refreshed = await this.breaker.execute((signal) =>
        this.options.client.refresh(
          {
            deviceSecret: credentials.deviceSecret,
            deviceFingerprintHash: this.options.device.deviceFingerprintHash,
            appVersion: this.options.device.appVersion,
            ...(policyReport ? { policyReport } : {}),
          },
          signal,
        ),
      );
      // The website has the counts, whatever it thinks of the token.
      if (policyReport) this.options.policyReport?.delivered(policyReport);
      const token = refreshed.licenseToken;
      const accepted = await this.acceptToken(token, {
        credentials: { ...credentials, licenseToken: token },
      });
      if (!accepted)
        throw new FlowDeskError(
          'LICENSE_SERVER_BAD_ANSWER',
          this.problem?.message ?? 'The new license could not be used.',
        );
      this.record = recordCheckSucceeded(this.record, this.clock(), accepted.iat * 1000);
      if (refreshed.policyBundle) this.options.onPolicyBundle?.(refreshed.policyBundle, accepted);
      this.failedChecks = 0;
      this.retryAt = undefined;
      this.problem = undefined;
    } catch (error) {
      if (isLicenseRefusal(error)) {
        const refusal = error as FlowDeskError;
        this.record = recordRevoked(this.record, this.clock(), refusal.code);
        this.problem = { code: refusal.code, message: refusal.message };
      } else {
        this.record = recordCheckFailed(this.record, this.clock());
        this.failedChecks += 1;
        this.retryAt =
          licenseTime(this.record, this.clock()) +
          computeBackoffDelay(this.failedChecks, RETRY_BACKOFF, this.options.random);
        const failure = toFlowDeskError(
          error,
          'LICENSE_CHECK_FAILED',
          'The license could not be checked. Flow Desk will try again.',
        );
        this.problem = { code: failure.code, message: failure.message };
      }
    }
    this.writeRecord();
    this.settle('checked');
  }

  /**
   * Verifies a token against the pinned keys (an expired one is kept: the state machine says
   * what it means) and that it is for this device; stores it with the credentials when given.
   */
  private async acceptToken(
    token: string,
    options: { credentials?: Credentials; storedAlready?: boolean },
  ): Promise<LicenseClaims | undefined> {
    const verified = await verifyLicenseToken(token, {
      ...this.options.verification,
      now: new Date(licenseTime(this.record, this.clock())),
      allowExpired: true,
      // Straight from the website: a clock behind the server's is re-based, not refused.
      freshFromServer: options.credentials !== undefined,
    });
    const claims = verified.ok ? verified.value : undefined;
    if (!claims || claims.device.fph !== this.options.device.deviceFingerprintHash) {
      const problem = verified.ok
        ? new FlowDeskError(
            'LICENSE_OTHER_DEVICE',
            'This license belongs to another device. Sign in again.',
          )
        : verified.error;
      this.problem = { code: problem.code, message: problem.message };
      if (options.storedAlready) {
        // A stored token that no longer verifies is dropped; the device secret may get a new one.
        this.claims = undefined;
      }
      return undefined;
    }
    this.claims = claims;
    if (options.credentials) {
      this.credentials = options.credentials;
      const stored = await this.options.secrets.set(
        LICENSE_SECRET_KEY,
        JSON.stringify(options.credentials),
      );
      this.secureStorage = stored.ok;
    }
    return claims;
  }

  private observe(): void {
    const observed = observeClock(this.record, this.clock());
    if (observed !== this.record) {
      this.record = observed;
      this.writeRecord();
    }
  }

  private tick(): void {
    this.observe();
    this.settle('tick');
    this.ticker = this.timers.set(() => this.tick(), TICK_MS);
  }

  /** Tells the UI, audits a status change, and schedules the next check. */
  private settle(reason: string): void {
    const { state } = this.snapshot();
    if (this.lastStatus !== undefined && this.lastStatus !== state.status) {
      this.options.audit({
        from: this.lastStatus,
        to: state.status,
        plan: state.licensedPlan ?? 'free',
        reason,
      });
    }
    this.lastStatus = state.status;
    this.timers.clear(this.timer);
    this.nextAttemptAt = undefined;
    if (this.credentials && state.status !== 'revoked') {
      const now = licenseTime(this.record, this.clock());
      const wait = Math.max(0, (this.retryAt ?? state.nextCheckAt ?? now) - now);
      // On the computer's clock: when the timer fires.
      this.nextAttemptAt = this.clock() + wait;
      this.timer = this.timers.set(() => void this.checkNow(), Math.min(wait, 2 ** 31 - 1));
    }
    this.options.onChange(this.snapshot());
  }

  private readRecord(): LicenseRecord {
    try {
      const text = this.options.recordFile.read();
      if (text !== undefined) {
        const parsed = licenseRecordSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      }
    } catch {
      // Unreadable: start afresh below; the token (kept apart) still verifies.
    }
    return newLicenseRecord(this.clock());
  }

  private writeRecord(): void {
    try {
      this.options.recordFile.write(`${JSON.stringify(this.record, null, 2)}\n`);
    } catch {
      // Not fatal: the record is rebuilt from the token next time, and clock checks restart.
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
