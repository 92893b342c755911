import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { TechnicalFieldEntity } from '../technical-fields/index.js';
import { ExpertProfileEntity } from './expert-profile.entity.js';

/** An expert's fields of expertise. */
@Entity('expert_technical_fields')
export class ExpertTechnicalFieldEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Index()
  @PrimaryColumn({ name: 'field_code', type: 'varchar', length: 64 })
  fieldCode: string;

  @ManyToOne(() => ExpertProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  expert?: Relation<ExpertProfileEntity>;

  @ManyToOne(() => TechnicalFieldEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'field_code' })
  field?: Relation<TechnicalFieldEntity>;
}
