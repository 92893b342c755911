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
import { UserEntity } from '../users/index.js';

export enum OrganizationKind {
  ENTERPRISE = 'ENTERPRISE',
  SME = 'SME',
}

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
}

/**
 * What enterprises and SMEs share. The kind-specific columns live in `enterprises` / `smes`, keyed by
 * the same id, so every other table (challenges, proposals, memberships) references `organizations.id`.
 */
@Entity('organizations')
@Index('IDX_organizations_kind_created', ['kind', 'createdAt', 'id'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @Column({ name: 'name_zh', type: 'varchar', length: 200 })
  nameZh: string;

  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  /**
   * 统一社会信用代码: 18 characters, check character validated (GB 32100-2015). Unique among VERIFIED
   * organisations only, so an unverified squatter cannot block the real company: several unverified
   * organisations may claim a code, the admin's verification queue shows them side by side, and the
   * first to be verified wins.
   */
  @Index('UQ_organizations_credit_code_verified', {
    unique: true,
    where: `"verification_status" = 'VERIFIED'`,
  })
  @Index('IDX_organizations_credit_code')
  @Column({ name: 'credit_code', type: 'char', length: 18 })
  creditCode: string;

  /** Province-level administrative division code (GB/T 2260), e.g. 370000 for Shandong. */
  @Column({ name: 'region_code', type: 'char', length: 6 })
  regionCode: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Private: only the organisation's members and platform admins see it. */
  @Column({ name: 'contact_email', type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  /** Private: only the organisation's members and platform admins see it. */
  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone: string | null;

  @Column({
    name: 'verification_status',
    type: 'enum',
    enum: VerificationStatus,
    enumName: 'organization_verification_status',
    default: VerificationStatus.UNVERIFIED,
  })
  verificationStatus: VerificationStatus;

  /** The admin's reason for the last verification decision (required on rejection). */
  @Column({ name: 'verification_reason', type: 'text', nullable: true })
  verificationReason: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', precision: 3, nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
