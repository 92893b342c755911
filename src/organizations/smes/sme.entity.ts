import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
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

/** A product an SME offers (an element of `smes.products`). */
export interface SmeProduct {
  name: string;
  description: string;
}

/** A project an SME has delivered (an element of `smes.past_projects`). */
export interface SmePastProject {
  title: string;
  year: number;
  /** GB/T 4754 section letter of the client's industry, as challenges use. */
  clientIndustryCode: string;
  outcome: string;
}

/** A technical route the SME follows, in Chinese and/or English (an element of `smes.technical_routes`). */
export interface SmeTechnicalRoute {
  zh: string | null;
  en: string | null;
}

/** The SME-specific part of an organisation of kind SME (same id). */
@Entity('smes')
// GIN on keyword_keys, for matching keywords with && / @> (migration SmeCapabilities1795900500000).
@Index('IDX_smes_keyword_keys', { synchronize: false })
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

  /** Keywords as the SME wrote them (trimmed, no two equal ignoring case), Chinese and/or English; at most 30. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  /** The same keywords as matching compares them (NFKC, lower case), in the same order; GIN-indexed. */
  @Column({ name: 'keyword_keys', type: 'text', array: true, default: () => "'{}'" })
  keywordKeys: string[];

  /** Products (SmeProduct), at most 20. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  products: SmeProduct[];

  /** Past projects (SmePastProject), at most 20. */
  @Column({ name: 'past_projects', type: 'jsonb', default: () => "'[]'" })
  pastProjects: SmePastProject[];

  /** Technical routes (SmeTechnicalRoute), at most 10. */
  @Column({ name: 'technical_routes', type: 'jsonb', default: () => "'[]'" })
  technicalRoutes: SmeTechnicalRoute[];
}
