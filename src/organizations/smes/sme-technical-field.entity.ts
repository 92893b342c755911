import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organization.entity.js';
import { TechnicalFieldEntity } from '../../technical-fields/index.js';

/** The technical fields an SME works in. */
@Entity('sme_technical_fields')
export class SmeTechnicalFieldEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index()
  @PrimaryColumn({ name: 'field_code', type: 'varchar', length: 64 })
  fieldCode: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @ManyToOne(() => TechnicalFieldEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'field_code' })
  field?: Relation<TechnicalFieldEntity>;
}
