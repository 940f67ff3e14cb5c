import { describe, expect, it, vi } from 'vitest';
import {
  AppLock,
  appLockRecordSchema,
  hashAppLockPassword,
  validateNewAppLockPassword,
  verifyAppLockPassword,
} from './app-lock';
import type { AppLockRecord, AppLockStatus } from './app-lock';

// Small scrypt cost keeps the suite fast; one test checks the production defaults.
const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASSWORD = 'correct horse battery';

async function setup(options: { record?: boolean; autoLockMinutes?: number } = {}) {
  let clock = 1_000;
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let nextId = 0;
  const saved: (AppLockRecord | undefined)[] = [];
  const changes: AppLockStatus[] = [];
  const save = vi.fn((record: AppLockRecord | undefined) => void saved.push(record));
  const record = options.record
    ? await hashAppLockPassword(PASSWORD, { ...FAST, autoLockMinutes: options.autoLockMinutes })
    : undefined;
  const lock = new AppLock({
    record,
    save,
    onChange: (status) => changes.push(status),
    now: () => clock,
    setTimer: (fn, ms) => (timers.set(++nextId, { fn, ms }), nextId),
    clearTimer: (handle) => void timers.delete(handle as number),
    hashOptions: FAST,
  });
  const advance = (ms: number) => (clock += ms);
  return { lock, saved, save, changes, timers, advance };
}

describe('hashAppLockPassword and verifyAppLockPassword', () => {
  it('salts every hash and verifies only the right password', async () => {
    const [a, b] = await Promise.all([
      hashAppLockPassword(PASSWORD, FAST),
      hashAppLockPassword(PASSWORD, FAST),
    ]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(appLockRecordSchema.parse(a)).toEqual(a);
    expect(JSON.stringify(a)).not.toContain(PASSWORD);
    await expect(verifyAppLockPassword(PASSWORD, a)).resolves.toBe(true);
    await expect(verifyAppLockPassword(PASSWORD, b)).resolves.toBe(true);
    await expect(verifyAppLockPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyAppLockPassword('', a)).resolves.toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const record = await hashAppLockPassword('caf\u00e9 au lait', FAST);
    await expect(verifyAppLockPassword('cafe\u0301 au lait', record)).resolves.toBe(true);
  });

  it('records the default parameters', async () => {
    const record = await hashAppLockPassword(PASSWORD);
    expect(record).toMatchObject({ algorithm: 'scrypt', N: 131072, r: 8, p: 1, keyLength: 32 });
    expect(record.autoLockMinutes).toBe(0);
    expect(Buffer.from(record.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(record.hash, 'base64')).toHaveLength(32);
    await expect(verifyAppLockPassword(PASSWORD, record)).resolves.toBe(true);
  });

  it('refuses options outside the bounds before hashing', async () => {
    await expect(hashAppLockPassword(PASSWORD, { N: 1000 })).rejects.toThrow();
    await expect(hashAppLockPassword(PASSWORD, { N: 2 ** 21 })).rejects.toThrow();
  });

  it('answers false, without throwing, for a damaged record', async () => {
    const good = await hashAppLockPassword(PASSWORD, FAST);
    const other = await hashAppLockPassword('another password', FAST);
    const damaged: unknown[] = [
      null,
      {},
      { ...good, hash: good.hash.slice(0, 8) },
      { ...good, hash: other.hash.slice(0, -4) + 'AAA=' },
      { ...good, salt: 'not base64!' },
      { ...good, N: 3 * 2 ** 14 },
      { ...good, algorithm: 'md5' },
      { ...good, keyLength: 64 },
      { ...good, extra: true },
      { ...good, salt: other.salt },
    ];
    for (const record of damaged) {
      await expect(verifyAppLockPassword(PASSWORD, record as AppLockRecord)).resolves.toBe(false);
    }
  });
});

describe('appLockRecordSchema', () => {
  it.each([
    ['N below 2^14', { N: 2 ** 13 }],
    ['N not a power of two', { N: 3 * 2 ** 14 }],
    ['N above 2^20', { N: 2 ** 21 }],
    ['r 0', { r: 0 }],
    ['r 33', { r: 33 }],
    ['p 17', { p: 17 }],
    ['keyLength 16', { keyLength: 16 }],
    ['keyLength 65', { keyLength: 65 }],
    ['autoLockMinutes 1441', { autoLockMinutes: 1441 }],
    ['autoLockMinutes 1.5', { autoLockMinutes: 1.5 }],
    ['a long salt', { salt: 'A'.repeat(204) }],
    ['a non-base64 hash', { hash: 'abc$' }],
    ['an unknown key', { password: PASSWORD }],
  ])('rejects %s', async (_label, change) => {
    const record = await hashAppLockPassword(PASSWORD, FAST);
    expect(appLockRecordSchema.safeParse(record).success).toBe(true);
    expect(appLockRecordSchema.safeParse({ ...record, ...change }).success).toBe(false);
  });
});

describe('validateNewAppLockPassword', () => {
  it('counts characters as the user sees them', () => {
    expect(validateNewAppLockPassword('1234567')).toMatchObject({
      ok: false,
      code: 'APP_LOCK_PASSWORD_TOO_SHORT',
      message: expect.stringContaining('at least 8 characters') as string,
    });
    expect(validateNewAppLockPassword('12345678')).toEqual({ ok: true });
    // Seven emoji are fourteen UTF-16 units but only seven characters.
    expect(validateNewAppLockPassword('\u{1F600}'.repeat(7))).toMatchObject({ ok: false });
    expect(validateNewAppLockPassword('x'.repeat(1024))).toEqual({ ok: true });
    expect(validateNewAppLockPassword('x'.repeat(1025))).toMatchObject({
      ok: false,
      code: 'APP_LOCK_PASSWORD_TOO_LONG',
    });
  });
});

describe('AppLock', () => {
  it('sets a password, locks, unlocks and disables', async () => {
    const { lock, saved, changes } = await setup();
    expect(lock.status()).toEqual({ enabled: false, locked: false, autoLockMinutes: 0 });
    lock.lock();
    expect(changes).toEqual([]);

    const set = await lock.setPassword({ newPassword: PASSWORD, autoLockMinutes: 10 });
    expect(set).toEqual({ ok: true, value: { enabled: true, locked: false, autoLockMinutes: 10 } });
    expect(saved).toHaveLength(1);
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);
    expect(appLockRecordSchema.parse(saved[0])).toMatchObject({ N: 2 ** 14, autoLockMinutes: 10 });

    lock.lock();
    expect(lock.status().locked).toBe(true);
    const wrong = await lock.unlock('wrong password');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'APP_LOCK_WRONG_PASSWORD' } });
    expect(lock.status().locked).toBe(true);
    expect(await lock.unlock(PASSWORD)).toMatchObject({ ok: true, value: { locked: false } });

    const refused = await lock.disable('wrong password');
    expect(refused).toMatchObject({ ok: false, error: { code: 'APP_LOCK_WRONG_PASSWORD' } });
    expect(lock.status().enabled).toBe(true);
    expect(await lock.disable(PASSWORD)).toMatchObject({ ok: true, value: { enabled: false } });
    expect(saved.at(-1)).toBeUndefined();
    expect(changes.map((s) => [s.enabled, s.locked])).toEqual([
      [true, false],
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('opens locked when a password is set', async () => {
    const { lock } = await setup({ record: true });
    expect(lock.status()).toEqual({ enabled: true, locked: true, autoLockMinutes: 0 });
  });

  it('changes the password only with the current one', async () => {
    const { lock, save } = await setup({ record: true });
    await lock.unlock(PASSWORD);
    const change = { newPassword: 'a new password', autoLockMinutes: 5 };
    for (const currentPassword of [undefined, 'not it']) {
      const result = await lock.setPassword({ ...change, currentPassword });
      expect(result).toMatchObject({ ok: false, error: { code: 'APP_LOCK_WRONG_PASSWORD' } });
    }
    const short = await lock.setPassword({
      currentPassword: PASSWORD,
      newPassword: 'short',
      autoLockMinutes: 5,
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'APP_LOCK_PASSWORD_TOO_SHORT' } });
    const badMinutes = await lock.setPassword({
      ...change,
      currentPassword: PASSWORD,
      autoLockMinutes: -1,
    });
    expect(badMinutes).toMatchObject({ ok: false, error: { code: 'APP_LOCK_AUTO_LOCK_INVALID' } });
    expect(save).not.toHaveBeenCalled();

    expect(await lock.setPassword({ ...change, currentPassword: PASSWORD })).toMatchObject({
      ok: true,
    });
    lock.lock();
    expect((await lock.unlock(PASSWORD)).ok).toBe(false);
    expect((await lock.unlock('a new password')).ok).toBe(true);
  });

  it('keeps the old state when the record cannot be saved', async () => {
    const { lock, save, changes } = await setup();
    save.mockImplementation(() => {
      throw new Error('disk full');
    });
    const result = await lock.setPassword({ newPassword: PASSWORD, autoLockMinutes: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'APP_LOCK_SAVE_FAILED' } });
    expect(lock.status().enabled).toBe(false);
    expect(changes).toEqual([]);
  });

  it('backs off after five wrong passwords and resets after a success', async () => {
    const { lock, advance } = await setup({ record: true });
    for (let i = 0; i < 5; i++) {
      expect(await lock.unlock('nope nope')).toMatchObject({
        error: { code: 'APP_LOCK_WRONG_PASSWORD' },
      });
    }
    expect(lock.status().retryAfterMs).toBe(1000);
    const limited = await lock.unlock(PASSWORD);
    expect(limited).toMatchObject({ ok: false, error: { code: 'APP_LOCK_RATE_LIMITED' } });
    expect(!limited.ok && limited.error.message).toContain('Wait 1 second,');
    expect(lock.status().locked).toBe(true);

    advance(1000);
    expect(lock.status().retryAfterMs).toBeUndefined();
    await lock.unlock('nope nope');
    expect(lock.status().retryAfterMs).toBe(2000);
    advance(1500);
    const again = await lock.unlock(PASSWORD);
    expect(!again.ok && again.error.message).toContain('Wait 1 second,');
    advance(500);
    expect(await lock.unlock(PASSWORD)).toMatchObject({ ok: true });

    lock.lock();
    for (let i = 0; i < 4; i++) await lock.unlock('nope nope');
    expect(lock.status().retryAfterMs).toBeUndefined();
    expect(await lock.unlock(PASSWORD)).toMatchObject({ ok: true });
  });

  it('caps the wait at five minutes and counts parallel guesses one by one', async () => {
    const { lock, advance } = await setup({ record: true });
    const guesses = await Promise.all(Array.from({ length: 7 }, () => lock.unlock('nope nope')));
    expect(guesses.map((r) => !r.ok && r.error.code)).toEqual([
      ...Array<string>(5).fill('APP_LOCK_WRONG_PASSWORD'),
      'APP_LOCK_RATE_LIMITED',
      'APP_LOCK_RATE_LIMITED',
    ]);
    for (let i = 0; i < 10; i++) {
      advance(10 * 60_000);
      await lock.unlock('nope nope');
    }
    expect(lock.status().retryAfterMs).toBe(5 * 60_000);
    const refused = await lock.disable(PASSWORD);
    expect(refused).toMatchObject({ ok: false, error: { code: 'APP_LOCK_RATE_LIMITED' } });
  });

  it('locks after the inactivity time; activity postpones it', async () => {
    const { lock, timers, changes } = await setup({ record: true, autoLockMinutes: 5 });
    expect(timers.size).toBe(0);
    await lock.unlock(PASSWORD);
    expect([...timers.values()].map((t) => t.ms)).toEqual([5 * 60_000]);
    const first = [...timers.values()][0]!;

    lock.recordActivity();
    expect(timers.size).toBe(1);
    first.fn(); // A stale timer firing late must not lock.
    expect(lock.status().locked).toBe(false);

    [...timers.values()][0]!.fn();
    expect(lock.status().locked).toBe(true);
    expect(changes.at(-1)).toEqual({ enabled: true, locked: true, autoLockMinutes: 5 });
    lock.recordActivity();
    expect(timers.size).toBe(0);

    await lock.unlock(PASSWORD);
    expect(timers.size).toBe(1);
    lock.dispose();
    expect(timers.size).toBe(0);
    lock.recordActivity();
    expect(timers.size).toBe(0);
  });

  it('never auto-locks when the time is 0', async () => {
    const { lock, timers } = await setup({ record: true, autoLockMinutes: 0 });
    await lock.unlock(PASSWORD);
    lock.recordActivity();
    expect(timers.size).toBe(0);
  });
});
