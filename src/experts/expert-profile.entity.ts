import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/index.js';

/**
 * An expert of the platform's pool. Kept after the EXPERT role is revoked (revoked_at set), so past
 * reviews still know who the reviewer was affiliated with. The affiliation feeds conflict-of-interest
 * checks: compare `affiliation_credit_code` with `organizations.credit_code`.
 */
@Entity('expert_profiles')
export class ExpertProfileEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ name: 'affiliation_name', type: 'varchar', length: 200 })
  affiliationName: string;

  @Column({ name: 'affiliation_credit_code', type: 'char', length: 18, nullable: true })
  affiliationCreditCode: string | null;

  @Column({ type: 'text', default: '' })
  bio: string;

  @Column({ name: 'granted_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
