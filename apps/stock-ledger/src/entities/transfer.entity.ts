import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'transfers' })
export class TransferEntity {
  @PrimaryColumn('text') id: string;
  @Column('text', { name: 'from_location' }) fromLocation: string;
  @Column('text', { name: 'to_location' }) toLocation: string;
  @Column('text') status: 'in_transit' | 'received';
  @Column('jsonb') lines: { sku: string; qty: number }[];
}
