import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A SKU at a location, in buckets. Its balances always equal the sum of its ledger entries. */
@Entity({ name: 'positions' })
export class PositionEntity {
  @PrimaryColumn('text') sku: string;
  @PrimaryColumn('text') location: string;
  @Column('integer', { name: 'on_hand' }) onHand: number;
  @Column('integer') reserved: number;
  @Column('integer') quarantine: number;
  @Column('integer', { name: 'in_transit' }) inTransit: number;
  @Column('bigint') seq: number;
}
