import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, strict } from '../schema.js';
import { InspectedLine, Lines, ReturnId, ReturnView } from './shared.js';

export const inspectReturn = defineRequest({
  subject: 'omnistock.v1.returns.inspect',
  summary:
    'Grade every received unit; each grade`s disposition moves stock in the ledger with the return as reference, the refund falls due and the return closes. Each unit is disposed of once: another inspection with other grades meanwhile is INVALID_TRANSITION; after the ledger refused some units, the rest stay disposed of and grading again disposes of the others.',
  request: Type.Object({ id: ReturnId, lines: Lines(InspectedLine), actor: Actor }, strict),
  reply: ReturnView,
});
