import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One immutable movement of one position: deltas per bucket and the balances after it. */
@Entity({ name: 'ledger_entries' })
export class LedgerEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: number;
  @Column('text') sku: string;
  @Column('text') location: string;
  @Column('bigint') seq: number;
  @Column('text') kind: string;
  @Column('integer', { name: 'd_on_hand' }) deltaOnHand: number;
  @Column('integer', { name: 'd_reserved' }) deltaReserved: number;
  @Column('integer', { name: 'd_quarantine' }) deltaQuarantine: number;
  @Column('integer', { name: 'd_in_transit' }) deltaInTransit: number;
  @Column('integer', { name: 'on_hand' }) onHand: number;
  @Column('integer') reserved: number;
  @Column('integer') quarantine: number;
  @Column('integer', { name: 'in_transit' }) inTransit: number;
  @Column('text', { name: 'command_id' }) commandId: string;
  @Column('text', { nullable: true }) reference: string | null;
  @Column('text', { nullable: true }) channel: string | null;
  @Column('text', { nullable: true }) actor: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
