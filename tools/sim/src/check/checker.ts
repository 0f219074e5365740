import { ledger as ledgerContracts } from '@omnistock/contracts';
import { deadLetterStreamName, eventStreamName, type NatsRequester } from '@omnistock/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import type { Journal } from '../actors/journal.js';
import { checkConservation, type SkuBooks } from './conservation.js';
import { checkEvents, readOutboxes, type EventFigures } from './event-checks.js';
import { checkLedger } from './ledger-checks.js';
import { checkRouting, routingExplainer, type Discrepancy } from './routing-checks.js';
import { readRouting } from './routing-snapshot.js';
import { checkReturns, readReturns, returnMovements } from './returns-checks.js';
import { readLedger } from './ledger-snapshot.js';
import { readStream } from './stream-reader.js';
import type { Violation } from './violation.js';

const RECONCILE_TIMEOUT_MS = 60_000;

export interface CheckInput {
  db: pg.Client;
  requester: NatsRequester;
  connection: NatsConnection;
  journal: Journal;
}

export interface CheckResult {
  violations: Violation[];
  books: SkuBooks[];
  events: EventFigures;
  holds: Record<string, number>;
  orders: { total: number; cancelled: number; fulfilments: Record<string, number> };
  returns: Record<string, number>;
  discrepancies: Discrepancy[];
}

/** Runs every check on a system at rest; each finds its own violations, none stops the others. */
export async function runChecks(input: CheckInput): Promise<CheckResult> {
  const { db, journal } = input;
  const violations: Violation[] = [];
  // One snapshot of every table, then the stream: whatever the snapshot shows published was
  // acknowledged by JetStream before, so the stream read after it must hold it.
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const ledger = await readLedger(db);
  const routing = await readRouting(db);
  const returnRecords = await readReturns(db);
  const outboxes = await readOutboxes(db);
  await db.query('COMMIT');

  const drift = await input.requester.request(
    ledgerContracts.reconcile,
    {},
    { timeout_ms: RECONCILE_TIMEOUT_MS },
  );
  if (!drift.ok)
    violations.push({
      check: 'ledger-reconciles',
      message: `reconcile did not answer: ${drift.error.code} ${drift.error.message}`,
    });
  else
    for (const row of drift.value.drift)
      violations.push({
        check: 'ledger-reconciles',
        message: `${row.sku}@${row.location} ${row.bucket}: stored ${row.stored}, derived from the ledger ${row.derived}`,
      });
  for (const position of ledger.positions) {
    if (position.reserved > position.on_hand || position.on_hand < 0 || position.reserved < 0)
      violations.push({
        check: 'oversold',
        message: `${position.sku}@${position.location}: on hand ${position.on_hand}, reserved ${position.reserved}`,
      });
  }

  const byRouting = routingExplainer(journal, ledger, routing);
  const byReturns = returnMovements(journal, ledger);
  violations.push(
    ...checkLedger(journal, ledger, {
      explains: (commandId, entries) =>
        byRouting.explains(commandId, entries) || byReturns.explainer.explains(commandId, entries),
    }),
  );
  violations.push(...checkReturns(journal, ledger, returnRecords));
  const routed = checkRouting(journal, ledger, routing);
  violations.push(...routed.violations);
  const conservation = checkConservation(journal, ledger, byReturns.movements);
  violations.push(...conservation.violations);

  const stream = await readStream(input.connection, eventStreamName(''));
  const events = checkEvents(outboxes, stream.messages, ledger);
  events.figures.stream = stream.state;
  // An event a consumer gave up on is not lost (it waits here for an operator), but in a
  // run that ends at rest none should have needed to.
  const deadLetters = await readStream(input.connection, deadLetterStreamName(''));
  for (const letter of deadLetters.messages)
    violations.push({
      check: 'event-dead-lettered',
      message: `a consumer gave up on an event: ${letter.subject}`,
      details: { payload: letter.payload },
    });
  violations.push(...events.violations);

  for (const anomaly of journal.anomalies) {
    violations.push({
      check:
        anomaly.code === 'NEGATIVE_AVAILABILITY'
          ? 'negative-availability'
          : anomaly.status === 400 || anomaly.code === 'VALIDATION_FAILED'
            ? 'valid-command-refused'
            : 'internal-error',
      message: `${anomaly.actor} ${anomaly.kind} ${anomaly.id} over ${anomaly.transport}: ${anomaly.status ?? ''} ${anomaly.code} ${anomaly.message}`,
    });
  }

  const holds: Record<string, number> = {};
  for (const hold of ledger.holds.values()) holds[hold.status] = (holds[hold.status] ?? 0) + 1;
  const fulfilments: Record<string, number> = {};
  for (const f of routing.fulfilments.values())
    fulfilments[f.status] = (fulfilments[f.status] ?? 0) + 1;
  const orders = {
    total: routing.orders.size,
    cancelled: [...routing.orders.values()].filter((o) => o.cancelled).length,
    fulfilments,
  };
  return {
    violations,
    books: conservation.books,
    events: events.figures,
    holds,
    orders,
    discrepancies: routed.discrepancies,
    returns: tallyReturns(returnRecords),
  };
}

function tallyReturns(records: Map<string, { status: string }>): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const record of records.values()) tally[record.status] = (tally[record.status] ?? 0) + 1;
  return tally;
}
