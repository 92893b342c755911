import {
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
import { OrganizationEntity } from '../organizations/index.js';
import { UserEntity } from '../users/index.js';
import { ChallengeEntity } from './challenge.entity.js';

/** 保密协议: the versioned NDA / IP terms of a challenge; challenges.terms_version says which is in force. */
@Entity('challenge_terms')
export class ChallengeTermsEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** Who accepted which terms version on behalf of which organisation. */
@Entity('challenge_terms_acceptances')
@Index('UQ_challenge_terms_acceptances', ['challengeId', 'organizationId', 'termsVersion'], {
  unique: true,
})
export class ChallengeTermsAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ name: 'terms_version', type: 'integer' })
  termsVersion: number;

  @CreateDateColumn({ name: 'accepted_at', type: 'timestamptz', precision: 3 })
  acceptedAt: Date;
}

/** An SME invited to an INVITE_ONLY challenge. */
@Entity('challenge_invitations')
export class ChallengeInvitationEntity {
  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @Index()
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** 答疑: the asker is private to the issuer; the answer is published without it. */
@Entity('challenge_questions')
@Index('IDX_challenge_questions_challenge', ['challengeId', 'createdAt', 'id'])
export class ChallengeQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'asker_organization_id', type: 'uuid' })
  askerOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asker_organization_id' })
  askerOrganization?: Relation<OrganizationEntity>;

  @Column({ name: 'asker_user_id', type: 'uuid', nullable: true })
  askerUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'asker_user_id' })
  asker?: Relation<UserEntity>;

  @Column({ type: 'text' })
  question: string;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ name: 'answered_by', type: 'uuid', nullable: true })
  answeredBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'answered_by' })
  answerer?: Relation<UserEntity>;

  @Column({ name: 'answered_at', type: 'timestamptz', precision: 3, nullable: true })
  answeredAt: Date | null;

  /** True once answered: the question and answer are shown to everyone who can see the challenge. */
  @Column({ type: 'boolean', default: false })
  published: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** An issuer's announcement (公告) to everyone who can see the challenge. */
@Entity('challenge_announcements')
@Index('IDX_challenge_announcements_challenge', ['challengeId', 'createdAt', 'id'])
export class ChallengeAnnouncementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: Relation<ChallengeEntity>;

  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id' })
  author?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
