import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DegradationManager } from './degradation';
import type { DegradationLevel } from './degradation';

const at = new Date('2026-11-24T10:00:00Z');
const healthy = { status: 'healthy', responseTime: 20, errorRate: 0, lastCheck: at };
const degraded = { ...healthy, status: 'degraded', errorRate: 0.3 };
const failed = { ...healthy, status: 'failed', errorRate: 1 };

function manager() {
  const degradation = new DegradationManager({
    features: { 'license-sign-in': ['license-server'], 'local-data': ['store'], offline: [] },
    now: () => at,
  });
  degradation.registerService('store', { critical: true });
  degradation.registerService('license-server');
  degradation.registerService('update-server');
  return degradation;
}

describe('DegradationManager', () => {
  it('computes the level from dependency health', async () => {
    const degradation = manager();
    const levels: DegradationLevel[] = [];
    degradation.onLevelChange((level) => levels.push(level));
    expect(degradation.getDegradationLevel()).toBe('none');
    await degradation.updateServiceHealth('update-server', degraded);
    expect(degradation.getDegradationLevel()).toBe('partial');
    await degradation.updateServiceHealth('license-server', failed);
    expect(degradation.getDegradationLevel()).toBe('partial');
    await degradation.updateServiceHealth('store', failed);
    expect(degradation.getDegradationLevel()).toBe('minimal');
    await degradation.updateServiceHealth('update-server', failed);
    expect(degradation.getDegradationLevel()).toBe('offline');
    await degradation.updateServiceHealth('store', healthy);
    await degradation.updateServiceHealth('license-server', healthy);
    await degradation.updateServiceHealth('update-server', healthy);
    expect(levels).toEqual(['partial', 'minimal', 'offline', 'partial', 'none']);
  });

  it('is offline when the network is, and says which features still work', async () => {
    const degradation = manager();
    degradation.setNetworkOnline(false);
    expect(degradation.getDegradationLevel()).toBe('offline');
    expect(degradation.isFeatureAvailable('license-sign-in')).toBe(false);
    expect(degradation.isFeatureAvailable('offline')).toBe(true);
    expect(degradation.isFeatureAvailable('unmapped-feature')).toBe(true);
    degradation.setNetworkOnline(true);
    await degradation.updateServiceHealth('license-server', failed);
    expect(degradation.isFeatureAvailable('license-sign-in')).toBe(false);
    expect(degradation.isFeatureAvailable('local-data')).toBe(true);
  });

  it('a manual degradation raises the level and takes features down', async () => {
    const degradation = manager();
    await degradation.degradeService('license-server', 'minimal');
    expect(degradation.getDegradationLevel()).toBe('minimal');
    expect(degradation.isFeatureAvailable('license-sign-in')).toBe(false);
    await degradation.degradeService('license-server', 'none');
    expect(degradation.isFeatureAvailable('license-sign-in')).toBe(true);
  });

  it('runs a fallback while its dependency is down, and stops it after', async () => {
    const degradation = manager();
    const activate = vi.fn();
    const deactivate = vi.fn();
    await degradation.enableFallback('license-server', {
      describe: 'use the cached license',
      activate,
      deactivate,
    });
    await degradation.updateServiceHealth('license-server', failed);
    await degradation.updateServiceHealth('license-server', failed);
    expect(activate).toHaveBeenCalledTimes(1);
    expect(degradation.isFallbackActive('license-server')).toBe(true);
    await degradation.updateServiceHealth('license-server', healthy);
    expect(deactivate).toHaveBeenCalledTimes(1);
    expect(degradation.isFallbackActive('license-server')).toBe(false);
  });

  it('survives fallbacks and listeners that throw', async () => {
    const degradation = manager();
    degradation.onLevelChange(() => {
      throw new Error('listener');
    });
    await degradation.enableFallback('store', {
      describe: 'x',
      activate: () => {
        throw new Error('fallback');
      },
    });
    await degradation.updateServiceHealth('store', failed);
    expect(degradation.getDegradationLevel()).toBe('minimal');
    await degradation.updateServiceHealth('store', healthy);
  });

  it('refuses invalid health reports and unknown dependencies with typed errors', async () => {
    const degradation = manager();
    const invalid = await degradation.updateServiceHealth('store', { status: 'fine' });
    expect(!invalid.ok && invalid.error.code).toBe('DEGRADATION_INVALID_HEALTH');
    const unknown = await degradation.updateServiceHealth('nope', healthy);
    expect(!unknown.ok && unknown.error.code).toBe('DEGRADATION_UNKNOWN_SERVICE');
    expect(() => degradation.getServiceHealth('nope')).toThrow(
      expect.objectContaining({ code: 'DEGRADATION_UNKNOWN_SERVICE' }),
    );
    expect(() => degradation.registerService('store')).toThrow(
      expect.objectContaining({ code: 'DEGRADATION_DUPLICATE_SERVICE' }),
    );
  });

  describe('checkServiceHealth', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('records what the check reports, and a failure when it throws, times out or is missing', async () => {
      const degradation = new DegradationManager();
      degradation.registerService('ok', { check: () => Promise.resolve({ status: 'healthy' }) });
      degradation.registerService('slow', {
        check: () => new Promise(() => undefined),
        checkTimeoutMs: 100,
      });
      degradation.registerService('broken', { check: () => Promise.reject(new Error('x')) });
      degradation.registerService('unchecked');
      expect(await degradation.checkServiceHealth('ok')).toMatchObject({
        status: 'healthy',
        errorRate: 0,
      });
      const slow = degradation.checkServiceHealth('slow');
      await vi.advanceTimersByTimeAsync(100);
      expect(await slow).toMatchObject({ status: 'failed', errorRate: 1 });
      expect(await degradation.checkServiceHealth('broken')).toMatchObject({ status: 'failed' });
      expect(await degradation.checkServiceHealth('unchecked')).toMatchObject({ status: 'failed' });
      expect(degradation.getServiceHealth('ok')?.status).toBe('healthy');
      degradation.registerService('degraded', {
        check: () => Promise.resolve({ status: 'degraded', errorRate: 0.2, responseTime: 900 }),
      });
      expect(await degradation.checkServiceHealth('degraded')).toMatchObject({
        status: 'degraded',
        errorRate: 0.2,
        responseTime: 900,
      });
    });
  });
});
