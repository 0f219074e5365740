/**
 * A token bucket per API key: `burst` requests at once, refilled at `ratePerSecond`.
 * The buckets live in this replica's memory on purpose: a shared store (Postgres, NATS KV)
 * would put a round trip and one hot row per key on every request, the very contention
 * the ledger avoids. With N replicas a key may reach N × the rate; set the rate per
 * replica accordingly. A restart refills buckets, which errs on the side of the client.
 */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until one token is back (the Retry-After header); 0 when allowed. */
  retryAfterSeconds: number;
  remaining: number;
}

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/** Idle keys are forgotten past this many buckets (a full bucket is the same as none). */
export const RATE_BUCKETS_MAX = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAtMs: now };
    bucket.tokens = Math.min(
      this.burst,
      bucket.tokens + ((now - bucket.updatedAtMs) / 1000) * this.ratePerSecond,
    );
    bucket.updatedAtMs = now;
    // Re-inserting keeps the Map in least-recently-used order for eviction.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > RATE_BUCKETS_MAX)
      this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond));
    return { allowed: false, retryAfterSeconds, remaining: 0 };
  }
}
