import type { returns } from '@omnistock/contracts';
import type { ReturnPolicy } from '../policies/return-policy.js';

export interface DispositionDecision {
  disposition: returns.Disposition;
  /** Where the unit ends up. */
  location: string;
}

/** What happens to a returned unit of a grade, under its channel's policy; a strategy with a default. */
export interface DispositionStrategy {
  readonly name: string;
  decide(grade: returns.Grade, policy: ReturnPolicy, receivedAt: string): DispositionDecision;
}

/**
 * Resellable units go back on the receiving location's shelf, sellable at once — or, when
 * the channel names a location for them (a central returns warehouse), on by transfer.
 * Damaged and wrong items wait in quarantine where received for someone to decide;
 * defective units are written off (through quarantine, so the ledger shows where they went).
 */
export const defaultDispositionStrategy: DispositionStrategy = {
  name: 'default',
  decide(grade, policy, receivedAt) {
    switch (grade) {
      case 'resellable':
        return policy.resellableTo && policy.resellableTo !== receivedAt
          ? { disposition: 'transfer', location: policy.resellableTo }
          : { disposition: 'restock', location: receivedAt };
      case 'damaged':
      case 'wrong_item':
        return { disposition: 'quarantine', location: receivedAt };
      case 'defective':
        return { disposition: 'write_off', location: receivedAt };
    }
  },
};
