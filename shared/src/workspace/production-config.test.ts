import { describe, expect, it } from 'vitest';
import { productionConfigSchema } from './production-config';

describe('productionConfigSchema', () => {
  it('is a private, local-first configuration by default', () => {
    const config = productionConfigSchema.parse({});
    expect(config.environment).toBe('production');
    expect(config.monitoring.errorTracking.localOnly).toBe(true);
    expect(config.security.audit).toEqual({ enabled: true, retentionDays: 90, localLogging: true });
    expect(config.security.localData.dataValidation).toBe(true);
    expect(config.licensing.validation.fallbackMode).toBe(true);
    expect(config.performance).toEqual({
      maxLiveViews: 6,
      idleHibernateMinutes: 15,
      memoryBudgetMb: 1500,
    });
  });

  it('refuses out-of-range values and unknown keys', () => {
    expect(
      productionConfigSchema.safeParse({ monitoring: { errorTracking: { sampleRate: 2 } } })
        .success,
    ).toBe(false);
    expect(
      productionConfigSchema.safeParse({ licensing: { website: { url: 'ftp://x' } } }).success,
    ).toBe(false);
    expect(productionConfigSchema.safeParse({ environment: 'prod' }).success).toBe(false);
    expect(productionConfigSchema.safeParse({ debug: true }).success).toBe(false);
  });
});
