import type { returns } from '@omnistock/contracts';

/** What happens to a returned unit of a grade; chosen per channel, with a default. */
export interface DispositionStrategy {
  readonly name: string;
  dispositionFor(grade: returns.Grade, channel: string): returns.Disposition;
}

/**
 * Resellable units go back on the receiving location's shelf, sellable at once. Damaged
 * and wrong items wait in quarantine for someone to decide; defective units are written
 * off (they pass through quarantine so the ledger shows where they went).
 */
export const defaultDispositionStrategy: DispositionStrategy = {
  name: 'default',
  dispositionFor(grade) {
    switch (grade) {
      case 'resellable':
        return 'restock';
      case 'damaged':
      case 'wrong_item':
        return 'quarantine';
      case 'defective':
        return 'write_off';
    }
  },
};
