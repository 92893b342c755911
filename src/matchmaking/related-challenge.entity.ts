import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { ChallengeEntity } from '../challenges/index.js';
import { UserEntity } from '../users/index.js';

/**
 * Two challenges of different enterprises a platform admin linked as related demands (duplicate-demand
 * detection, README "Duplicate demands"). A link has no direction: the pair is stored once, the smaller id
 * first, so linking B to A after A to B is the same link (and refused as a duplicate).
 */
@Entity('related_challenges')
@Check('CHK_related_challenges_order', `"challenge_a_id" < "challenge_b_id"`)
@Index('UQ_related_challenges_pair', ['challengeAId', 'challengeBId'], { unique: true })
@Index('IDX_related_challenges_b', ['challengeBId'])
export class RelatedChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_a_id', type: 'uuid' })
  challengeAId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_a_id' })
  challengeA?: Relation<ChallengeEntity>;

  @Column({ name: 'challenge_b_id', type: 'uuid' })
  challengeBId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_b_id' })
  challengeB?: Relation<ChallengeEntity>;

  /** Why they are related, as the admin wrote it (shown to both issuers). */
  @Column({ type: 'varchar', length: 500 })
  note: string;

  @Column({ name: 'linked_by', type: 'uuid', nullable: true })
  linkedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'linked_by' })
  linker?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'linked_at', type: 'timestamptz', precision: 3 })
  linkedAt: Date;
}
