import { Type } from '@sinclair/typebox';
import { defineRequest, strict } from '../schema.js';

export const reconcile = defineRequest({
  subject: 'omnistock.v1.ledger.reconcile',
  summary:
    'Re-derive every balance from the ledger and report positions whose stored balance drifted (must be none).',
  request: Type.Object({}, strict),
  reply: Type.Object({
    positionsChecked: Type.Integer(),
    drift: Type.Array(
      Type.Object({
        sku: Type.String(),
        location: Type.String(),
        bucket: Type.String(),
        stored: Type.Integer(),
        derived: Type.Integer(),
      }),
    ),
  }),
});
