import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organization.entity.js';

export enum OpenResourceType {
  LAB = 'LAB',
  PILOT_LINE = 'PILOT_LINE',
  DATA = 'DATA',
  PATENT_LICENSE = 'PATENT_LICENSE',
  SCENARIO = 'SCENARIO',
}

/** An open resource an enterprise offers SMEs (stored as a jsonb list on the enterprise). */
export interface OpenResource {
  type: OpenResourceType;
  title: string;
  description: string;
}

/** The enterprise-specific part of an organisation of kind ENTERPRISE (same id). */
@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  /** GB/T 4754-2017 section letter (A to T). */
  @Column({ name: 'industry_code', type: 'char', length: 1 })
  industryCode: string;

  /** 链主企业 */
  @Column({ name: 'is_chain_leader', type: 'boolean', default: false })
  isChainLeader: boolean;

  @Column({ name: 'open_resources', type: 'jsonb', default: () => "'[]'" })
  openResources: OpenResource[];
}
