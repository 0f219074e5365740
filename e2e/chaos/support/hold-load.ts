import { ledger } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';

/** Retries per hold, each with the same id: the ledger must answer a retry with the first result. */
const ATTEMPTS_MAX = 40;
const RETRY_PAUSE_MS = 150;

export interface HoldOutcomes {
  held: Set<string>;
  refused: Set<string>;
  unanswered: Set<string>;
  retries: number;
}

/**
 * Shoppers placing 1-unit holds on one SKU until `duration_ms` is up, each retrying a hold
 * with the same id until it gets an answer (held, or a refusal) — as a careful client does
 * when a replica dies or NATS blinks under it.
 */
export async function holdUnderChaos(
  client: NatsRequester,
  options: { shoppers: number; duration_ms: number; sku: string; location: string; prefix: string },
): Promise<HoldOutcomes> {
  const outcomes: HoldOutcomes = {
    held: new Set(),
    refused: new Set(),
    unanswered: new Set(),
    retries: 0,
  };
  const deadline_ms = Date.now() + options.duration_ms;
  await Promise.all(
    Array.from({ length: options.shoppers }, async (_, shopper) => {
      for (let i = 0; Date.now() < deadline_ms; i++) {
        const id = `${options.prefix}-${shopper}-${i}`;
        let answered = false;
        for (let attempt = 0; attempt < ATTEMPTS_MAX && !answered; attempt++) {
          if (attempt > 0) {
            outcomes.retries++;
            await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
          }
          const reply = await client.request(
            ledger.reserve,
            {
              id,
              channel: 'web',
              lines: [{ sku: options.sku, location: options.location, qty: 1 }],
              ttlSeconds: 3600,
            },
            { timeout_ms: 2_000 },
          );
          if (reply.ok) {
            outcomes.held.add(id);
            answered = true;
          } else if (reply.error.code === 'INSUFFICIENT_STOCK') {
            outcomes.refused.add(id);
            answered = true;
          }
        }
        if (!answered) outcomes.unanswered.add(id);
      }
    }),
  );
  return outcomes;
}
