import { apiError } from './api-error';

/**
 * A sliding-window rate limiter kept in memory (one server process; a deployment with several
 * would put this in Redis or the database). Each key — an IP address, a device code, a user code
 * guess — may make `limit` requests per `windowMs`; past that, 429 with Retry-After.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts a request for `key`, or throws 429 when it is over the limit. */
  take(key: string, now = Date.now()): void {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((time) => time > since);
    if (recent.length >= this.limit) {
      const retryAfter = Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
      this.hits.set(key, recent);
      throw apiError(429, 'RATE_LIMITED', `Too many requests. Try again in ${retryAfter} s.`, {
        retryAfter,
      });
    }
    recent.push(now);
    // Oldest keys go first when the table is full, so memory stays bounded under a flood.
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
  }
}
