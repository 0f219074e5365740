import { ledger, returns } from '@omnistock/contracts';
import { TEST_NATS_URL } from '@omnistock/testing';
import pg from 'pg';
import {
  ensureBuilt,
  startServiceProcess,
  stop,
  waitForHealth,
} from '../chaos/support/processes.js';
import { ReturnsWorld } from './support/returns-world.js';

const reason = 'changed_mind' as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` answers something; the saga worker finishes in the background. */
async function eventually<T>(
  what: string,
  check: () => Promise<T | false | undefined>,
  within_ms = 20_000,
): Promise<T> {
  const deadline_ms = Date.now() + within_ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline_ms) throw new Error(`not within ${within_ms} ms: ${what}`);
    await sleep(200);
  }
}

/** Holds still taking stock of a SKU: held or committed. */
async function liveHolds(w: ReturnsWorld, sku: string) {
  const { rows } = await w.sql.query(
    `SELECT h.id, h.status, h.order_id AS "orderId" FROM ledger.holds h
     JOIN ledger.hold_lines l ON l.hold_id = h.id
     WHERE l.sku = $1 AND h.status IN ('held', 'committed') ORDER BY h.id`,
    [sku],
  );
  return rows as { id: string; status: string; orderId: string | null }[];
}

async function movementsOf(w: ReturnsWorld, sku: string, returnId: string, from?: string) {
  const { entries } = await w.ok(ledger.audit, { sku, ...(from ? { from } : {}) });
  return entries.filter((entry) => entry.reference === `return:${returnId}`).map((e) => e.kind);
}

describe('returns workflows run as sagas', () => {
  let w: ReturnsWorld;

  beforeAll(async () => {
    w = await ReturnsWorld.create('return_sagas');
    await w.ok(ledger.upsertSkus, { skus: [{ sku: 'SKU-FULL' }] });
    await w.ok(ledger.receiveStock, {
      id: 'sagas-stock',
      location: 'WH-1',
      lines: [{ sku: 'SKU-X', qty: 10 }],
    });
  });

  afterAll(() => w?.dispose());

  it('re-grades after the ledger refused one disposition: moved units keep theirs, the rest take the new grades', async () => {
    // ST-1's quarantine of SKU-FULL is at the units a position may hold: no more may go in.
    for (let batch = 0; batch < 5; batch++)
      await w.ok(ledger.quarantineStock, {
        id: `full-${batch}`,
        location: 'ST-1',
        from: 'customer',
        lines: Array.from({ length: 200 }, () => ({ sku: 'SKU-FULL', qty: 1_000_000 })),
        reason: 'filling the position up to its limit',
      });
    const since = new Date().toISOString();
    await w.receivedReturn('r-regrade', 'ST-1', [
      { sku: 'SKU-S', qty: 1 },
      { sku: 'SKU-FULL', qty: 1 },
    ]);

    const refused = await w.call(returns.inspectReturn, {
      id: 'r-regrade',
      lines: [
        { sku: 'SKU-S', qty: 1, grade: 'resellable' },
        { sku: 'SKU-FULL', qty: 1, grade: 'damaged' },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'POSITION_LIMIT_EXCEEDED' } });
    expect(await w.ok(returns.getReturn, { id: 'r-regrade' })).toMatchObject({
      status: 'received',
      dispositions: [{ sku: 'SKU-S', grade: 'resellable', disposition: 'restock' }],
    });

    // The desk grades again, changing its mind on the unit already back on the shelf too.
    const closed = await w.ok(returns.inspectReturn, {
      id: 'r-regrade',
      lines: [
        { sku: 'SKU-S', qty: 1, grade: 'damaged' },
        { sku: 'SKU-FULL', qty: 1, grade: 'resellable' },
      ],
    });
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.dispositions).toEqual([
      { sku: 'SKU-S', qty: 1, grade: 'resellable', disposition: 'restock', location: 'ST-1' },
      { sku: 'SKU-FULL', qty: 1, grade: 'resellable', disposition: 'restock', location: 'ST-1' },
    ]);
    expect(await movementsOf(w, 'SKU-S', 'r-regrade')).toEqual(['return_restock']);
    expect(await movementsOf(w, 'SKU-FULL', 'r-regrade', since)).toEqual(['return_restock']);
    expect(await w.noDrift()).toEqual([]);
  });

  it('finishes inspections and an exchange hold that met a stopped ledger, once it is back, and settles an abandoned one', async () => {
    await w.receivedReturn('r-down', 'ST-2', [{ sku: 'SKU-R', qty: 1 }]);
    w.routing.addShippedOrder('o-down-x', [{ sku: 'SKU-S', qty: 1 }]);
    const inspection = {
      id: 'r-down',
      lines: [{ sku: 'SKU-R', qty: 1, grade: 'resellable' as const }],
    };
    const exchange = {
      id: 'r-down-x',
      orderId: 'o-down-x',
      lines: [{ sku: 'SKU-S', qty: 1, reason: 'wrong_size' as const }],
      exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
    };

    await w.receivedReturn('r-lost', 'ST-2', [{ sku: 'SKU-S', qty: 1 }]);

    await w.stopLedger();
    const replies = await Promise.all([
      w.call(returns.inspectReturn, inspection),
      w.call(returns.createReturn, exchange),
      w.call(returns.inspectReturn, {
        id: 'r-lost',
        lines: [{ sku: 'SKU-S', qty: 1, grade: 'resellable' }],
      }),
    ]);
    expect(replies).toMatchObject(Array(3).fill({ ok: false, error: { code: 'IN_PROGRESS' } }));
    // The attempt on r-lost is abandoned (a bug, an operator) while its movement's fate is unknown.
    await w.sql.query(
      `UPDATE returns.sagas SET status = 'failed', version = version + 1,
         error = '{"code":"INTERNAL","message":"abandoned"}' WHERE id = 'return.inspect:r-lost'`,
    );
    await w.startLedger();

    const inspected = await eventually('the inspection closes the return', async () => {
      const view = await w.ok(returns.getReturn, { id: 'r-down' });
      return view.status === 'closed' && view;
    });
    expect(inspected).toMatchObject({ dispositions: [{ disposition: 'restock' }] });
    expect(await movementsOf(w, 'SKU-R', 'r-down')).toEqual(['return_restock']);
    const created = await eventually('the return is authorised', async () => {
      const reply = await w.call(returns.createReturn, exchange);
      return reply.ok && reply.value;
    });
    expect(created).toMatchObject({ status: 'authorised', exchange: { status: 'held' } });
    expect(await w.ok(ledger.getHold, { id: created.exchange!.holdId })).toMatchObject({
      status: 'committed',
    });
    // Graded again: what the abandoned attempt planned is settled first, never moved twice.
    const regraded = await w.ok(returns.inspectReturn, {
      id: 'r-lost',
      lines: [{ sku: 'SKU-S', qty: 1, grade: 'damaged' }],
    });
    expect(regraded).toMatchObject({
      status: 'closed',
      dispositions: [{ grade: 'resellable', disposition: 'restock' }],
    });
    expect(await movementsOf(w, 'SKU-S', 'r-lost')).toEqual(['return_restock']);
  });

  it('leaves nothing held when two desks exchange the same unit: one authorised, the other refused', async () => {
    w.routing.addShippedOrder('o-two-desks', [{ sku: 'SKU-S', qty: 1 }]);
    const before = await liveHolds(w, 'SKU-X');
    const replies = await Promise.all(
      ['r-desk-a', 'r-desk-b'].map((id) =>
        w.call(returns.createReturn, {
          id,
          orderId: 'o-two-desks',
          lines: [{ sku: 'SKU-S', qty: 1, reason }],
          exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
        }),
      ),
    );
    const authorised = replies.flatMap((reply) => (reply.ok ? [reply.value] : []));
    expect(authorised).toHaveLength(1);
    expect(replies.find((reply) => !reply.ok)).toMatchObject({
      error: { code: 'RETURN_NOT_ALLOWED' },
    });
    expect((await liveHolds(w, 'SKU-X')).map((hold) => hold.id)).toEqual(
      [...before.map((hold) => hold.id), authorised[0]!.exchange!.holdId].sort(),
    );
  });

  it('places the exchange order once routing is back, instead of leaving it unplaced', async () => {
    const created = await w.exchangeReturn('r-route-down');
    w.routing.down = true;
    const received = await w.ok(returns.receiveReturn, {
      id: 'r-route-down',
      location: 'ST-1',
      lines: [{ sku: 'SKU-R', qty: 1 }],
    });
    expect(received).toMatchObject({ status: 'received', exchange: { status: 'held' } });
    w.routing.down = false;
    const ordered = await eventually('the exchange order is placed', async () => {
      const view = await w.ok(returns.getReturn, { id: 'r-route-down' });
      return view.exchange?.status === 'ordered' && view;
    });
    expect(
      w.routing.placed.filter((order) => order.reservationId === created.exchange!.holdId),
    ).toEqual([expect.objectContaining({ id: ordered.exchange!.orderId })]);
  });

  it('leaves no hold that nobody owns when a replica dies between holding an exchange and recording the return', async () => {
    w.routing.addShippedOrder('o-crash', [{ sku: 'SKU-R', qty: 1 }]);
    const before = await liveHolds(w, 'SKU-X');
    await w.stopReturns();
    ensureBuilt();
    const doomed = startServiceProcess('returns', {
      DATABASE_URL: w.world.database.url,
      NATS_URL: TEST_NATS_URL,
      OMNISTOCK_NATS_NAMESPACE: w.world.namespace,
      OMNISTOCK_INSTANCE_ID: 'doomed',
    });
    try {
      await waitForHealth(w.world.client, 'returns');
      // Recording the return waits on this lock, so the replica dies with the exchange held.
      const blocker = new pg.Client({ connectionString: w.world.database.url });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE returns.returns IN SHARE MODE');
      void w.world.client.request(
        returns.createReturn,
        {
          id: 'r-crash',
          orderId: 'o-crash',
          lines: [{ sku: 'SKU-R', qty: 1, reason }],
          exchange: { lines: [{ sku: 'SKU-X', qty: 1 }] },
        },
        { timeout_ms: 2_000 },
      );
      const held = await eventually('the exchange is held and committed', async () => {
        const fresh = (await liveHolds(w, 'SKU-X')).filter(
          (hold) => !before.some((old) => old.id === hold.id),
        );
        return fresh[0]?.status === 'committed' && fresh[0];
      });
      await sleep(300);
      await stop(doomed, 'SIGKILL');
      await blocker.query('ROLLBACK');
      await blocker.end();
      // The dead replica's lease would run out within a minute; the test moves time on.
      await w.sql.query(
        `UPDATE returns.sagas SET lease_until = clock_timestamp() - interval '1 second' WHERE status = 'running'`,
      );
      await w.startReturns();
      const recorded = await eventually('another replica records the return', async () => {
        const reply = await w.call(returns.getReturn, { id: 'r-crash' });
        return reply.ok && reply.value;
      });
      expect(recorded).toMatchObject({
        status: 'authorised',
        exchange: { holdId: held.id },
      });
      expect(await liveHolds(w, 'SKU-X')).toEqual(
        [
          ...before,
          { id: held.id, status: 'committed', orderId: expect.stringMatching(/^x-/) },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    } finally {
      await stop(doomed, 'SIGKILL');
    }
  }, 60_000);
});
