import { Type } from '@sinclair/typebox';
import { ChannelScope, defineRequest, strict } from '../schema.js';
import { OrderId, OrderView } from './orders.js';

export const getOrder = defineRequest({
  subject: 'omnistock.v1.routing.get-order',
  summary: 'An order with its fulfilments and every routing decision taken for it.',
  request: Type.Object({ id: OrderId, channels: Type.Optional(ChannelScope) }, strict),
  reply: OrderView,
});
