import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { defineRequest, LocationCode, strict } from '../schema.js';
import { Location } from './upsert-locations.js';

export const listLocations = defineRequest({
  subject: 'omnistock.v1.ledger.list-locations',
  summary: 'Locations by code, or all of them (at most bulk_items_max).',
  request: Type.Object(
    { codes: Type.Optional(Type.Array(LocationCode, { maxItems: LIMITS.bulk_items_max })) },
    strict,
  ),
  reply: Type.Object({ locations: Type.Array(Location) }),
});
