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
} from 'typeorm';
import type { Relation } from 'typeorm';
import { TechnicalFieldEntity } from '../technical-fields/index.js';
import { UserEntity } from '../users/index.js';
import { ChallengeEntity } from './challenge.entity.js';

@Entity('challenge_technical_fields')
export class ChallengeTechnicalFieldEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @Index()
  @PrimaryColumn({ name: 'field_code', type: 'varchar', length: 64 })
  fieldCode: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @ManyToOne(() => TechnicalFieldEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'field_code' })
  field?: Relation<TechnicalFieldEntity>;
}

/** 技术拆解 / 考核指标: one measurable indicator. Proposals reference its id (kept stable: frozen after publication). */
@Entity('challenge_requirements')
@Check('CHK_challenge_requirements_weight', `"weight" BETWEEN 0 AND 100`)
@Index('UQ_challenge_requirements_position', ['challengeId', 'position'], { unique: true })
export class ChallengeRequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  target: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  unit: string;

  /** Relative importance, 0 to 100. */
  @Column({ type: 'smallint', default: 0 })
  weight: number;

  @Column({ name: 'must_have', type: 'boolean', default: false })
  mustHave: boolean;
}

/** 评审标准: weights of one challenge sum to 100. Scores reference its id (frozen after publication). */
@Entity('evaluation_criteria')
@Check('CHK_evaluation_criteria_weight', `"weight" BETWEEN 0 AND 100`)
@Index('UQ_evaluation_criteria_position', ['challengeId', 'position'], { unique: true })
export class EvaluationCriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'smallint' })
  weight: number;

  /** A pass/fail criterion: failing it disqualifies whatever the other scores. */
  @Column({ type: 'boolean', default: false })
  veto: boolean;
}

/** A snapshot of every version of a challenge that was public (at publication and at each amendment). */
@Entity('challenge_versions')
export class ChallengeVersionEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  /** The public and confidential content of this version (ChallengeSnapshot). */
  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  /** Null for the first publication. */
  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
