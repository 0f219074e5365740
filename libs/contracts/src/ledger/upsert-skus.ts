import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { defineRequest, Name, Sku, strict } from '../schema.js';

export const SkuRecord = Type.Object({ sku: Sku, name: Type.Optional(Name) }, strict);

export const upsertSkus = defineRequest({
  subject: 'omnistock.v1.ledger.upsert-skus',
  summary: 'Register SKUs in bulk; a SKU must be registered before any stock moves for it.',
  request: Type.Object(
    { skus: Type.Array(SkuRecord, { minItems: 1, maxItems: LIMITS.bulk_items_max }) },
    strict,
  ),
  reply: Type.Object({ skus: Type.Array(SkuRecord) }),
});
