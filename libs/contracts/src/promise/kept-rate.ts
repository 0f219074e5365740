import { Type } from '@sinclair/typebox';
import { defineRequest, strict } from '../schema.js';

export const KEPT_RATE_GROUPS = ['carrier', 'service_level', 'location', 'cutoff'] as const;

export const keptRate = defineRequest({
  subject: 'omnistock.v1.promise.kept-rate',
  summary:
    'Promises measured so far (early, on time, late) and the share kept, grouped by carrier, service level, location or cut-off.',
  request: Type.Object(
    { groupBy: Type.Union(KEPT_RATE_GROUPS.map((group) => Type.Literal(group))) },
    strict,
  ),
  reply: Type.Object({
    groupBy: Type.String(),
    groups: Type.Array(
      Type.Object({
        key: Type.String(),
        total: Type.Integer(),
        early: Type.Integer(),
        onTime: Type.Integer(),
        late: Type.Integer(),
        kept: Type.Integer(),
        keptRate: Type.Number({ minimum: 0, maximum: 1 }),
      }),
    ),
  }),
});
