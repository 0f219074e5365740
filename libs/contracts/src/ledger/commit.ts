import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, Id, Reason, strict } from '../schema.js';
import { HoldView } from './shared.js';

export const commit = defineRequest({
  subject: 'omnistock.v1.ledger.commit',
  summary:
    'Turn a cart hold into an order hold: it no longer expires. Committing twice replays the first reply.',
  request: Type.Object({ id: Id, reference: Type.Optional(Reason), actor: Actor }, strict),
  reply: HoldView,
});
