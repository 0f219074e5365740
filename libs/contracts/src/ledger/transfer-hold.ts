import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, LocationCode, strict } from '../schema.js';
import { HoldPrincipal, HoldView, MovementReply } from './shared.js';

/**
 * Release-and-transfer as one command: with two (release, then send) another sale could
 * take the units in between and the leg would fail with nothing held.
 */
export const transferHold = defineRequest({
  subject: 'omnistock.v1.ledger.transfer-hold',
  summary:
    'Send a hold`s units to `to` as transfer `transferId`, in one step: the hold is fulfilled where it is (reserved and on_hand fall there) and the units wait in transit at `to`. Only the hold`s owner may; a replay changes nothing.',
  request: Type.Object(
    { id: Id, transferId: Id, to: LocationCode, principal: HoldPrincipal, actor: Actor },
    strict,
  ),
  reply: Type.Object({ hold: HoldView, transfer: MovementReply }),
});
