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

/**
 * The registry of subject rules. A subject without a registered rule is never shown (deny by default: its view is
 * NULL).
 */
@Injectable()
export class NotificationSubjects {
  private readonly rules = new Map<NotificationSubject, NotificationSubjectRule>();

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
