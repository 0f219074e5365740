import { faultPlan } from './faults/fault-plan.js';
import { Random } from './random.js';

const take = <T>(iterator: Iterator<T>, count: number) =>
  Array.from({ length: count }, () => iterator.next().value as T);

describe('the seeded random source', () => {
  it('replays the same stream for the same seed, and another for another seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const first = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(first);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(first);
  });

  it('forks streams that do not depend on how much the parent or a sibling drew', () => {
    const one = new Random(7);
    const two = new Random(7);
    two.uint32();
    two.fork('other').uint32();
    const a = one.fork('storefront-1');
    const b = two.fork('storefront-1');
    expect(Array.from({ length: 10 }, () => a.int(0, 1000))).toEqual(
      Array.from({ length: 10 }, () => b.int(0, 1000)),
    );
    expect(one.fork('storefront-1').uint32()).not.toBe(one.fork('storefront-2').uint32());
  });

  it('keeps every draw in its range and every weight honoured', () => {
    const random = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const value = random.int(2, 5);
      expect(value).toBeGreaterThanOrEqual(2);
      expect(value).toBeLessThanOrEqual(5);
      seen.add(value);
      expect(random.weighted({ never: 0, always: 1 })).toBe('always');
    }
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
    expect(random.sample([1, 2, 3, 4], 3)).toHaveLength(3);
    expect(new Set(random.sample([1, 2, 3, 4], 4)).size).toBe(4);
  });
});

describe('the fault plan', () => {
  const replicas = ['ledger-1', 'ledger-2', 'gateway-1'];

  it('is the same for the same seed: kinds, targets, gaps and durations', () => {
    const plan = (seed: number) => take(faultPlan(new Random(seed).fork('faults'), replicas), 30);
    expect(plan(99)).toEqual(plan(99));
    expect(plan(99)).not.toEqual(plan(100));
  });

  it('brings every kind of fault, each aimed at something that exists', () => {
    const steps = take(faultPlan(new Random(5), replicas), 300);
    expect(new Set(steps.map((s) => s.kind))).toEqual(
      new Set(['kill', 'pause', 'nats-restart', 'postgres-crash']),
    );
    for (const step of steps) {
      if (step.kind === 'kill' || step.kind === 'pause') expect(replicas).toContain(step.target);
      expect(step.gap_ms).toBeGreaterThan(0);
      expect(step.hold_ms).toBeGreaterThan(0);
    }
  });
});
