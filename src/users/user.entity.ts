import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { PlatformRole } from '../common/auth/actor.js';

export enum UserStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}

export type UserLocale = 'zh-CN' | 'en';

@Entity('users')
@Index('UQ_users_email_skeleton', ['emailSkeleton'], { unique: true })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  /** The TR 39 skeleton of the e-mail (see email-identity.ts); unique, so no two addresses look the same. */
  @Column({ name: 'email_skeleton', type: 'text', nullable: true })
  emailSkeleton: string | null;

  /** When the address was proved by a verification link; null: it receives no mail but the verification. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', precision: 3, nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 5, default: 'zh-CN' })
  locale: UserLocale;

  @Column({ name: 'platform_roles', type: 'text', array: true, default: () => "'{}'" })
  platformRoles: PlatformRole[];

  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.ACTIVE })
  status: UserStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/**
 * Whether mail other than the address's own verification may be sent to the user: an active account whose
 * address is verified (the one rule for password resets and notification e-mails).
 */
export function receivesMail(user: Pick<UserEntity, 'status' | 'emailVerifiedAt'>): boolean {
  return user.status === UserStatus.ACTIVE && user.emailVerifiedAt !== null;
}
