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
import { ChallengeEntity } from '../challenges/index.js';
import { OrganizationEntity } from '../organizations/index.js';
import { UserEntity } from '../users/index.js';

/**
 * The side of the market a matching document stands for: 'C' a challenge (demand), 'S' an SME (supply).
 * The index (match_documents, match_terms) is derived data: rebuilt from the challenges and SME profiles by
 * the indexer whenever match_queue names them (database triggers fill the queue in the writing transaction).
 */
export type MatchSide = 'C' | 'S';

/** One indexed challenge or SME: its length for BM25 and the facets ranking reads besides the terms. */
@Entity('match_documents')
@Check('CHK_match_documents_side', `"side" IN ('C', 'S')`)
export class MatchDocumentEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ name: 'doc_id', type: 'uuid' })
  docId: string;

  /** Sum of the term weights. */
  @Column({ type: 'real' })
  length: number;

  /** Terms the demand wants replaced or avoided (challenges), as {term, surface, language}. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  avoid: unknown[];

  /** Terms of the application the demand names (challenges). */
  @Column({ name: 'application_terms', type: 'text', array: true, default: () => "'{}'" })
  applicationTerms: string[];

  /** Challenges: terms of the approaches the issuer excludes; SMEs: terms of their technical routes. */
  @Column({ name: 'route_terms', type: 'jsonb', default: () => "'[]'" })
  routeTerms: unknown[];

  @Column({ name: 'indexed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  indexedAt: Date;
}

/** The postings: which documents of a side hold a term, with its weight there (BM25's tf) and where it occurs. */
@Entity('match_terms')
@Index('IDX_match_terms_doc', ['side', 'docId'])
// (side, term, impact DESC) INCLUDE (doc_id, weight, doc_length): a term's postings best first, read from the index
// alone by the candidates' bounded scan (migrations Matchmaking1795900700000, MatchTermsCovering1795901100000).
@Index('IDX_match_terms_impact', { synchronize: false })
export class MatchTermEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ type: 'text' })
  term: string;

  @PrimaryColumn({ name: 'doc_id', type: 'uuid' })
  docId: string;

  @Column({ type: 'real' })
  weight: number;

  /** The document's length (match_documents.length), kept on each posting so BM25 reads no other table. */
  @Column({ name: 'doc_length', type: 'real' })
  docLength: number;

  /**
   * The posting's BM25 term factor with the side's average length when it was indexed: the order in which a
   * term's postings are read, so that candidates come from each term's best postings, whatever the side's size.
   */
  @Column({ type: 'real' })
  impact: number;

  /** A mask of the locations (analysis/analyze.ts MATCH_LOCATIONS). */
  @Column({ type: 'integer' })
  locations: number;

  /** The term as written (or, for a translation, as the vocabulary writes it). */
  @Column({ type: 'text' })
  surface: string;

  @Column({ type: 'boolean', default: false })
  translated: boolean;
}

/** Per side and term, in how many documents it occurs (BM25's document frequency), kept by the indexer. */
@Entity('match_term_stats')
export class MatchTermStatsEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ type: 'text' })
  term: string;

  @Column({ type: 'integer' })
  df: number;
}

/** Per side, the number of documents and the sum of their lengths (BM25's N and average length). */
@Entity('match_side_stats')
export class MatchSideStatsEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @Column({ type: 'integer', default: 0 })
  documents: number;

  @Column({ name: 'total_length', type: 'double precision', default: 0 })
  totalLength: number;

  /**
   * Bumped whenever lists of this side's documents are dropped (match_lists): a list computed while it moved is
   * answered but not kept, so a list never outlives a change it did not see.
   */
  @Column({ name: 'lists_generation', type: 'bigint', default: 0 })
  listsGeneration: string;

  /**
   * Bumped whenever this side's documents are indexed (replaceDocuments): a kept similar list
   * (similar_lists) computed from another corpus is not read.
   */
  @Column({ name: 'corpus_generation', type: 'bigint', default: 0 })
  corpusGeneration: string;
}

/**
 * A recommendation list kept between requests: the ranked candidates of `side` ('S' SMEs for the challenge
 * `subject_id`, 'C' challenges for the SME `subject_id`), as the exact scoring left them. Derived data: the
 * indexer drops the lists a change may alter, a request recomputes a missing or expired one; the product's
 * rules (eligibility, visibility, open, verified, dismissed) are checked again on every read.
 */
@Entity('match_lists')
@Check('CHK_match_lists_side', `"side" IN ('C', 'S')`)
export class MatchListEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'computed_at', type: 'timestamptz', precision: 3 })
  computedAt: Date;
}

/** One ranked candidate of a kept list, with the breakdown its explanation is written from. */
@Entity('match_list_entries')
@Index('IDX_match_list_entries_candidate', ['side', 'candidateId'])
export class MatchListEntryEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** 0 for the best; the order of (score descending, candidate id). */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => MatchListEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'side', referencedColumnName: 'side' },
    { name: 'subject_id', referencedColumnName: 'subjectId' },
  ])
  list?: Relation<MatchListEntity>;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  /** The score as the cursor writes it (nine decimals). */
  @Column({ type: 'numeric', precision: 10, scale: 9 })
  score: string;

  /** The pair's scoring (PairScore, its matched terms cut to what explanations read) and the reasons' facts. */
  @Column({ type: 'jsonb' })
  detail: unknown;
}

/** Documents to (re)index; filled by triggers in the transaction that changed the source. */
@Entity('match_queue')
export class MatchQueueEntity {
  @PrimaryColumn({ type: 'char', length: 1 })
  side: MatchSide;

  @PrimaryColumn({ name: 'doc_id', type: 'uuid' })
  docId: string;

  @Column({ name: 'queued_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  queuedAt: Date;
}

/** Who dismissed a recommended pair: the issuer's side or the SME's. */
export enum DismissalSide {
  ISSUER = 'ISSUER',
  SME = 'SME',
}

/** A recommendation one side does not want to see again (and data ranking learns from). */
@Entity('match_dismissals')
@Index('IDX_match_dismissals_sme', ['smeId', 'side'])
export class MatchDismissalEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @PrimaryColumn({ name: 'sme_id', type: 'uuid' })
  smeId: string;

  @PrimaryColumn({ type: 'enum', enum: DismissalSide, enumName: 'match_dismissal_side' })
  side: DismissalSide;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sme_id' })
  sme?: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 300, nullable: true })
  reason: string | null;

  @Column({ name: 'dismissed_by', type: 'uuid', nullable: true })
  dismissedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'dismissed_by' })
  dismisser?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'dismissed_at', type: 'timestamptz', precision: 3 })
  dismissedAt: Date;
}

/** A bilingual pair platform admins add to the shipped vocabulary. */
@Entity('match_vocabulary')
@Index('UQ_match_vocabulary_pair', ['zh', 'en'], { unique: true })
export class MatchVocabularyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  zh: string;

  @Column({ type: 'varchar', length: 80 })
  en: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
