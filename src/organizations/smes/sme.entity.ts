import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organization.entity.js';

export enum SmeSizeClass {
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
}

/** 专精特新 levels, lowest first. */
export enum SmeQualification {
  NONE = 'NONE',
  INNOVATIVE = 'INNOVATIVE',
  SPECIALIZED = 'SPECIALIZED',
  LITTLE_GIANT = 'LITTLE_GIANT',
}

/** The SME-specific part of an organisation of kind SME (same id). */
@Entity('smes')
export class SmeEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'size_class', type: 'enum', enum: SmeSizeClass, enumName: 'sme_size_class' })
  sizeClass: SmeSizeClass;

  /** As declared; it counts only while the SME is VERIFIED and the certificate is valid (see effectiveQualificationSql). */
  @Column({
    type: 'enum',
    enum: SmeQualification,
    enumName: 'sme_qualification',
    default: SmeQualification.NONE,
  })
  qualification: SmeQualification;

  @Column({ name: 'certificate_number', type: 'varchar', length: 100, nullable: true })
  certificateNumber: string | null;

  @Column({ name: 'qualification_valid_from', type: 'date', nullable: true })
  qualificationValidFrom: string | null;

  @Column({ name: 'qualification_valid_until', type: 'date', nullable: true })
  qualificationValidUntil: string | null;

  @Column({ name: 'capability_statement', type: 'text', default: '' })
  capabilityStatement: string;

  @Column({ name: 'founding_year', type: 'smallint', nullable: true })
  foundingYear: number | null;

  @Column({ type: 'integer', nullable: true })
  employees: number | null;
}
