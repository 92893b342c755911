import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { AuditHashContent, AuditHashDeferred, auditHashPieces } from './audit-hash.js';
import { appendAuditEvent } from './audit.queries.js';
import type { SqlParams } from '../database/sql-params.js';

/** Any fixed number: the transaction-level advisory lock that serialises appends to the chain. */
export const AUDIT_CHAIN_LOCK_KEY = 4_242_017_311;

import type { AuditEventInput } from '../common/audit-event.js';

export type { AuditEventInput };

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
      throw new Error(
        'AuditService.record must run inside the transaction of the change it records',
      );
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

  /**
   * The SQL of a query that records a read of proposal content INSIDE the statement that reads it: for a read
   * whose rows only that statement knows (the ranked list pages in SQL). It appends one
   * PROPOSAL_CONTENT_READ event, the same event recordRead would append for those rows:
   * - the entity is the proposal when one was read, else the challenge;
   * - the data is `{ challengeId, view, path, readerOrganizationId, proposalIds }` (`path`: the GraphQL field that
   *   read; `readerOrganizationId`: the actor's organisation at the time).
   * It appends nothing when `rowsSql` yields no row (HAVING: the append is then never called). `rowsSql` is a query of
   * (proposal_id uuid, organization_id uuid, ord bigint): the rows read of other organisations than the
   * reader's, in the order they are shown.
   *
   * The result yields `appended_seq` (0 or 1 row). Use it as a MATERIALIZED CTE that the statement's main query
   * reads, so that it runs exactly once. The statement then returns content only if the event is in the chain:
   * if the append fails, the whole statement fails.
   *
   * The canonical JSON pieces are computed here as for any event. The values only the statement knows (the
   * proposal ids, the entity, its organisation) stand as placeholders in the first two pieces, which hold no
   * text a client chose. SQL substitutes them with their JSON: UUIDs and fixed words, which need no escaping.
   */
  contentReadSql(
    params: SqlParams,
    actor: Actor,
    challengeId: string,
    view: string,
    path: string,
    rowsSql: string,
  ): string {
    const placeholder = {
      ids: '@@PROPOSAL_IDS@@',
      entityId: '@@ENTITY_ID@@',
      entityType: '@@ENTITY_TYPE@@',
      organizationId: '@@ORGANIZATION_ID@@',
    };
    const content: Omit<AuditHashContent, AuditHashDeferred> = {
      id: randomUUID(),
      actorUserId: actor.userId,
      action: 'PROPOSAL_CONTENT_READ',
      entityType: placeholder.entityType,
      entityId: placeholder.entityId,
      organizationId: placeholder.organizationId,
      fromState: null,
      toState: null,
      reason: null,
      requestId: actor.requestId ?? null,
      data: {
        challengeId,
        view,
        path,
        readerOrganizationId: actor.organization?.id ?? null,
        proposalIds: placeholder.ids,
      },
    };
    const pieces = auditHashPieces(content);
    const once = (piece: string, value: string) => piece.split(JSON.stringify(value)).length === 2;
    if (
      ![placeholder.ids, placeholder.entityId, placeholder.entityType].every((v) =>
        once(pieces[0], v),
      ) ||
      !once(pieces[1], placeholder.organizationId)
    ) {
      throw new Error(
        'contentReadSql: a placeholder is not where the canonical JSON is expected to put it',
      );
    }
    const challenge = params.add(challengeId);
    const quoted = (v: string) => `'${JSON.stringify(v)}'`;
    // `e` holds the event's entity, its organisation and the ids as JSON: the columns and the hash read the same values.
    return `SELECT a.appended_seq FROM (
          SELECT array_agg(r.proposal_id ORDER BY r.ord) AS ids, (array_agg(r.organization_id ORDER BY r.ord))[1] AS first_org, count(*) AS n
            FROM (${rowsSql}) r HAVING count(*) > 0) f
        CROSS JOIN LATERAL (SELECT
            CASE WHEN f.n = 1 THEN 'Proposal' ELSE 'Challenge' END AS entity_type,
            CASE WHEN f.n = 1 THEN f.ids[1]::text ELSE ${challenge}::text END AS entity_id,
            CASE WHEN f.n = 1 THEN f.first_org END AS organization_id,
            '[' || array_to_string(ARRAY(SELECT '"' || u::text || '"' FROM unnest(f.ids) AS u), ',') || ']' AS ids_json) e
        CROSS JOIN LATERAL audit_append(
          ${params.add(content.id)}::uuid, ${params.add(content.actorUserId)}::uuid, ${params.add(content.action)}::varchar,
          e.entity_type, e.entity_id, e.organization_id, NULL, NULL, NULL, ${params.add(content.requestId)}::varchar,
          jsonb_build_object('challengeId', ${challenge}::text, 'view', ${params.add(view)}::text, 'path', ${params.add(path)}::text,
            'readerOrganizationId', ${params.add(content.data.readerOrganizationId)}::text, 'proposalIds', to_jsonb(f.ids)),
          ARRAY[
            replace(replace(replace(${params.add(pieces[0])}::text,
              ${quoted(placeholder.ids)}, e.ids_json),
              ${quoted(placeholder.entityType)}, '"' || e.entity_type || '"'),
              ${quoted(placeholder.entityId)}, '"' || e.entity_id || '"'),
            replace(${params.add(pieces[1])}::text, ${quoted(placeholder.organizationId)}, coalesce('"' || e.organization_id::text || '"', 'null')),
            ${params.add(pieces[2])}::text, ${params.add(pieces[3])}::text],
          ${params.add(AUDIT_CHAIN_LOCK_KEY)}::bigint) a`;
  }

  private async append(
    manager: EntityManager,
    event: AuditEventInput,
  ): Promise<RecordedAuditEvent> {
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
    const row = await appendAuditEvent(manager, [
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
    ]);
    return { seq: row.seq, id: content.id, hash: row.hash };
  }
}
