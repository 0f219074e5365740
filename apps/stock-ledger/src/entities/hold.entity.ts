import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ledger } from '@omnistock/contracts';

/** A two-phase transfer of units from on_hand to reserved: pending while held, posted when fulfilled. */
@Entity({ name: 'holds' })
export class HoldEntity {
  @PrimaryColumn('text') id: string;
  @Column('text') channel: string;
  @Column('text') status: ledger.HoldStatus;
  @Column('timestamptz', { name: 'expires_at', nullable: true }) expiresAt: Date | null;
  @Column('text', { nullable: true }) reference: string | null;
  @Column('text', { nullable: true }) actor: string | null;
  @Column('text', { name: 'order_id', nullable: true }) orderId: string | null;
  @Column('integer') seq: number;
}

@Entity({ name: 'hold_lines' })
export class HoldLineEntity {
  @PrimaryColumn('text', { name: 'hold_id' }) holdId: string;
  @PrimaryColumn('text') sku: string;
  @PrimaryColumn('text') location: string;
  @Column('integer') qty: number;
}
