import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { UserEntity } from '../users/index.js';
import { OrganizationRole } from './organization-member.entity.js';
import { OrganizationEntity } from './organization.entity.js';

/**
 * The roles an invitation may give: ADMIN or MEMBER. Ownership is never given by invitation (an OWNER gives it
 * with changeOrganizationMemberRole); the API offers only these values, so no other rule is needed.
 */
export const InvitableRole = {
  ADMIN: OrganizationRole.ADMIN,
  MEMBER: OrganizationRole.MEMBER,
} as const;
export type InvitableRole = (typeof InvitableRole)[keyof typeof InvitableRole];

/** An invitation to join an organisation. Only the SHA-256 of its token is stored. */
@Entity('organization_invitations')
export class OrganizationInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<OrganizationEntity>;

  /** Lower-cased; only the account with this e-mail can accept. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** An InvitableRole, stored with the members' role type. */
  @Column({ type: 'enum', enum: OrganizationRole, enumName: 'organization_role' })
  role: OrganizationRole;

  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;
}
