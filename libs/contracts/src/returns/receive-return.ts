import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, LocationCode, strict } from '../schema.js';
import { Lines, ReceivedLine, ReturnId, ReturnView } from './shared.js';

export const receiveReturn = defineRequest({
  subject: 'omnistock.v1.returns.receive',
  summary:
    'The units arrive at a location that accepts returns: no more than authorised, fewer allowed. Receiving again with the same lines replays.',
  request: Type.Object(
    { id: ReturnId, location: LocationCode, lines: Lines(ReceivedLine), actor: Actor },
    strict,
  ),
  reply: ReturnView,
});
