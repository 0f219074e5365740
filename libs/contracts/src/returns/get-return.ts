import { Type } from '@sinclair/typebox';
import { defineRequest, strict } from '../schema.js';
import { ReturnId, ReturnView } from './shared.js';

export const getReturn = defineRequest({
  subject: 'omnistock.v1.returns.get',
  summary: 'A return as it stands, with where each unit went.',
  request: Type.Object({ id: ReturnId }, strict),
  reply: ReturnView,
});
