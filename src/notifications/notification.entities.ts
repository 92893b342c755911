import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/index.js';
import {
  DeliveryChannel,
  DeliveryStatus,
  NotificationChannelSetting,
  NotificationKind,
} from './notification-kinds.js';

/*
 * The subjects' foreign keys name their entities by class name ('ChallengeEntity', ...): the modules that own them
 * import this one (to notify), so importing theirs here would be a cycle. Deleting a subject deletes its
 * notifications and follows.
 */

/**
 * One notification to one user (the transactional outbox's row): written in the same transaction as the change it
 * tells of, so a rolled-back change notifies nobody. It stores the kind, the subjects' ids and the parameters that
 * are not anyone's secret; the text is rendered from templates in the reader's language when it is read or sent,
 * and only while the reader may still see every subject (notification-subjects.ts).
 */
@Entity('notifications')
@Index('IDX_notifications_recipient', ['recipientId', 'createdAt', 'id'])
@Index('IDX_notifications_unread', { synchronize: false })
@Index('IDX_notifications_txid', ['txid', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /**
   * The writing transaction's id (txid_current()): live updates read the notifications of transactions older than
   * every one still running (txid_snapshot_xmin), in (txid, id) order, so none is passed over while it commits.
   */
  @Column({ type: 'bigint', default: () => 'txid_current()' })
  txid: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id' })
  recipient?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ name: 'challenge_id', type: 'uuid', nullable: true })
  @Index('IDX_notifications_challenge')
  challengeId: string | null;

  @ManyToOne('ChallengeEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: unknown;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  @Index('IDX_notifications_proposal')
  proposalId: string | null;

  @ManyToOne('ProposalEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: unknown;

  @Column({ name: 'introduction_id', type: 'uuid', nullable: true })
  @Index('IDX_notifications_introduction')
  introductionId: string | null;

  @ManyToOne('IntroductionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'introduction_id' })
  introduction?: unknown;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  @Index('IDX_notifications_organization')
  organizationId: string | null;

  @ManyToOne('OrganizationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: unknown;

  /** The template's parameters that are nobody's secret (a decision, a reason, a receipt hash): never names or titles. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}

/**
 * A notification's delivery on one channel other than the inbox (EMAIL, DIGEST): written PENDING with the
 * notification, moved by the channel's sender after commit. Unique per (notification, channel): a retried delivery
 * is the same row, so it is sent at most once per success.
 */
@Entity('notification_deliveries')
@Unique('UQ_notification_deliveries_channel', ['notificationId', 'channel'])
@Index('IDX_notification_deliveries_due', ['channel', 'status', 'createdAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<NotificationEntity>;

  @Column({ type: 'enum', enum: DeliveryChannel, enumName: 'notification_delivery_channel' })
  channel: DeliveryChannel;

  @Column({
    type: 'enum',
    enum: DeliveryStatus,
    enumName: 'notification_delivery_status',
    default: DeliveryStatus.PENDING,
  })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'attempted_at', type: 'timestamptz', precision: 3, nullable: true })
  attemptedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;
}

/** A user's choice of channel for one kind; a kind without a row uses DEFAULT_CHANNEL (notification-kinds.ts). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @PrimaryColumn({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({
    type: 'enum',
    enum: NotificationChannelSetting,
    enumName: 'notification_channel_setting',
  })
  channel: NotificationChannelSetting;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** A user follows a challenge they may see: they hear of its amendments and published answers. */
@Entity('challenge_follows')
@Index('IDX_challenge_follows_challenge', ['challengeId'])
export class ChallengeFollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @PrimaryColumn({ name: 'challenge_id', type: 'uuid' })
  challengeId: string;

  @ManyToOne('ChallengeEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challenge_id' })
  challenge?: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
