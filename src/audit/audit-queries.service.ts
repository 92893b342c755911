import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import {
  ConnectionArgs,
  ConnectionShape,
  decodeCursor,
  encodeCursor,
  pageSize,
  pageInfoOf,
  toConnection,
} from '../common/pagination/connection.js';
import { verifyAuditChain } from './audit-chain.js';
import {
  auditEventPage,
  ORGANIZATION_DATA_VIEW,
  ORGANIZATION_EVENTS_SQL,
} from './audit.queries.js';
import type { AuditDataView } from './audit.queries.js';
import { AuditChainReportType, AuditEventsArgs, AuditEventType } from './dto/audit.types.js';

/** Reading the audit trail: admins page and filter it; an organisation sees the events about itself. */
@Injectable()
export class AuditQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(_actor: Actor, args: AuditEventsArgs): Promise<ConnectionShape<AuditEventType>> {
    const f = args.filter ?? {};
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length + 1}`));
    };
    if (f.action) add('e.action = ?', f.action);
    if (f.entityType) add('e.entity_type = ?', f.entityType);
    if (f.entityId) add('e.entity_id = ?', f.entityId);
    if (f.organizationId) add('e.organization_id = ?', f.organizationId);
    if (f.actorUserId) add('e.actor_user_id = ?', f.actorUserId);
    if (f.since) add('e.occurred_at >= ?', f.since);
    if (f.until) add('e.occurred_at < ?', f.until);
    return this.page(where, params, args, 'TRUE');
  }

  /** Events about the actor's organisation; an empty list outside one. */
  async mine(actor: Actor, args: ConnectionArgs): Promise<ConnectionShape<AuditEventType>> {
    if (!actor.organization) return { edges: [], pageInfo: pageInfoOf([], false, args.after) };
    // Who acted is shown only when it is one of the organisation's own members or a platform admin: the
    // staff of an (anonymous) issuer or the reviewers who read or decided on an SME's proposal stay unnamed.
    const actorShown = `(EXISTS (SELECT 1 FROM organization_members m WHERE m.user_id = e.actor_user_id AND m.organization_id = $2)
      OR 'ADMIN' = ANY(u.platform_roles))`;
    // The reads of its proposals' content are listed too, whatever path read them (ORGANIZATION_EVENTS_SQL), and
    // shown without other SMEs' proposal ids nor the reader's identity (ORGANIZATION_DATA_VIEW).
    return this.page(
      [ORGANIZATION_EVENTS_SQL],
      [actor.organization.id],
      args,
      actorShown,
      ORGANIZATION_DATA_VIEW,
    );
  }

  async verify(): Promise<AuditChainReportType> {
    const report = await verifyAuditChain((sql, params) => this.dataSource.query(sql, params));
    return {
      ok: report.ok,
      checked: report.checked,
      firstBrokenSeq: report.firstBreak?.seq ?? null,
      firstBrokenId: report.firstBreak?.id ?? null,
      problem: report.firstBreak?.problem ?? null,
    };
  }

  /** Newest first, keyset on seq; one query per page. `where` uses $2.. ($1 is the limit). */
  private async page(
    where: string[],
    params: unknown[],
    args: ConnectionArgs,
    actorShown: string,
    view?: AuditDataView,
  ): Promise<ConnectionShape<AuditEventType>> {
    const first = pageSize(args);
    const all = [...params];
    const conditions = [...where];
    if (args.after) {
      const [seq] = decodeCursor(args.after, ['bigint']);
      all.push(seq);
      conditions.push(`e.seq < $${all.length + 1}::bigint`);
    }
    const rows = await auditEventPage(
      this.dataSource,
      conditions,
      all,
      first + 1,
      actorShown,
      view,
    );
    return toConnection(
      rows,
      first,
      (r) => encodeCursor([r.seq]),
      (r) => r,
      args.after,
    );
  }
}
