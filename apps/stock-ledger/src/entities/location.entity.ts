import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'locations' })
export class LocationEntity {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: 'warehouse' | 'store' | 'locker';
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;
  @Column('text') timezone: string;
  @Column('text', { array: true }) capabilities: string[];
  @Column('integer', { name: 'daily_capacity', nullable: true }) dailyCapacity: number | null;
}
