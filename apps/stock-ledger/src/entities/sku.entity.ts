import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'skus' })
export class SkuEntity {
  @PrimaryColumn('text') sku: string;
  @Column('text', { nullable: true }) name: string | null;
}
