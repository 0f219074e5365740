import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, strict } from '../schema.js';
import { MovementReply } from './shared.js';

export const receiveTransfer = defineRequest({
  subject: 'omnistock.v1.ledger.receive-transfer',
  summary:
    'The transfer `id` arrives: in_transit becomes on_hand at its destination. A replay changes nothing.',
  request: Type.Object({ id: Id, actor: Actor }, strict),
  reply: MovementReply,
});
