import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { defineRequest, LocationCode, Sku, strict, Timestamp } from '../schema.js';
import { MOVEMENT_KINDS } from './shared.js';

const Balance = Type.Object({
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  quarantine: Type.Integer(),
  inTransit: Type.Integer(),
});

export const LedgerEntryView = Type.Object({
  sku: Sku,
  location: LocationCode,
  seq: Type.Integer(),
  kind: Type.String(),
  delta: Balance,
  balance: Balance,
  reference: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Union([Type.String(), Type.Null()]),
  actor: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  commandId: Type.String(),
  createdAt: Timestamp,
});

export const audit = defineRequest({
  subject: 'omnistock.v1.ledger.audit',
  summary:
    'A SKU`s ledger entries with the running balance after each, filterable by location, time and kind.',
  request: Type.Object(
    {
      sku: Sku,
      location: Type.Optional(LocationCode),
      kinds: Type.Optional(
        Type.Array(Type.Union(MOVEMENT_KINDS.map((kind) => Type.Literal(kind))), {
          maxItems: MOVEMENT_KINDS.length,
        }),
      ),
      from: Type.Optional(Timestamp),
      to: Type.Optional(Timestamp),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.audit_entries_max })),
    },
    strict,
  ),
  reply: Type.Object({ entries: Type.Array(LedgerEntryView) }),
});
