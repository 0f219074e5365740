import { defineRequest } from '../schema.js';
import { HoldRef, HoldView } from './shared.js';

export const release = defineRequest({
  subject: 'omnistock.v1.ledger.release',
  summary:
    'Give a held or committed hold back to stock. Releasing a released hold replays the first reply.',
  request: HoldRef,
  reply: HoldView,
});
