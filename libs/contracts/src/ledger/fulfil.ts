import { defineRequest } from '../schema.js';
import { HoldRef, HoldView } from './shared.js';

export const fulfil = defineRequest({
  subject: 'omnistock.v1.ledger.fulfil',
  summary:
    'The held units leave (shipped or collected): reserved and on_hand both fall. A replay changes nothing.',
  request: HoldRef,
  reply: HoldView,
});
