import { Type } from '@sinclair/typebox';
import { defineRequest, Id, strict } from '../schema.js';
import { HoldView } from './shared.js';

export const getHold = defineRequest({
  subject: 'omnistock.v1.ledger.get-hold',
  summary: 'A hold as it stands.',
  request: Type.Object({ id: Id }, strict),
  reply: HoldView,
});
