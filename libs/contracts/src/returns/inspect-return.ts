import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, strict } from '../schema.js';
import { InspectedLine, Lines, ReturnId, ReturnView } from './shared.js';

export const inspectReturn = defineRequest({
  subject: 'omnistock.v1.returns.inspect',
  summary:
    'Grade every received unit; each grade`s disposition moves stock in the ledger with the return as reference, the refund falls due and the return closes.',
  request: Type.Object({ id: ReturnId, lines: Lines(InspectedLine), actor: Actor }, strict),
  reply: ReturnView,
});
