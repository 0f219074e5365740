import { ledger, type RequestContract, type Static, type TSchema } from '@omnistock/contracts';
import type { NatsRequester } from '@omnistock/messaging';
import { DEMO_CHANNELS, DEMO_LOCATIONS, DEMO_RECEIPTS, DEMO_SKUS } from './demo-data.js';

/** A 200-line receipt into a freshly migrated ledger can take longer than an everyday request. */
const seed_request_timeout_ms = 30_000;

export interface DemoDataSummary {
  locations: number;
  skus: number;
  channels: string[];
  receipts: number;
  /** Receipts whose id was already used with other lines (an older demo data set): left as they are. */
  receiptsKeptFromEarlierData: number;
}

/**
 * Reference data first (a receipt names known SKUs and locations), then stock. Safe to run
 * again: upserts leave the same rows and each receipt id is posted at most once.
 */
export async function loadDemoData(requester: NatsRequester): Promise<DemoDataSummary> {
  await send(requester, ledger.upsertLocations, { locations: [...DEMO_LOCATIONS] });
  await send(requester, ledger.upsertSkus, { skus: [...DEMO_SKUS] });
  await send(requester, ledger.upsertChannels, { channels: [...DEMO_CHANNELS] });
  let receiptsKeptFromEarlierData = 0;
  for (const receipt of DEMO_RECEIPTS) {
    const reply = await requester.request(ledger.receiveStock, receipt, {
      timeout_ms: seed_request_timeout_ms,
    });
    if (reply.ok) continue;
    if (reply.error.code === 'IDEMPOTENCY_CONFLICT') {
      receiptsKeptFromEarlierData++;
      continue;
    }
    throw new Error(`demo receipt ${receipt.id}: ${reply.error.code}: ${reply.error.message}`);
  }
  return {
    locations: DEMO_LOCATIONS.length,
    skus: DEMO_SKUS.length,
    channels: DEMO_CHANNELS.map((channel) => channel.code),
    receipts: DEMO_RECEIPTS.length,
    receiptsKeptFromEarlierData,
  };
}

async function send<Req extends TSchema, Rep extends TSchema>(
  requester: NatsRequester,
  contract: RequestContract<Req, Rep>,
  payload: Static<Req>,
): Promise<Static<Rep>> {
  const reply = await requester.request(contract, payload, { timeout_ms: seed_request_timeout_ms });
  if (!reply.ok)
    throw new Error(`${contract.subject}: ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
