import { TestWorld } from '@omnistock/testing';
import { insertPromises, type PromiseRow } from '../src/quotes/promise-store.js';
import { promiseService } from '../src/promise.service.js';
import { deleteStalePromises } from '../src/retention/retention-sweeper.js';

const DAY_MS = 86_400_000;

function row(id: string, expiresAgoMs: number): PromiseRow {
  const expires = new Date(Date.now() - expiresAgoMs);
  return {
    id,
    channel: 'web',
    method: 'ship',
    carrier: 'DPD',
    service_level: 'standard',
    locations: ['WH-1'],
    lines: [{ sku: 'SKU-A', qty: 1 }],
    allocations: [{ location: 'WH-1', lines: [{ sku: 'SKU-A', qty: 1 }] }],
    window_from: expires,
    window_to: expires,
    cutoff_at: expires,
    cutoff_local: '15:00',
    quoted_at: expires,
    expires_at: expires,
    view: {} as PromiseRow['view'],
    inputs: {} as PromiseRow['inputs'],
  };
}

describe('promise retention', () => {
  it('deletes expired promises nobody ordered on, and keeps the rest', async () => {
    const world = await TestWorld.create('promise_retention');
    try {
      const service = await world.start(promiseService);
      const db = service.runtime.dataSource;
      await insertPromises(db, [
        row('pr_stale', 2 * DAY_MS),
        row('pr_ordered', 2 * DAY_MS),
        row('pr_measured', 2 * DAY_MS),
        row('pr_recent', 60_000),
      ]);
      await db.query("UPDATE promises SET resolved_at = now() WHERE id = 'pr_ordered'");
      await db.query(
        `INSERT INTO promise_outcomes (promise_id, fulfilment_id, event, at, outcome, carrier, service_level, location, cutoff)
         VALUES ('pr_measured', 'ff-1', 'delivered', now(), 'on_time', 'DPD', 'standard', 'WH-1', '15:00')`,
      );
      expect(await deleteStalePromises(db)).toBe(1);
      const left: { id: string }[] = await db.query('SELECT id FROM promises ORDER BY id');
      expect(left.map((r) => r.id)).toEqual(['pr_measured', 'pr_ordered', 'pr_recent']);
    } finally {
      await world.dispose();
    }
  });
});
