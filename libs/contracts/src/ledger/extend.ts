import { Type } from '@sinclair/typebox';
import { LIMITS } from '../limits.js';
import { Actor, defineRequest, Id, strict } from '../schema.js';
import { HoldPrincipal, HoldView } from './shared.js';

export const extend = defineRequest({
  subject: 'omnistock.v1.ledger.extend',
  summary:
    'Push a held cart hold`s expiry to now + ttlSeconds (setting, not adding, so a retry is harmless).',
  request: Type.Object(
    {
      id: Id,
      ttlSeconds: Type.Integer({ minimum: LIMITS.hold_ttl_s_min, maximum: LIMITS.hold_ttl_s_max }),
      principal: HoldPrincipal,
      actor: Actor,
    },
    strict,
  ),
  reply: HoldView,
});
