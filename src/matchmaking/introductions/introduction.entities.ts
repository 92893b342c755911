import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { ChallengeEntity } from '../../challenges/index.js';
import { OrganizationEntity } from '../../organizations/index.js';
import { UserEntity } from '../../users/index.js';
import {
  IntroductionCloseReason,
  IntroductionDirection,
  IntroductionStatus,
} from './introduction-transitions.js';

/**
 * An introduction (对接) between a challenge and an SME that one side asked for. `status` is written only by
 * the shared status writer (introduction-transitions.ts). The partial unique index of live introductions
 * (UQ_introductions_live_pair) is hand-written in the migration (synchronize: false here).
 */
@Entity('introductions')
@Index('UQ_introductions_live_pair', { synchronize: false })
@Index('IDX_introductions_sme', ['smeId', 'requestedAt', 'id'])
@Index('IDX_introductions_issuer', ['issuerOrganizationId', 'requestedAt', 'id'])
@Index('IDX_introductions_challenge', ['challengeId', 'requestedAt', 'id'])
@Index('IDX_introductions_requester', ['requesterOrganizationId', 'requestedAt'])
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'sme_id', type: 'uuid' })
  smeId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sme_id' })
  sme?: Relation<OrganizationEntity>;

  /** The challenge's issuer (it never changes), kept so each side's lists are scoped by one indexed column. */
  @Column({ name: 'issuer_organization_id', type: 'uuid' })
  issuerOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issuer_organization_id' })
  issuer?: Relation<OrganizationEntity>;

  @Column({ type: 'enum', enum: IntroductionDirection, enumName: 'introduction_direction' })
  direction: IntroductionDirection;

  /** The organisation that asked (the issuer for INVITE, the SME for REQUEST): what the daily limit counts. */
  @Column({ name: 'requester_organization_id', type: 'uuid' })
  requesterOrganizationId: string;

  @Column({ type: 'enum', enum: IntroductionStatus, enumName: 'introduction_status' })
  status: IntroductionStatus;

  /** The reason of the last move (a decline's reason, a close's note). */
  @Column({ name: 'status_reason', type: 'varchar', length: 1000, nullable: true })
  statusReason: string | null;

  @Column({
    name: 'close_reason',
    type: 'enum',
    enum: IntroductionCloseReason,
    enumName: 'introduction_close_reason',
    nullable: true,
  })
  closeReason: IntroductionCloseReason | null;

  /** The requester's message (empty for invitations carried over from before introductions existed). */
  @Column({ type: 'varchar', length: 2000 })
  message: string;

  /** The member who asked: the requester side's contact person. */
  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by' })
  requester?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz', precision: 3 })
  requestedAt: Date;

  /** When an unanswered request reads as EXPIRED (requested_at + INTRODUCTION_EXPIRY_DAYS at the time). */
  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** The member who accepted or declined: the recipient side's contact person. */
  @Column({ name: 'responded_by', type: 'uuid', nullable: true })
  respondedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'responded_by' })
  responder?: Relation<UserEntity>;

  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by' })
  closer?: Relation<UserEntity>;

  @Column({
    name: 'status_changed_at',
    type: 'timestamptz',
    precision: 3,
    default: () => 'now()',
  })
  statusChangedAt: Date;
}

/** A message of an accepted introduction's thread (text only). */
@Entity('introduction_messages')
@Index('IDX_introduction_messages_thread', ['introductionId', 'createdAt', 'id'])
export class IntroductionMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'introduction_id', type: 'uuid' })
  introductionId: string;

  @ManyToOne(() => IntroductionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'introduction_id' })
  introduction?: Relation<IntroductionEntity>;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  /** The side the author wrote for. */
  @Column({ name: 'author_organization_id', type: 'uuid' })
  authorOrganizationId: string;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
