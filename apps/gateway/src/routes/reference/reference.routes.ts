import { ledger } from '@omnistock/contracts';
import { natsRoute } from '../route.js';

/** Reference data maps 1:1: the HTTP body is the contract's payload, validated by the same schema. */
export const upsertLocationsRoute = natsRoute({
  method: 'POST',
  path: '/v1/locations',
  tag: 'reference data',
  summary: 'Create or update locations in bulk (the same body twice changes nothing).',
  scopes: ['admin'],
  status: 200,
  body: ledger.upsertLocations.request.schema,
  reply: ledger.upsertLocations.reply,
  contract: ledger.upsertLocations,
  toPayload: ({ body }) => body,
  locationsOf: (payload) => payload.locations.map((location) => location.code),
});

/** SKUs and channels are global: a location-bound key may not change them (no locationsOf). */
export const upsertSkusRoute = natsRoute({
  method: 'POST',
  path: '/v1/skus',
  tag: 'reference data',
  summary: 'Register SKUs in bulk; stock moves only for registered SKUs.',
  scopes: ['admin'],
  status: 200,
  body: ledger.upsertSkus.request.schema,
  reply: ledger.upsertSkus.reply,
  contract: ledger.upsertSkus,
  toPayload: ({ body }) => body,
});

export const upsertChannelsRoute = natsRoute({
  method: 'POST',
  path: '/v1/channels',
  tag: 'reference data',
  summary: 'Create or update channel policies in bulk: locations sold from, safety stock, cap.',
  scopes: ['admin'],
  status: 200,
  body: ledger.upsertChannels.request.schema,
  reply: ledger.upsertChannels.reply,
  contract: ledger.upsertChannels,
  toPayload: ({ body }) => body,
});
