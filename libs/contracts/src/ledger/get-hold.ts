import { Type } from '@sinclair/typebox';
import { defineRequest, Id, strict } from '../schema.js';
import { HoldPrincipal, HoldView } from './shared.js';

export const getHold = defineRequest({
  subject: 'omnistock.v1.ledger.get-hold',
  summary:
    'A hold as it stands. With a cart `principal` bound to channels, a hold of another channel is HOLD_NOT_FOUND.',
  request: Type.Object({ id: Id, principal: Type.Optional(HoldPrincipal) }, strict),
  reply: HoldView,
});
