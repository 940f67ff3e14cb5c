export { CircuitBreaker } from './circuit-breaker';
export type { CircuitBreakerOptions, CircuitBreakerState } from './circuit-breaker';
export { DegradationManager, serviceHealthSchema } from './degradation';
export type {
  DegradationLevel,
  DegradationManagerOptions,
  DependencyOptions,
  FallbackStrategy,
  ServiceHealth,
} from './degradation';
export { abortableDelay, deadlineSignal } from './abort';
export { createResiliencePolicy } from './policy';
export type { ResiliencePolicy, ResiliencePolicyOptions } from './policy';
export { computeBackoffDelay, retry } from './retry';
export type { BackoffOptions, RetryOptions } from './retry';
export { withTimeout } from './timeout';
