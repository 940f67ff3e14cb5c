import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HealthCheckRegistry } from './health';

describe('HealthCheckRegistry', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-24T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const startedAt = new Date('2026-11-24T09:00:00Z');

  it('is healthy when every check is, and reports uptime', async () => {
    const health = new HealthCheckRegistry({ startedAt });
    health.register('store', () => Promise.resolve({ status: 'healthy' }));
    const status = await health.run();
    expect(status).toMatchObject({
      status: 'healthy',
      uptime: 3600,
      checks: { store: { status: 'healthy', critical: true } },
    });
    expect(health.names).toEqual(['store']);
  });

  it('aggregates: a critical failure is unhealthy, anything else wrong is degraded', async () => {
    const health = new HealthCheckRegistry({ startedAt });
    health.register('store', () => Promise.resolve({ status: 'healthy' }));
    health.register(
      'updates',
      () => Promise.resolve({ status: 'unhealthy', message: 'https://u.io/x?token=1 down' }),
      { critical: false },
    );
    expect((await health.run()).status).toBe('degraded');
    expect((await health.run()).checks.updates?.message).toBe('https://u.io/x?[redacted] down');
    health.register('disk', () =>
      Promise.resolve({ status: 'degraded', details: { freeMb: 300, password: 'x' } }),
    );
    expect((await health.run()).checks.disk?.details).toEqual({
      freeMb: 300,
      password: '[redacted]',
    });
    health.register('license', () =>
      Promise.reject(new Error('license server unreachable for jane@example.com')),
    );
    const status = await health.run();
    expect(status.status).toBe('unhealthy');
    expect(status.checks.license).toMatchObject({
      status: 'unhealthy',
      message: 'license server unreachable for [email]',
    });
    expect(health.unregister('license')).toBe(true);
    expect((await health.run()).status).toBe('degraded');
  });

  it('counts a check that takes too long as unhealthy, without waiting for it', async () => {
    const health = new HealthCheckRegistry();
    health.register('slow', () => new Promise(() => undefined), { timeoutMs: 250 });
    const pending = health.run();
    await vi.advanceTimersByTimeAsync(250);
    expect((await pending).checks.slow).toMatchObject({
      status: 'unhealthy',
      message: 'Timed out after 250 ms.',
    });
  });

  it('treats an unknown status or a non-error throw as unhealthy', async () => {
    const health = new HealthCheckRegistry();
    health.register('weird', () => Promise.resolve({ status: 'fine' as 'healthy' }));
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a check that rejects with a non-Error is the case under test
    health.register('thrower', () => Promise.reject('plain string'));
    const status = await health.run();
    expect(status.checks.weird).toMatchObject({
      status: 'unhealthy',
      message: 'The check returned an unknown status.',
    });
    expect(status.checks.thrower).toMatchObject({ status: 'unhealthy', message: 'plain string' });
  });

  it('refuses two checks with one name', () => {
    const health = new HealthCheckRegistry();
    health.register('x', () => Promise.resolve({ status: 'healthy' }));
    expect(() => health.register('x', () => Promise.resolve({ status: 'healthy' }))).toThrow(
      expect.objectContaining({ code: 'HEALTH_CHECK_DUPLICATE' }),
    );
  });
});
