import { jetstreamManager } from '@nats-io/jetstream';
import { ledger } from '@omnistock/contracts';
import { eventStreamName, namespacedSubject, type NatsRequester } from '@omnistock/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import { TEST_LOCATIONS } from '@omnistock/testing';
import pg from 'pg';
import type { HoldOutcomes } from './hold-load.js';

/**
 * After the chaos: every hold a client was told about is in the ledger and nothing else is;
 * reserved counts exactly those, never more than on hand; the ledger reconciles; and every
 * hold's event reached JetStream (nothing lost between commit and relay).
 */
export async function checkAfterChaos(options: {
  databaseUrl: string;
  client: NatsRequester;
  connection: NatsConnection;
  namespace: string;
  outcomes: HoldOutcomes;
  sku: string;
  location: string;
}) {
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const held = await db.query(`SELECT id FROM ledger.holds WHERE status = 'held' ORDER BY id`);
    const position = await db.query(
      'SELECT on_hand, reserved FROM ledger.positions WHERE sku = $1 AND location = $2',
      [options.sku, options.location],
    );
    for (let waited_ms = 0; waited_ms < 20_000; waited_ms += 200) {
      const pending = await db.query(
        'SELECT count(*)::int AS pending FROM ledger.outbox WHERE published_at IS NULL',
      );
      if (pending.rows[0].pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const manager = await jetstreamManager(options.connection);
    const stream = await manager.streams.info(eventStreamName(options.namespace), {
      subjects_filter: '>',
    });
    const createdSubject = namespacedSubject(options.namespace, ledger.holdCreated.subject);
    const drift = await options.client.request(ledger.reconcile, {}, { timeout_ms: 20_000 });
    return {
      heldInLedger: held.rows.map((row: { id: string }) => row.id),
      heldByClients: [...options.outcomes.held].sort(),
      onHand: position.rows[0].on_hand as number,
      reserved: position.rows[0].reserved as number,
      holdCreatedEvents:
        (stream.state.subjects as Record<string, number> | undefined)?.[createdSubject] ?? 0,
      drift: drift.ok ? drift.value.drift : drift.error,
    };
  } finally {
    await db.end();
  }
}

/** One hot SKU at WH-1 with `stock` units, for a web channel selling everywhere. */
export async function seedHotSku(client: NatsRequester, stock: number): Promise<void> {
  for (const reply of [
    await client.request(ledger.upsertLocations, { locations: TEST_LOCATIONS }),
    await client.request(ledger.upsertSkus, { skus: [{ sku: 'HOT' }] }),
    await client.request(ledger.upsertChannels, { channels: [{ code: 'web' }] }),
    await client.request(ledger.receiveStock, {
      id: 'chaos-stock',
      location: 'WH-1',
      lines: [{ sku: 'HOT', qty: stock }],
    }),
  ]) {
    if (!reply.ok) throw new Error(`seeding failed: ${JSON.stringify(reply.error)}`);
  }
}

/** The promises under chaos: every answer true, nothing lost, nothing oversold, every event out. */
export function expectNothingLost(
  after: Awaited<ReturnType<typeof checkAfterChaos>>,
  outcomes: HoldOutcomes,
): void {
  expect(after.heldInLedger).toEqual(after.heldByClients);
  expect(after.reserved).toBe(outcomes.held.size);
  expect(after.reserved).toBeLessThanOrEqual(after.onHand);
  expect(after.holdCreatedEvents).toBe(outcomes.held.size);
  expect(after.drift).toEqual([]);
}
