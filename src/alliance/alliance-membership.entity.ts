import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrganizationEntity } from '../organizations/index.js';

import { AllianceMembershipStatus } from './alliance-transitions.js';
export { AllianceMembershipStatus };

export enum AllianceTier {
  FOUNDING = 'FOUNDING',
  COUNCIL = 'COUNCIL',
  MEMBER = 'MEMBER',
}

/**
 * One application of an enterprise to the alliance and the membership that follows it. A new row
 * per application (after REJECTED or EXITED); at most one live row (APPLIED, ACTIVE, SUSPENDED) per
 * enterprise, enforced by the partial unique index `UQ_alliance_memberships_live` (migration).
 * `status` changes only through AllianceMembershipService.transition().
 */
@Entity('alliance_memberships')
@Index('UQ_alliance_memberships_live', { synchronize: false })
@Index('IDX_alliance_memberships_status_applied', ['status', 'appliedAt', 'id'])
/** The public member list's order, ACTIVE rows only (hand-written partial index, migration ListIndexes). */
@Index('IDX_alliance_memberships_active', { synchronize: false })
export class AllianceMembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({
    type: 'enum',
    enum: AllianceMembershipStatus,
    enumName: 'alliance_membership_status',
    default: AllianceMembershipStatus.APPLIED,
  })
  status: AllianceMembershipStatus;

  /** Set on admission; null while APPLIED or when REJECTED. */
  @Column({ type: 'enum', enum: AllianceTier, enumName: 'alliance_tier', nullable: true })
  tier: AllianceTier | null;

  /** The enterprise's application statement. */
  @Column({ type: 'text' })
  statement: string;

  @Column({ name: 'applied_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  appliedAt: Date;

  /** Member since (admission time). */
  @Column({ name: 'admitted_at', type: 'timestamptz', precision: 3, nullable: true })
  admittedAt: Date | null;

  /** The reason given with the last status change. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  statusChangedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
