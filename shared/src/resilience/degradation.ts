import { z } from 'zod';
import { FlowDeskError, err, ok, parseWith } from '../core';
import type { Result } from '../core';
import { withTimeout } from './timeout';

/**
 * The seed's DegradationManager: tracks the health of what the app depends on (license server,
 * update server, local store, …) and says how degraded the app is, so features switch to a
 * fallback instead of failing. Service views are not "services" here: they are web pages.
 */

export type DegradationLevel = 'none' | 'partial' | 'minimal' | 'offline';
const LEVEL_ORDER: readonly DegradationLevel[] = ['none', 'partial', 'minimal', 'offline'];

export const serviceHealthSchema = z.strictObject({
  status: z.enum(['healthy', 'degraded', 'failed']),
  /** Milliseconds the last check took. */
  responseTime: z.number().min(0).max(3_600_000),
  /** Share of recent operations that failed, 0..1. */
  errorRate: z.number().min(0).max(1),
  lastCheck: z.date(),
});

/** The seed's ServiceHealth. */
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

/** What a fallback does while its dependency is down (e.g. "use the cached license"). */
export interface FallbackStrategy {
  describe: string;
  activate: () => void | Promise<void>;
  deactivate?: () => void | Promise<void>;
}

export interface DependencyOptions {
  /** The app cannot do its core job without it (the local store). */
  critical?: boolean;
  /** Probes the dependency; resolves with its status (`healthy` if it works). */
  check?: (signal: AbortSignal) => Promise<Pick<ServiceHealth, 'status'> & Partial<ServiceHealth>>;
  checkTimeoutMs?: number;
}

interface Dependency {
  options: DependencyOptions;
  health: ServiceHealth | undefined;
  manualLevel: DegradationLevel;
  fallback: FallbackStrategy | undefined;
  fallbackActive: boolean;
}

export interface DegradationManagerOptions {
  /** Feature → the dependencies it needs, e.g. `{ 'license-sign-in': ['license-server'] }`. */
  features?: Record<string, readonly string[]>;
  now?: () => Date;
}

function higher(a: DegradationLevel, b: DegradationLevel): DegradationLevel {
  return LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b;
}

export class DegradationManager {
  private readonly services = new Map<string, Dependency>();
  private readonly listeners = new Set<(level: DegradationLevel) => void>();
  private readonly features: Record<string, readonly string[]>;
  private readonly now: () => Date;
  private networkOnline = true;
  private lastLevel: DegradationLevel = 'none';

  constructor(options: DegradationManagerOptions = {}) {
    this.features = options.features ?? {};
    this.now = options.now ?? (() => new Date());
  }

  registerService(name: string, options: DependencyOptions = {}): void {
    if (this.services.has(name)) {
      throw new FlowDeskError('DEGRADATION_DUPLICATE_SERVICE', `${name} is already registered.`);
    }
    this.services.set(name, {
      options,
      health: undefined,
      manualLevel: 'none',
      fallback: undefined,
      fallbackActive: false,
    });
  }

  /** Runs the dependency's check (bounded by its timeout) and records the result. */
  async checkServiceHealth(name: string): Promise<ServiceHealth> {
    const dependency = this.require(name);
    const check = dependency.options.check;
    const started = this.now().getTime();
    let health: ServiceHealth;
    try {
      if (!check) throw new FlowDeskError('DEGRADATION_NO_CHECK', `${name} has no health check.`);
      const result = await withTimeout(check, dependency.options.checkTimeoutMs ?? 5000, {
        operation: `The ${name} health check`,
      });
      health = {
        status: result.status,
        responseTime: result.responseTime ?? Math.max(0, this.now().getTime() - started),
        errorRate: result.errorRate ?? (result.status === 'healthy' ? 0 : 1),
        lastCheck: this.now(),
      };
    } catch {
      health = {
        status: 'failed',
        responseTime: Math.max(0, this.now().getTime() - started),
        errorRate: 1,
        lastCheck: this.now(),
      };
    }
    await this.record(dependency, health);
    return health;
  }

  /** Records health observed elsewhere (e.g. by a request). Invalid input is refused, typed. */
  async updateServiceHealth(name: string, health: unknown): Promise<Result<ServiceHealth>> {
    const dependency = this.services.get(name);
    if (!dependency) return err(this.unknown(name));
    const parsed = parseWith(
      serviceHealthSchema,
      health,
      'DEGRADATION_INVALID_HEALTH',
      `The health of ${name}`,
    );
    if (!parsed.ok) return parsed;
    await this.record(dependency, parsed.value);
    return ok(parsed.value);
  }

  /** Forces a dependency to a degradation level (an administrator or a policy says so). */
  async degradeService(name: string, level: DegradationLevel): Promise<void> {
    const dependency = this.require(name);
    dependency.manualLevel = level;
    await this.syncFallback(dependency);
    this.notify();
  }

  /** The fallback to run while `name` is failed or degraded beyond `partial`. */
  async enableFallback(name: string, fallback: FallbackStrategy): Promise<void> {
    const dependency = this.require(name);
    dependency.fallback = fallback;
    dependency.fallbackActive = false;
    await this.syncFallback(dependency);
  }

  getServiceHealth(name: string): ServiceHealth | undefined {
    return this.require(name).health;
  }

  isFallbackActive(name: string): boolean {
    return this.require(name).fallbackActive;
  }

  setNetworkOnline(online: boolean): void {
    this.networkOnline = online;
    this.notify();
  }

  /**
   * - `offline`: the network is down, or every dependency has failed;
   * - `minimal`: a critical dependency has failed;
   * - `partial`: some dependency is degraded or failed;
   * - `none`: all healthy (or not yet checked).
   * A level set with degradeService raises the result, never lowers it.
   */
  getDegradationLevel(): DegradationLevel {
    const all = [...this.services.values()];
    let level: DegradationLevel = 'none';
    if (!this.networkOnline) return 'offline';
    const failed = all.filter((dependency) => dependency.health?.status === 'failed');
    if (all.length > 0 && failed.length === all.length) return 'offline';
    if (failed.some((dependency) => dependency.options.critical === true)) level = 'minimal';
    else if (
      all.some((dependency) => dependency.health && dependency.health.status !== 'healthy')
    ) {
      level = 'partial';
    }
    return all.reduce<DegradationLevel>(
      (current, dependency) => higher(current, dependency.manualLevel),
      level,
    );
  }

  /** A feature works when the network is up and none of its dependencies is down. */
  isFeatureAvailable(feature: string): boolean {
    const needs = this.features[feature];
    if (!needs) return true;
    if (needs.length > 0 && !this.networkOnline) return false;
    return needs.every((name) => {
      const dependency = this.services.get(name);
      return dependency !== undefined && !this.isDown(dependency);
    });
  }

  onLevelChange(listener: (level: DegradationLevel) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private isDown(dependency: Dependency): boolean {
    return (
      dependency.health?.status === 'failed' ||
      LEVEL_ORDER.indexOf(dependency.manualLevel) > LEVEL_ORDER.indexOf('partial')
    );
  }

  private async record(dependency: Dependency, health: ServiceHealth): Promise<void> {
    dependency.health = health;
    await this.syncFallback(dependency);
    this.notify();
  }

  private async syncFallback(dependency: Dependency): Promise<void> {
    const fallback = dependency.fallback;
    if (!fallback) return;
    const shouldBeActive = this.isDown(dependency);
    if (shouldBeActive === dependency.fallbackActive) return;
    dependency.fallbackActive = shouldBeActive;
    try {
      if (shouldBeActive) await fallback.activate();
      else await fallback.deactivate?.();
    } catch {
      // A fallback that fails to switch leaves the app degraded, which the level already says.
    }
  }

  private notify(): void {
    const level = this.getDegradationLevel();
    if (level === this.lastLevel) return;
    this.lastLevel = level;
    for (const listener of this.listeners) {
      try {
        listener(level);
      } catch {
        // Listeners cannot break health tracking.
      }
    }
  }

  private require(name: string): Dependency {
    const dependency = this.services.get(name);
    if (!dependency) throw this.unknown(name);
    return dependency;
  }

  private unknown(name: string): FlowDeskError {
    return new FlowDeskError(
      'DEGRADATION_UNKNOWN_SERVICE',
      `${name} is not a registered dependency.`,
      {
        details: { name },
      },
    );
  }
}
