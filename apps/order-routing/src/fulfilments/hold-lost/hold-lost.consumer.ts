import { ledger, type PayloadOf } from '@omnistock/contracts';
import {
  serviceEventConsumer,
  type SagaEngine,
  type ServiceRuntime,
  type Worker,
} from '@omnistock/service-kit';
import { REJECT_FULFILMENT_SAGA, rejectSagaId } from '../reject/reject-saga-ids.js';

/** Shared by the replicas: each lost hold is acted on by one of them, once. */
export const HOLD_LOST_CONSUMER_DURABLE = 'routing-hold-lost';

/**
 * The ledger released an order's hold itself (a count found the units missing): the
 * fulfilment behind it is rejected on the ledger's word and its lines routed again, as a
 * saga begun in the same transaction as the inbox row, so the event is acted on once.
 */
export const holdLostConsumer = (runtime: ServiceRuntime, engine: SagaEngine): Worker =>
  serviceEventConsumer(runtime, {
    durable: HOLD_LOST_CONSUMER_DURABLE,
    subjects: [ledger.holdLost.subject],
    handle: async (manager, _subject, payload) => {
      const { hold } = payload as PayloadOf<typeof ledger.holdLost>;
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM fulfilments WHERE hold_id = $1 AND status IN ('assigned', 'accepted')`,
        [hold.id],
      );
      for (const row of rows) {
        const started = await engine.start(
          manager,
          REJECT_FULFILMENT_SAGA,
          rejectSagaId(row.id),
          { id: row.id, reason: 'a count found its units missing', cause: 'hold_lost' },
          { id: row.id },
        );
        // Already rejected by its location: that rejection is re-routing it.
        if (!started.ok && started.error.code !== 'IDEMPOTENCY_CONFLICT') throw started.error;
      }
    },
  });
