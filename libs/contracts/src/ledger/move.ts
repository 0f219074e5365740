import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, Sku, strict } from '../schema.js';
import { HoldPrincipal, HoldView } from './shared.js';

export const moveHold = defineRequest({
  subject: 'omnistock.v1.ledger.move',
  summary:
    'Move the hold`s lines at `from` (or only its `sku` line there) to `to`, atomically: both positions change or neither.',
  request: Type.Object(
    {
      id: Id,
      from: LocationCode,
      to: LocationCode,
      sku: Type.Optional(Sku),
      principal: HoldPrincipal,
      actor: Actor,
    },
    strict,
  ),
  reply: HoldView,
});
