import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { ChallengeEntity, EvaluationCriterionEntity } from '../challenges/index.js';
import { OrganizationEntity } from '../organizations/index.js';
import { UserEntity } from '../users/index.js';

/**
 * Proposal lifecycle (DOMAIN.md): DRAFT → SUBMITTED → (after the deadline) UNDER_REVIEW → SHORTLISTED → SELECTED;
 * SUBMITTED → WITHDRAWN before the deadline; UNDER_REVIEW/SHORTLISTED → NOT_SELECTED; SELECTED → DISQUALIFIED.
 * SUBMITTED past the challenge deadline READS as UNDER_REVIEW (effectiveProposalStatusSql); decisions persist it.
 */
import { ProposalStatus } from './proposal-transitions.js';
export { ProposalStatus };

/** Why a proposal was not selected (sent to the SME with free-text feedback). */
export enum NotSelectedReason {
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
  VETO_CRITERION_FAILED = 'VETO_CRITERION_FAILED',
  TECHNICAL_MISMATCH = 'TECHNICAL_MISMATCH',
  PRICE_TOO_HIGH = 'PRICE_TOO_HIGH',
  TIMELINE_TOO_LONG = 'TIMELINE_TOO_LONG',
  INCOMPLETE = 'INCOMPLETE',
  LESS_COMPETITIVE = 'LESS_COMPETITIVE',
  CHALLENGE_FAILED = 'CHALLENGE_FAILED',
  OTHER = 'OTHER',
}

export enum ReviewAssignmentStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  RECUSED = 'RECUSED',
}

export enum ObjectionStatus {
  FILED = 'FILED',
  UPHELD = 'UPHELD',
  DISMISSED = 'DISMISSED',
}

export enum PublicityOutcome {
  AWARDED = 'AWARDED',
  OBJECTION_UPHELD = 'OBJECTION_UPHELD',
}

/**
 * 揭榜方案: an SME's proposal for a challenge. The content lives in `proposal_revisions` (one row per
 * submitted revision, never updated) and, while a DRAFT, in `draft_content`. `submitted_at` and every
 * revision's `created_at` are the database clock of the accepting transaction. At most one live
 * (not WITHDRAWN) proposal per SME and challenge (partial unique index).
 */
@Entity('proposals')
@Index('UQ_proposals_live', ['challengeId', 'organizationId'], {
  unique: true,
  where: `"status" <> 'WITHDRAWN'`,
})
@Index('UQ_proposals_idempotency', ['organizationId', 'idempotencyKey'], {
  unique: true,
  where: `"idempotency_key" IS NOT NULL`,
})
@Index('IDX_proposals_challenge_status', ['challengeId', 'status'])
@Index('IDX_proposals_organization_created', ['organizationId', 'createdAt', 'id'])
export class ProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  /** The SME (organizations.id of kind SME). */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({
    type: 'enum',
    enum: ProposalStatus,
    enumName: 'proposal_status',
    default: ProposalStatus.DRAFT,
  })
  status: ProposalStatus;

  /** The unsubmitted content of a DRAFT (ProposalContent); null once submitted. */
  @Column({ name: 'draft_content', type: 'jsonb', nullable: true })
  draftContent: Record<string, unknown> | null;

  /** proposal_revisions.revision in force; 0 while a DRAFT. */
  @Column({ name: 'current_revision', type: 'integer', default: 0 })
  currentRevision: number;

  /** First submission, database time. */
  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** SHA-256 (hex) of the canonical JSON of the current revision's content. */
  @Column({ name: 'receipt_sha256', type: 'char', length: 64, nullable: true })
  receiptSha256: string | null;

  /** submitProposal's idempotency key, unique per SME. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  /** SHA-256 of the canonical JSON of { challengeId, content } sent with the key. */
  @Column({ name: 'idempotency_payload_hash', type: 'char', length: 64, nullable: true })
  idempotencyPayloadHash: string | null;

  /** SELECTED: the award in fen. */
  @Column({ name: 'award_amount', type: 'bigint', nullable: true })
  awardAmount: string | null;

  @Column({
    name: 'not_selected_reason',
    type: 'enum',
    enum: NotSelectedReason,
    enumName: 'proposal_not_selected_reason',
    nullable: true,
  })
  notSelectedReason: NotSelectedReason | null;

  /** Feedback to the SME with the decision (not selected, disqualified). */
  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: Relation<UserEntity>;

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

/** Every submitted revision of a proposal, kept forever; `content_sha256` is the receipt's hash. */
@Entity('proposal_revisions')
export class ProposalRevisionEntity {
  @PrimaryColumn({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @PrimaryColumn({ type: 'integer' })
  revision: number;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;

  /** ProposalContent (title, summary, technicalApproach, commitments, milestones, quotedPriceFen, ...). */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'content_sha256', type: 'char', length: 64 })
  contentSha256: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  /** Database time of the accepting transaction (set explicitly, truncated to milliseconds). */
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/**
 * 专家评审: a reviewer's assignment. A challenge-level row (proposal_id NULL) is the invitation to review
 * every proposal of the challenge (INVITED → ACCEPTED / DECLINED); a proposal-level row with status
 * RECUSED excludes the reviewer from that one proposal (回避, e.g. the expert's affiliation is the SME).
 */
@Entity('review_assignments')
@Index('UQ_review_assignments_challenge', ['challengeId', 'reviewerUserId'], {
  unique: true,
  where: `"proposal_id" IS NULL`,
})
@Index('UQ_review_assignments_proposal', ['proposalId', 'reviewerUserId'], {
  unique: true,
  where: `"proposal_id" IS NOT NULL`,
})
@Index('IDX_review_assignments_reviewer', ['reviewerUserId', 'createdAt', 'id'])
export class ReviewAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;

  @Column({ name: 'reviewer_user_id', type: 'uuid' })
  reviewerUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_user_id' })
  reviewer?: Relation<UserEntity>;

  @Column({
    type: 'enum',
    enum: ReviewAssignmentStatus,
    enumName: 'review_assignment_status',
    default: ReviewAssignmentStatus.INVITED,
  })
  status: ReviewAssignmentStatus;

  /** Why declined or recused (AFFILIATION_MATCH, ORGANIZATION_MEMBER, or the reviewer's words). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_by' })
  assigner?: Relation<UserEntity>;

  @Column({ name: 'responded_at', type: 'timestamptz', precision: 3, nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** One reviewer's score of one proposal on one criterion (0-10); private_note is shown to the reviewer only. */
@Entity('scores')
@Check('CHK_scores_range', `"score" BETWEEN 0 AND 10`)
@Index('UQ_scores_assignment_proposal_criterion', ['assignmentId', 'proposalId', 'criterionId'], {
  unique: true,
})
@Index('IDX_scores_proposal', ['proposalId'])
export class ScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The reviewer's challenge-level review_assignments row. */
  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId: string;

  @ManyToOne(() => ReviewAssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Relation<ReviewAssignmentEntity>;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;

  @Column({ name: 'criterion_id', type: 'uuid' })
  criterionId: string;

  @ManyToOne(() => EvaluationCriterionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterion_id' })
  criterion?: Relation<EvaluationCriterionEntity>;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'private_note', type: 'text', default: '' })
  privateNote: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** The issuer's evaluation state of a challenge: the scoring lock. */
@Entity('challenge_evaluations')
export class ChallengeEvaluationEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'scoring_locked_at', type: 'timestamptz', precision: 3, nullable: true })
  scoringLockedAt: Date | null;

  @Column({ name: 'scoring_locked_by', type: 'uuid', nullable: true })
  scoringLockedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'scoring_locked_by' })
  locker?: Relation<UserEntity>;
}

/** 公示: one public-notice period of a challenge's selected winners. At most one open (closed_at NULL) per challenge. */
@Entity('publicities')
@Index('UQ_publicities_open', ['challengeId'], { unique: true, where: `"closed_at" IS NULL` })
@Index('IDX_publicities_challenge', ['challengeId', 'startedAt'])
export class PublicityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'started_at', type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz', precision: 3 })
  endsAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'enum', enum: PublicityOutcome, enumName: 'publicity_outcome', nullable: true })
  outcome: PublicityOutcome | null;
}

/** 异议: an objection against a winner filed during the publicity period. */
@Entity('objections')
@Index('IDX_objections_publicity', ['publicityId', 'createdAt', 'id'])
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'publicity_id', type: 'uuid' })
  publicityId: string;

  @ManyToOne(() => PublicityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'publicity_id' })
  publicity?: Relation<PublicityEntity>;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  /** The winning proposal objected to. */
  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;

  @Column({ name: 'filed_by_organization_id', type: 'uuid' })
  filedByOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'filed_by_organization_id' })
  filedByOrganization?: Relation<OrganizationEntity>;

  @Column({ name: 'filed_by', type: 'uuid', nullable: true })
  filedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'filed_by' })
  filer?: Relation<UserEntity>;

  @Column({ type: 'text' })
  reason: string;

  @Column({
    type: 'enum',
    enum: ObjectionStatus,
    enumName: 'objection_status',
    default: ObjectionStatus.FILED,
  })
  status: ObjectionStatus;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by' })
  decider?: Relation<UserEntity>;

  @Column({ name: 'decided_at', type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** A platform admin's explicit, reasoned access to one proposal's content (break-glass), valid until expires_at. */
@Entity('proposal_access_grants')
@Index('IDX_proposal_access_grants_lookup', ['proposalId', 'adminUserId', 'expiresAt'])
export class ProposalAccessGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'proposal_id', type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => ProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<ProposalEntity>;

  @Column({ name: 'admin_user_id', type: 'uuid' })
  adminUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'admin_user_id' })
  admin?: Relation<UserEntity>;

  @Column({ type: 'text' })
  reason: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;
}
