import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'channels' })
export class ChannelEntity {
  @PrimaryColumn('text') code: string;
  /** Null means every location. */
  @Column('text', { array: true, nullable: true }) locations: string[] | null;
  @Column('integer', { name: 'safety_stock' }) safetyStock: number;
  @Column('integer', { name: 'cap_percent' }) capPercent: number;
}
