import type { ledger } from '@omnistock/contracts';

export interface Buckets {
  onHand: number;
  reserved: number;
  quarantine: number;
  inTransit: number;
}

export interface PositionState extends Buckets {
  sku: string;
  location: string;
  seq: number;
}

export const BUCKETS: readonly (keyof Buckets)[] = [
  'onHand',
  'reserved',
  'quarantine',
  'inTransit',
];

export function positionKey(sku: string, location: string): string {
  return `${sku}\u0000${location}`;
}

export function toPositionView(state: PositionState): ledger.PositionViewType {
  return {
    sku: state.sku,
    location: state.location,
    onHand: state.onHand,
    reserved: state.reserved,
    quarantine: state.quarantine,
    inTransit: state.inTransit,
    seq: state.seq,
  };
}
