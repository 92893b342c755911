import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ChallengeEntity } from '../challenges/index.js';

/**
 * A challenge's similar demands kept between requests (similarChallenges): the candidates the exact similarity
 * scored, as the challenges' side of the index stood at `corpus_generation` (match_side_stats). Derived data:
 * a list is read only while the challenges' corpus is the one it was computed from and it is younger than the
 * kept lists' TTL; the rules (another issuer's, PENDING_REVIEW or PUBLISHED before its deadline) are checked
 * again on every read.
 */
@Entity('similar_lists')
export class SimilarListEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'corpus_generation', type: 'bigint' })
  corpusGeneration: string;

  @Column({ name: 'computed_at', type: 'timestamptz', precision: 3 })
  computedAt: Date;
}

/** One scored candidate of a kept similar list, with the shared terms and fields it is shown with. */
@Entity('similar_list_entries')
export class SimilarListEntryEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  /** 0 for the most similar; the order of (similarity descending, candidate id). */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => SimilarListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id', referencedColumnName: 'challengeId' })
  list?: Relation<SimilarListEntity>;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @Column({ type: 'double precision' })
  similarity: number;

  /** The shared terms (as many as shown) and the shared technical fields' codes. */
  @Column({ type: 'jsonb' })
  detail: unknown;
}
