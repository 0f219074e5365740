import { Type } from '@sinclair/typebox';
import { Actor, defineRequest, strict } from '../schema.js';
import { ReturnId, ReturnView } from './shared.js';

export const cancelReturn = defineRequest({
  subject: 'omnistock.v1.returns.cancel',
  summary: 'Withdraw an authorised return before anything arrived; an exchange hold is released.',
  request: Type.Object({ id: ReturnId, actor: Actor }, strict),
  reply: ReturnView,
});
