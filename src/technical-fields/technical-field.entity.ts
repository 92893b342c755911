import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';

/**
 * The controlled, bilingual taxonomy of technical fields. Codes are dotted paths of upper-case words:
 * `NEW_ENERGY` (top level), `NEW_ENERGY.STORAGE` (its child). Seeded by a migration; admins add more.
 */
@Entity('technical_fields')
export class TechnicalFieldEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Index()
  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => TechnicalFieldEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: Relation<TechnicalFieldEntity>;

  @Column({ name: 'name_zh', type: 'varchar', length: 100 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
