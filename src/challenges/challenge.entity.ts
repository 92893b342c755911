import {
  Check,
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
import { OrganizationEntity, SmeQualification } from '../organizations/index.js';
import { UserEntity } from '../users/index.js';
import type { BilingualLabel } from '../common/validation.js';

import { ChallengeStatus } from './challenge-transitions.js';
export { ChallengeStatus };

/** 稳链 / 补链 / 固链 / 强链 */
export enum ChainGoal {
  STABILIZE = 'STABILIZE',
  SUPPLEMENT = 'SUPPLEMENT',
  CONSOLIDATE = 'CONSOLIDATE',
  STRENGTHEN = 'STRENGTHEN',
}

/** 技术攻关 / 采购配套 / 场景验证 / 成果转化 / 人才需求 */
export enum DemandType {
  TECH_BREAKTHROUGH = 'TECH_BREAKTHROUGH',
  PROCUREMENT = 'PROCUREMENT',
  SCENARIO_VALIDATION = 'SCENARIO_VALIDATION',
  TECH_TRANSFORMATION = 'TECH_TRANSFORMATION',
  TALENT = 'TALENT',
}

export enum CooperationMode {
  JOINT_DEVELOPMENT = 'JOINT_DEVELOPMENT',
  COMMISSIONED_DEVELOPMENT = 'COMMISSIONED_DEVELOPMENT',
  TECH_TRANSFER = 'TECH_TRANSFER',
  LICENSE = 'LICENSE',
  TECH_SERVICE = 'TECH_SERVICE',
  EQUITY = 'EQUITY',
  PROCUREMENT = 'PROCUREMENT',
}

export enum IpOwnership {
  ISSUER = 'ISSUER',
  RESPONDENT = 'RESPONDENT',
  SHARED = 'SHARED',
  NEGOTIABLE = 'NEGOTIABLE',
}

export enum ChallengeVisibility {
  PUBLIC = 'PUBLIC',
  REGISTERED = 'REGISTERED',
  INVITE_ONLY = 'INVITE_ONLY',
}

/** Who may know how many proposals a challenge has received (the issuer chooses; its members and admins always may). */
export enum ProposalCountVisibility {
  ISSUER_ONLY = 'ISSUER_ONLY',
  PUBLIC = 'PUBLIC',
}

/**
 * A technology demand (需求 / 榜单) posted by an enterprise. `status` changes only through
 * ChallengeLifecycleService.transition(). PUBLISHED with `deadline <= now()` READS as CLOSED everywhere
 * (effectiveStatusSql); the next write on the row, or the scheduled job challenge-clock, persists CLOSED.
 * `version` is bumped by every edit (draft update or amendment) and is the optimistic-concurrency token;
 * `challenge_versions` keeps a snapshot of every version that was public.
 * `search_zh` / `search_en` are written by the service with the content (challenge-search.ts).
 */
@Entity('challenges')
@Check('CHK_challenges_title', `"title_zh" IS NOT NULL OR "title_en" IS NOT NULL`)
@Check(
  'CHK_challenges_budget',
  `"budget_min" IS NULL OR "budget_max" IS NULL OR "budget_min" <= "budget_max"`,
)
@Check(
  'CHK_challenges_money',
  `("budget_min" IS NULL OR "budget_min" >= 0) AND ("budget_max" IS NULL OR "budget_max" >= 0) AND ("bounty" IS NULL OR "bounty" >= 0)`,
)
@Check('CHK_challenges_version', `"version" >= 1`)
@Index('IDX_challenges_issuer_created', ['issuerOrganizationId', 'createdAt', 'id'])
@Index('IDX_challenges_deadline', ['deadline', 'id'])
@Index('IDX_challenges_status_submitted', ['status', 'submittedAt', 'id'])
@Index('IDX_challenges_newest', { synchronize: false })
@Index('IDX_challenges_budget', { synchronize: false })
@Index('IDX_challenges_search_zh', { synchronize: false })
@Index('IDX_challenges_search_en', { synchronize: false })
@Index('IDX_challenges_search_zh_month', { synchronize: false })
@Index('IDX_challenges_search_en_month', { synchronize: false })
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'issuer_organization_id', type: 'uuid' })
  issuerOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_organization_id' })
  issuer?: Relation<OrganizationEntity>;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @Column({
    type: 'enum',
    enum: ChallengeStatus,
    enumName: 'challenge_status',
    default: ChallengeStatus.DRAFT,
  })
  status: ChallengeStatus;

  @Column({ name: 'title_zh', type: 'varchar', length: 200, nullable: true })
  titleZh: string | null;

  @Column({ name: 'title_en', type: 'varchar', length: 200, nullable: true })
  titleEn: string | null;

  @Column({ name: 'summary_zh', type: 'text', nullable: true })
  summaryZh: string | null;

  @Column({ name: 'summary_en', type: 'text', nullable: true })
  summaryEn: string | null;

  /**
   * Technical approaches the issuer rules out, each labelled in Chinese and/or English, at most 5: public
   * like the summary, read by matchmaking (a small bounded list read and written whole: jsonb on the row).
   */
  @Column({ name: 'excluded_approaches', type: 'jsonb', default: () => "'[]'" })
  excludedApproaches: BilingualLabel[];

  /** Confidential: shown only to the issuer, admins, and (when terms are required) accepting organisations. */
  @Column({ type: 'text', default: '' })
  description: string;

  /** GB/T 4754-2017 section letter (A to T). */
  @Column({ name: 'industry_code', type: 'char', length: 1 })
  industryCode: string;

  @Column({ name: 'chain_goal', type: 'enum', enum: ChainGoal, enumName: 'challenge_chain_goal' })
  chainGoal: ChainGoal;

  @Column({
    name: 'demand_type',
    type: 'enum',
    enum: DemandType,
    enumName: 'challenge_demand_type',
  })
  demandType: DemandType;

  @Column({
    name: 'cooperation_modes',
    type: 'enum',
    enum: CooperationMode,
    enumName: 'cooperation_mode',
    array: true,
    default: () => "'{}'",
  })
  cooperationModes: CooperationMode[];

  /** Money in fen (integer), as text from the driver (bigint). */
  @Column({ name: 'budget_min', type: 'bigint', nullable: true })
  budgetMin: string | null;

  @Column({ name: 'budget_max', type: 'bigint', nullable: true })
  budgetMax: string | null;

  @Column({ type: 'bigint', nullable: true })
  bounty: string | null;

  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency: string;

  @Column({
    name: 'ip_ownership',
    type: 'enum',
    enum: IpOwnership,
    enumName: 'ip_ownership',
    default: IpOwnership.NEGOTIABLE,
  })
  ipOwnership: IpOwnership;

  @Column({
    name: 'min_qualification',
    type: 'enum',
    // The SME qualifications (one enum in the API); the PostgreSQL type keeps its own name, same values.
    enum: SmeQualification,
    enumName: 'challenge_min_qualification',
    default: SmeQualification.NONE,
  })
  /** The lowest SME qualification (专精特新 level) a respondent needs. */
  minQualification: SmeQualification;

  /** GB/T 2260 province codes an SME must be registered in; empty = anywhere. */
  @Column({
    name: 'allowed_region_codes',
    type: 'varchar',
    length: 6,
    array: true,
    default: () => "'{}'",
  })
  allowedRegionCodes: string[];

  @Column({ name: 'verified_only', type: 'boolean', default: true })
  verifiedOnly: boolean;

  @Column({
    type: 'enum',
    enum: ChallengeVisibility,
    enumName: 'challenge_visibility',
    default: ChallengeVisibility.PUBLIC,
  })
  visibility: ChallengeVisibility;

  @Column({
    name: 'proposal_count_visibility',
    type: 'enum',
    enum: ProposalCountVisibility,
    enumName: 'challenge_proposal_count_visibility',
    default: ProposalCountVisibility.ISSUER_ONLY,
  })
  proposalCountVisibility: ProposalCountVisibility;

  @Column({ name: 'anonymous_issuer', type: 'boolean', default: false })
  anonymousIssuer: boolean;

  @Column({ name: 'blind_review', type: 'boolean', default: false })
  blindReview: boolean;

  @Column({ type: 'timestamptz', precision: 3 })
  deadline: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', precision: 3, nullable: true })
  submittedAt: Date | null;

  /** Set once, at first publication; never cleared (a published challenge stays public after it closes). */
  @Column({ name: 'published_at', type: 'timestamptz', precision: 3, nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  /** The reason given with the last review decision or cancellation. */
  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  statusChangedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'requires_terms', type: 'boolean', default: false })
  requiresTerms: boolean;

  /** challenge_terms.version currently in force (null when no terms). */
  @Column({ name: 'terms_version', type: 'integer', nullable: true })
  termsVersion: number | null;

  /** jieba tokens + CJK bigrams of the Chinese text, 'simple' lexemes (title weight A, rest B). */
  @Column({ name: 'search_zh', type: 'tsvector', nullable: true, select: false })
  searchZh: string | null;

  /** to_tsvector('english', ...) of the English text. */
  @Column({ name: 'search_en', type: 'tsvector', nullable: true, select: false })
  searchEn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
