import { ledger } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { runClosedLoop, type LoadResult } from '../load.js';

export const HOLD_TTL_S = 3600;

export function holdBody(id: string, sku: string, location: string): string {
  return JSON.stringify({
    id,
    channel: 'web',
    lines: [{ sku, location, qty: 1 }],
    ttlSeconds: HOLD_TTL_S,
  });
}

/**
 * Shoppers each hold one unit, again and again; a shopper told INSUFFICIENT_STOCK has seen
 * the sale end and stops. `skuFor` picks the SKU: one hot SKU, or many.
 */
export function shoppers(
  client: NatsRequester,
  options: {
    concurrency: number;
    duration_s: number;
    run: string;
    location: string;
    skuFor: (worker: number, i: number) => string;
  },
): Promise<LoadResult> {
  return runClosedLoop({
    concurrency: options.concurrency,
    duration_s: options.duration_s,
    send: async (worker, i) => {
      const reply = await client.requestRaw(
        ledger.reserve.subject,
        holdBody(`${options.run}-${worker}-${i}`, options.skuFor(worker, i), options.location),
      );
      if (reply.ok) return { ok: true };
      return {
        ok: false,
        code: reply.error.code,
        stopWorker: reply.error.code === 'INSUFFICIENT_STOCK',
      };
    },
  });
}
