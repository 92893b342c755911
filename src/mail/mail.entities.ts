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
import { UserEntity } from '../users/index.js';

/** What a link sent by e-mail does. */
export enum EmailTokenPurpose {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  RESET_PASSWORD = 'RESET_PASSWORD',
  UNSUBSCRIBE = 'UNSUBSCRIBE',
}

/**
 * One link sent by e-mail. The link carries a signed token naming this row (common/signed-token.ts); the row
 * makes it single-use (`used_at`) and bounds it (`expires_at`, by the database clock). `email` is the address it
 * was sent to: a verification proves that address, not whatever the account holds later.
 */
@Entity('email_tokens')
export class EmailTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: EmailTokenPurpose, enumName: 'email_token_purpose' })
  purpose: EmailTokenPurpose;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** UNSUBSCRIBE only: the kind of mail the link stops. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  kind: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', precision: 3, nullable: true })
  usedAt: Date | null;
}

/** A user's opt-out of one kind of e-mail (one-click unsubscribe). */
@Entity('email_unsubscribes')
export class EmailUnsubscribeEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  kind: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
