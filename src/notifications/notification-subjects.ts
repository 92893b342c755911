import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor.js';
import type { SqlParams } from '../database/sql-params.js';
import type { NotificationSubject } from './notification-kinds.js';

/**
 * How a notification learns what its reader may see of a subject. The module that owns the subject registers its
 * rule (built on its one visibility rule: `visibleSql` and `issuerShownSql` for challenges, `canReadSql` for
 * proposals, `introductionReadableSql` for introductions), so this module holds no copy of any of them and imports
 * none of those modules (they import it, to notify).
 */
export interface NotificationSubjectRule {
  subject: NotificationSubject;
  /**
   * A SQL expression of type json: what `reader` may see of the subject whose id is the SQL expression `idSql`
   * (e.g. a challenge's titles and, when the issuer may be named to the reader, its name), or NULL when the reader
   * may not see the subject at all. It must never select anything the reader may not see.
   */
  viewSql(reader: Actor, p: SqlParams, idSql: string): string;
}

/** Named groups of organisations an event may be addressed to, defined by the module that owns their data. */
export const AUDIENCE_GROUPS = ['CHALLENGE_PROPOSERS', 'CHALLENGE_TERMS_ACCEPTED'] as const;
export type AudienceGroup = (typeof AUDIENCE_GROUPS)[number];

export interface NotificationAudienceRule {
  group: AudienceGroup;
  /** A SQL query selecting one column, organization_id: the group's organisations for the id `idSql`. */
  organizationsSql(p: SqlParams, idSql: string): string;
}

/**
 * The registry of subject rules (and of audience groups). A subject without a registered rule is never shown (deny by default: its view is
 * NULL).
 */
@Injectable()
export class NotificationSubjects {
  private readonly rules = new Map<NotificationSubject, NotificationSubjectRule>();
  private readonly audiences = new Map<AudienceGroup, NotificationAudienceRule>();

  registerAudience(rule: NotificationAudienceRule): void {
    if (this.audiences.has(rule.group))
      throw new Error(`A notification audience ${rule.group} is already registered`);
    this.audiences.set(rule.group, rule);
  }

  /** The group's organisations as a query of organization_id (none when the group has no registered rule). */
  audienceSql(group: AudienceGroup, p: SqlParams, idSql: string): string {
    const rule = this.audiences.get(group);
    return rule
      ? rule.organizationsSql(p, idSql)
      : 'SELECT NULL::uuid AS organization_id WHERE FALSE';
  }

  register(rule: NotificationSubjectRule): void {
    if (this.rules.has(rule.subject))
      throw new Error(`A notification subject rule for ${rule.subject} is already registered`);
    this.rules.set(rule.subject, rule);
  }

  viewSql(subject: NotificationSubject, reader: Actor, p: SqlParams, idSql: string): string {
    const rule = this.rules.get(subject);
    return rule ? `(${rule.viewSql(reader, p, idSql)})` : 'NULL::json';
  }
}
