import type { Clock } from './clock.js';

export interface RateLimit {
  readonly requests: number;
  readonly windowMs: number;
}

/**
 * A sliding-window limiter per key (§2.8 and §3.2 say TikTok's windows slide): a call is allowed
 * when fewer than `requests` allowed calls happened in the last `windowMs`. Refused calls do not
 * count, so a client that backs off gets in once the oldest call leaves the window.
 */
export class SlidingWindowLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit | false,
    private readonly now: Clock,
  ) {}

  /** Records a call for `key`; false when the call is over the limit. */
  take(key: string): boolean {
    const limit = this.limit;
    if (limit === false) return true;
    const now = this.now();
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - limit.windowMs);
    if (recent.length >= limit.requests) {
      this.calls.set(key, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(key, recent);
    return true;
  }
}
