import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The append-only, hash-chained audit trail. Rows are written only by AuditService.record() and a
 * trigger (migration) refuses UPDATE and DELETE. `seq` is gap-free and ordered: appends are
 * serialised by a transaction-level advisory lock. `hash` = SHA-256 of the canonical JSON of the row's
 * content including `prev_hash` (the previous row's hash; 64 zeros for the first row).
 * No foreign keys on purpose: the trail outlives what it describes.
 */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId', 'seq'])
@Index('IDX_audit_events_organization', ['organizationId', 'seq'])
@Index('IDX_audit_events_actor', ['actorUserId', 'seq'])
@Index('IDX_audit_events_action', ['action', 'seq'])
// GIN on data -> 'proposalIds' of PROPOSAL_CONTENT_READ events (migration AuditReadSubjects1795900417000).
@Index('IDX_audit_events_read_proposals', { synchronize: false })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  /** Null for system actions (seed, CLI). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** e.g. ALLIANCE_MEMBERSHIP_ADMITTED, ORGANIZATION_VERIFIED, USER_SUSPENDED */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  /** e.g. Organization, AllianceMembership, User, TechnicalField */
  @Column({ name: 'entity_type', type: 'varchar', length: 60 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 100 })
  entityId: string;

  /** The organisation the event is about, if any (what `myOrganizationAuditEvents` lists). */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'from_state', type: 'varchar', length: 40, nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'varchar', length: 40, nullable: true })
  toState: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  /** Further details (changed fields, tier, ...), JSON. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64, unique: true })
  hash: string;
}
