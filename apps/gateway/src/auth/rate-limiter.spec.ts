import { RATE_BUCKETS_MAX, RateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('admits a burst, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, true]);
    expect(limiter.take('k')).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
    now += 500;
    expect(limiter.take('k').allowed).toBe(true);
    expect(limiter.take('k').allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const limiter = new RateLimiter(1, 1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('never refills past the burst and rounds Retry-After up', () => {
    let now = 0;
    const limiter = new RateLimiter(0.25 as number, 2, () => now);
    now += 3_600_000;
    limiter.take('k');
    limiter.take('k');
    expect(limiter.take('k')).toMatchObject({ allowed: false, retryAfterSeconds: 4 });
  });

  it('forgets the least recently used keys past its bound', () => {
    const limiter = new RateLimiter(1, 1, () => 0);
    limiter.take('first');
    for (let i = 0; i < RATE_BUCKETS_MAX; i++) limiter.take(`k${i}`);
    // "first" was evicted, so it starts again with a full bucket.
    expect(limiter.take('first').allowed).toBe(true);
  });
});
