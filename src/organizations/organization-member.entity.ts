import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/index.js';
import { OrganizationEntity } from './organization.entity.js';

export enum OrganizationRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

/** A user's membership of an organisation. The primary key on user_id: a user belongs to at most one. */
@Entity('organization_members')
@Index('IDX_organization_members_org', ['organizationId', 'joinedAt', 'userId'])
export class OrganizationMemberEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'enum', enum: OrganizationRole, enumName: 'organization_role' })
  role: OrganizationRole;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz', precision: 3 })
  joinedAt: Date;
}
