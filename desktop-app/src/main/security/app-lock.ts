import { scryptAsync } from '@noble/hashes/scrypt.js';
import { z } from 'zod';
import { FlowDeskError, err, ok, toFlowDeskError } from '@flowdesk/shared/core';
import type { Result } from '@flowdesk/shared/core';

/**
 * The app lock: a password that hides the whole app UI, with auto-lock after inactivity. Only a
 * salted scrypt hash is stored; the app opens locked whenever a lock is set.
 */

/** What is persisted (in the app settings store, JSON): never the password. */
export interface AppLockRecord {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
  keyLength: number;
  /** 0 = never. */
  autoLockMinutes: number;
}

export interface AppLockStatus {
  enabled: boolean;
  locked: boolean;
  autoLockMinutes: number;
  /** Set while unlock attempts are refused after too many wrong passwords. */
  retryAfterMs?: number;
}

const MIN_PASSWORD_CHARS = 8;
const MAX_PASSWORD_CHARS = 1024;
const FREE_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 5 * 60_000;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const base64 = z.base64().min(4).max(200);
const paramsShape = {
  // A power of two, as scrypt requires; bounded so a tampered record cannot demand gigabytes.
  N: int(2 ** 14, 2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of two.'),
  r: int(1, 32),
  p: int(1, 16),
  keyLength: int(32, 64),
  autoLockMinutes: int(0, 1440),
};
const paramsSchema = z.strictObject(paramsShape);

export const appLockRecordSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  salt: base64,
  hash: base64,
  ...paramsShape,
});

type ScryptParams = Pick<AppLockRecord, 'N' | 'r' | 'p' | 'keyLength'>;

/*
 * scrypt from @noble/hashes (audited, no dependencies) rather than node:crypto: the same module
 * then runs in the main process and in the UI's in-page test stand-in, which has no Node.
 * Randomness and encoding come from WebCrypto and btoa/atob, present in Node 20+ and browsers.
 */
function deriveKey(password: string, salt: Uint8Array, { N, r, p, keyLength }: ScryptParams) {
  // NFC: the same password typed on different systems must give the same key.
  const input = new TextEncoder().encode(password.normalize('NFC'));
  return scryptAsync(input, salt, { N, r, p, dkLen: keyLength, maxmem: 128 * N * r * 2 });
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** Compares in time that depends only on the length, so a guess learns nothing from timing. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}

const DEFAULT_PARAMS = { N: 2 ** 17, r: 8, p: 1, keyLength: 32, autoLockMinutes: 0 };

/** Rejects (before any hashing work) when the options are outside the record's bounds. */
export async function hashAppLockPassword(
  password: string,
  options: { N?: number; r?: number; p?: number; autoLockMinutes?: number } = {},
): Promise<AppLockRecord> {
  // An option given as undefined keeps its default rather than failing validation.
  const given = Object.entries(options).filter(([, value]) => value !== undefined);
  const params = paramsSchema.parse({ ...DEFAULT_PARAMS, ...Object.fromEntries(given) });
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const hash = toBase64(await deriveKey(password, salt, params));
  return { algorithm: 'scrypt', salt: toBase64(salt), hash, ...params };
}

/** False, never a throw, for a wrong password or a damaged record. */
export async function verifyAppLockPassword(
  password: string,
  record: AppLockRecord,
): Promise<boolean> {
  const parsed = appLockRecordSchema.safeParse(record);
  if (!parsed.success) return false;
  try {
    const expected = fromBase64(parsed.data.hash);
    if (expected.length !== parsed.data.keyLength) return false;
    const actual = await deriveKey(password, fromBase64(parsed.data.salt), parsed.data);
    return constantTimeEqual(actual, expected);
  } catch {
    return false;
  }
}

export type NewPasswordCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'APP_LOCK_PASSWORD_TOO_SHORT' | 'APP_LOCK_PASSWORD_TOO_LONG';
      message: string;
    };

export function validateNewAppLockPassword(password: string): NewPasswordCheck {
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const length = [...password].length;
  if (length < MIN_PASSWORD_CHARS) {
    const message = `Use at least ${MIN_PASSWORD_CHARS} characters for the app lock password.`;
    return { ok: false, code: 'APP_LOCK_PASSWORD_TOO_SHORT', message };
  }
  if (length > MAX_PASSWORD_CHARS) {
    const message = `Use at most ${MAX_PASSWORD_CHARS} characters for the app lock password.`;
    return { ok: false, code: 'APP_LOCK_PASSWORD_TOO_LONG', message };
  }
  return { ok: true };
}

export interface AppLockDependencies {
  record: AppLockRecord | undefined;
  save: (record: AppLockRecord | undefined) => void | Promise<void>;
  onChange: (status: AppLockStatus) => void;
  /** Milliseconds on a clock that only moves forward; defaults to performance.now. */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** scrypt cost for new passwords; tests lower it, the app keeps the defaults. */
  hashOptions?: { N?: number; r?: number; p?: number };
}

const wrongPassword = () =>
  new FlowDeskError('APP_LOCK_WRONG_PASSWORD', 'That password is not correct. Try again.');

export class AppLock {
  private record: AppLockRecord | undefined;
  private locked: boolean;
  private failures = 0;
  private retryAt: number | undefined;
  private timer: { handle: unknown } | undefined;
  private disposed = false;
  /** Password checks run one at a time, so parallel guesses cannot slip past the rate limit. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: AppLockDependencies) {
    // A record that fails to verify keeps the app locked: fail closed, never open.
    this.record = deps.record;
    this.locked = deps.record !== undefined;
    this.now = deps.now ?? (() => performance.now());
    this.setTimer =
      deps.setTimer ??
      ((fn, ms) => {
        const handle = setTimeout(fn, ms);
        handle.unref?.();
        return handle;
      });
    this.clearTimer =
      deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  status(): AppLockStatus {
    const waitMs = this.retryAt === undefined ? 0 : Math.ceil(this.retryAt - this.now());
    return {
      enabled: this.record !== undefined,
      locked: this.locked,
      autoLockMinutes: this.record?.autoLockMinutes ?? 0,
      ...(waitMs > 0 ? { retryAfterMs: waitMs } : {}),
    };
  }

  setPassword(input: {
    currentPassword?: string;
    newPassword: string;
    autoLockMinutes: number;
  }): Promise<Result<AppLockStatus>> {
    return this.serial(async () => {
      const { newPassword, autoLockMinutes } = input;
      if (!paramsShape.autoLockMinutes.safeParse(autoLockMinutes).success) {
        return err(
          new FlowDeskError(
            'APP_LOCK_AUTO_LOCK_INVALID',
            'Choose an auto-lock time between 0 (never) and 1440 minutes.',
          ),
        );
      }
      const valid = validateNewAppLockPassword(newPassword);
      if (!valid.ok) return err(new FlowDeskError(valid.code, valid.message));
      if (this.record) {
        const checked = await this.checkPassword(input.currentPassword ?? '');
        if (!checked.ok) return checked;
      }
      return this.persist(() =>
        hashAppLockPassword(newPassword, { ...this.deps.hashOptions, autoLockMinutes }),
      );
    });
  }

  disable(currentPassword: string): Promise<Result<AppLockStatus>> {
    return this.serial(async () => {
      if (!this.record) return ok(this.status());
      const checked = await this.checkPassword(currentPassword);
      if (!checked.ok) return checked;
      return this.persist(() => Promise.resolve(undefined));
    });
  }

  lock(): void {
    if (!this.record) return;
    this.stopTimer();
    this.change(() => (this.locked = true));
  }

  unlock(password: string): Promise<Result<AppLockStatus>> {
    return this.serial(async () => {
      // Already open: answer without checking, so this is no oracle for guessing the password.
      if (!this.record || !this.locked) return ok(this.status());
      const checked = await this.checkPassword(password);
      if (!checked.ok) return checked;
      this.change(() => (this.locked = false));
      this.restartTimer();
      return ok(this.status());
    });
  }

  /** Restarts the inactivity countdown (no timer while locked or with auto-lock off). */
  recordActivity(): void {
    this.restartTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer();
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Verifies against the current record, counting failures and enforcing the backoff. */
  private async checkPassword(password: string): Promise<Result<null>> {
    const { retryAfterMs } = this.status();
    if (retryAfterMs !== undefined) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      const message = `Too many wrong passwords. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then try again.`;
      return err(
        new FlowDeskError('APP_LOCK_RATE_LIMITED', message, { details: { retryAfterMs } }),
      );
    }
    // A password far beyond what can be set cannot match; skip the hashing work.
    const plausible = password.length <= MAX_PASSWORD_CHARS * 2;
    if (this.record && plausible && (await verifyAppLockPassword(password, this.record))) {
      this.failures = 0;
      this.retryAt = undefined;
      return ok(null);
    }
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      const backoff = Math.min(1000 * 2 ** (this.failures - FREE_ATTEMPTS), MAX_BACKOFF_MS);
      this.retryAt = this.now() + backoff;
    }
    return err(wrongPassword());
  }

  /** Saves first and changes state only once the store has the new record. */
  private async persist(
    next: () => Promise<AppLockRecord | undefined>,
  ): Promise<Result<AppLockStatus>> {
    try {
      const record = await next();
      await this.deps.save(record);
      this.change(() => {
        this.record = record;
        if (!record) this.locked = false;
      });
      this.restartTimer();
      return ok(this.status());
    } catch (error) {
      return err(
        toFlowDeskError(
          error,
          'APP_LOCK_SAVE_FAILED',
          'Could not save the app lock settings. Try again; if it keeps happening, restart Flow Desk.',
        ),
      );
    }
  }

  private change(mutate: () => void): void {
    const before = this.status();
    mutate();
    const after = this.status();
    const same =
      before.enabled === after.enabled &&
      before.locked === after.locked &&
      before.autoLockMinutes === after.autoLockMinutes;
    if (!same) this.deps.onChange(after);
  }

  private restartTimer(): void {
    this.stopTimer();
    const minutes = this.record?.autoLockMinutes ?? 0;
    if (this.disposed || this.locked || minutes === 0) return;
    // The closure checks identity: a stale timer that still fires (cleared too late) is ignored.
    const timer = { handle: undefined as unknown };
    timer.handle = this.setTimer(() => {
      if (this.timer === timer) this.lock();
    }, minutes * 60_000);
    this.timer = timer;
  }

  private stopTimer(): void {
    if (this.timer) this.clearTimer(this.timer.handle);
    this.timer = undefined;
  }
}
