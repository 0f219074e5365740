import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, strict } from '../schema.js';
import { Lines, ReceivedLine, ReturnId, ReturnLine, ReturnView } from './shared.js';

export const createReturn = defineRequest({
  subject: 'omnistock.v1.returns.create',
  summary:
    'Authorise a return of units actually shipped or collected for the order, within its channel`s window. `id` is the idempotency key. An exchange holds the replacement at once.',
  request: Type.Object(
    {
      id: ReturnId,
      orderId: Id,
      lines: Lines(ReturnLine),
      exchange: Type.Optional(Type.Object({ lines: Lines(ReceivedLine) }, strict)),
      actor: Actor,
    },
    strict,
  ),
  reply: ReturnView,
});
