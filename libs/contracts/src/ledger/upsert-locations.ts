import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { defineRequest, LocationCode, Name, strict } from '../schema.js';
import { LOCATION_CAPABILITIES, LOCATION_KINDS } from './shared.js';

export const Location = Type.Object(
  {
    code: LocationCode,
    name: Name,
    kind: Type.Union(LOCATION_KINDS.map((kind) => Type.Literal(kind))),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    capabilities: Type.Array(
      Type.Union(LOCATION_CAPABILITIES.map((capability) => Type.Literal(capability))),
      {
        maxItems: LOCATION_CAPABILITIES.length,
        uniqueItems: true,
      },
    ),
    dailyCapacity: Type.Optional(Type.Integer({ minimum: 0, maximum: LIMITS.qty_max })),
  },
  strict,
);

export const upsertLocations = defineRequest({
  subject: 'omnistock.v1.ledger.upsert-locations',
  summary: 'Create or update locations in bulk (reference data; the same body twice is a no-op).',
  request: Type.Object(
    { locations: Type.Array(Location, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({ locations: Type.Array(Location) }),
});
