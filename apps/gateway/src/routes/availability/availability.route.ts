import {
  ChannelCode,
  Count,
  LIMITS,
  LocationCode,
  Sku,
  Type,
  ledger,
  strict,
} from '@omnistock/contracts';
import { GatewayError } from '../../http/gateway-error.js';
import { natsRoute, splitList } from '../route.js';
import { nearestFirst } from './nearest-first.js';

const codesText = (description: string, items_max: number) =>
  Type.String({ minLength: 1, maxLength: items_max * (LIMITS.code_length_max + 1), description });

const AvailabilityQuery = Type.Object(
  {
    skus: codesText(
      `comma-separated SKU codes, at most ${LIMITS.availability_skus_max}`,
      LIMITS.availability_skus_max,
    ),
    channel: ChannelCode,
    location: Type.Optional(
      codesText(
        'comma-separated location codes; all the channel sells from when absent',
        LIMITS.bulk_items_max,
      ),
    ),
    lat: Type.Optional(
      Type.Number({ minimum: -90, maximum: 90, description: 'with lon: locations nearest first' }),
    ),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  strict,
);

const AvailabilityReply = Type.Object({
  items: Type.Array(
    Type.Object({
      sku: Sku,
      available: Count,
      locations: Type.Array(
        Type.Object({
          location: LocationCode,
          available: Count,
          distanceKm: Type.Optional(Type.Number()),
        }),
      ),
    }),
  ),
});

export const availabilityRoute = natsRoute({
  method: 'GET',
  path: '/v1/availability',
  tag: 'availability',
  summary:
    'What a channel may sell per SKU, in total and per location (after safety stock and the channel cap).',
  scopes: ['storefront'],
  status: 200,
  query: AvailabilityQuery,
  reply: AvailabilityReply,
  contract: ledger.availability,
  toPayload: ({ query }) => {
    if ((query.lat === undefined) !== (query.lon === undefined)) {
      throw new GatewayError('VALIDATION_FAILED', 'lat and lon come together', { in: 'query' });
    }
    const locations = splitList(query.location);
    return {
      channel: query.channel,
      skus: splitList(query.skus)!,
      ...(locations ? { locations } : {}),
    };
  },
  locationsOf: (payload) => payload.locations,
  // A store's kiosk key asking without a location sees its own store(s) only.
  narrowTo: (payload, locations) => ({ ...payload, locations: [...locations] }),
  respond: (reply, { query }, lookup) =>
    query.lat === undefined || query.lon === undefined
      ? reply
      : nearestFirst(reply, { lat: query.lat, lon: query.lon }, lookup),
});
