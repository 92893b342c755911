import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { AuditHashContent, AuditHashDeferred, auditHashPieces } from './audit-hash.js';
import { preparedQuery } from '../database/prepared-query.js';

/** Any fixed number: the transaction-level advisory lock that serialises appends to the chain. */
export const AUDIT_CHAIN_LOCK_KEY = 4_242_017_311;

/** What a module tells the audit trail about one state change or admin decision. */
export interface AuditEventInput {
  /** Who did it; null for the system (seed, CLI). The request id is taken from the actor. */
  actor: Actor | null;
  /** UPPER_SNAKE verb phrase, e.g. ORGANIZATION_VERIFIED, ALLIANCE_MEMBERSHIP_ADMITTED, CHALLENGE_PUBLISHED. */
  action: string;
  /** The entity's type name as in the API, e.g. Organization, AllianceMembership, Challenge. */
  entityType: string;
  entityId: string;
  /** The organisation the event is about (shown to its members by myOrganizationAuditEvents). */
  organizationId?: string | null;
  /** Status before and after, for transitions. */
  from?: string | null;
  to?: string | null;
  reason?: string | null;
  /** Further details, JSON-serialisable (no secrets, no sealed content). */
  data?: Record<string, unknown>;
}

export interface RecordedAuditEvent {
  seq: string;
  id: string;
  hash: string;
}

/**
 * The audit trail. Every module calls `record(manager, event)` INSIDE the transaction of the change
 * it describes, so the event commits or rolls back with it:
 *
 *   await this.dataSource.transaction(async (manager) => {
 *     ... the conditional UPDATE ...
 *     await this.audit.record(manager, { actor, action: 'CHALLENGE_PUBLISHED', entityType: 'Challenge',
 *       entityId: id, organizationId, from: 'PENDING_REVIEW', to: 'PUBLISHED' });
 *   });
 *
 * Appends take a transaction-level advisory lock (held to commit), so the hash chain never forks;
 * record() therefore belongs at the END of a transaction, after the checks that may refuse it. The
 * append is one statement (the SQL function audit_append, which finishes the hash the service began),
 * so the lock is held from that statement to the commit and no longer.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditEventInput): Promise<RecordedAuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the transaction of the change it records');
    }
    return this.append(manager, event);
  }

  /**
   * Records a READ of protected content (proposal content). A read changes nothing, so there is no
   * transaction of a change to join: the append is its own one-statement transaction, and the caller runs
   * it after the read and BEFORE returning anything, so no content leaves the service unless the event
   * recording its read has committed (if the append fails, the request fails).
   */
  async recordRead(dataSource: DataSource, event: AuditEventInput): Promise<RecordedAuditEvent> {
    return this.append(dataSource.manager, event);
  }

  private async append(manager: EntityManager, event: AuditEventInput): Promise<RecordedAuditEvent> {
    const content: Omit<AuditHashContent, AuditHashDeferred> = {
      id: randomUUID(),
      actorUserId: event.actor?.userId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      organizationId: event.organizationId ?? null,
      fromState: event.from ?? null,
      toState: event.to ?? null,
      reason: event.reason ?? null,
      requestId: event.actor?.requestId ?? null,
      // Round-trip through JSON so the hash covers exactly what jsonb will give back.
      data: JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>,
    };
    // One statement takes the chain's lock (held to commit), links, stamps, hashes and inserts: see audit_append.
    const [row] = (await preparedQuery(
      manager,
      `SELECT appended_seq::text AS seq, appended_hash AS hash
         FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        content.id,
        content.actorUserId,
        content.action,
        content.entityType,
        content.entityId,
        content.organizationId,
        content.fromState,
        content.toState,
        content.reason,
        content.requestId,
        JSON.stringify(content.data),
        auditHashPieces(content),
        AUDIT_CHAIN_LOCK_KEY,
      ],
    )) as { seq: string; hash: string }[];
    return { seq: row.seq, id: content.id, hash: row.hash };
  }
}
