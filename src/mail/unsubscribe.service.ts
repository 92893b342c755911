import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { SqlTarget } from '../database/typed-query.js';
import { EmailTokensService } from './email-tokens.service.js';
import { EmailTokenPurpose } from './mail.entities.js';
import { insertUnsubscribe, isUnsubscribed } from './mail.queries.js';
import { NOTIFICATION_MAIL_KINDS, type NotificationMailKind } from './mailer.js';

/** How long an unsubscribe link works (a mail is often read weeks later). */
export const UNSUBSCRIBE_TTL_SECONDS = 90 * 24 * 3600;

/**
 * One-click unsubscribe (RFC 8058) per (user, kind of mail): every mail of a notification kind carries its own
 * signed, single-use link; spending it records the opt-out in email_unsubscribes. A replayed link is refused
 * (EMAIL_TOKEN_USED), so an old mail cannot undo a later choice.
 */
/** What unsubscribing from a registered kind does instead of recording it in email_unsubscribes. */
export type UnsubscribeHandler = (
  manager: EntityManager,
  userId: string,
  kind: string,
) => Promise<void>;

/**
 * The kinds of mail one can unsubscribe from: the mail module's own (recorded in email_unsubscribes) and those
 * another module registers with what an opt-out means there (notifications: the kind's e-mails stop, its
 * preference becomes IN_APP). Registered at start, before any link is made.
 */
@Injectable()
export class UnsubscribeKinds {
  private readonly handlers = new Map<string, UnsubscribeHandler>();

  register(kinds: readonly string[], handler: UnsubscribeHandler): void {
    for (const kind of kinds) this.handlers.set(kind, handler);
  }

  has(kind: string): boolean {
    return (NOTIFICATION_MAIL_KINDS as readonly string[]).includes(kind) || this.handlers.has(kind);
  }

  handlerOf(kind: string): UnsubscribeHandler | undefined {
    return this.handlers.get(kind);
  }
}

@Injectable()
export class UnsubscribeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: EmailTokensService,
    private readonly kinds: UnsubscribeKinds,
  ) {}

  /** A new one-click unsubscribe URL for one mail of `kind` to the user. */
  async url(
    target: SqlTarget,
    recipient: { userId: string; email: string },
    kind: NotificationMailKind,
  ): Promise<string> {
    if (!this.kinds.has(kind)) throw new Error(`no unsubscribe for mails of kind ${kind}`);
    const token = await this.tokens.issue(target, {
      userId: recipient.userId,
      email: recipient.email,
      purpose: EmailTokenPurpose.UNSUBSCRIBE,
      kind,
      ttlSeconds: UNSUBSCRIBE_TTL_SECONDS,
    });
    return `${this.config.mail.publicUrl}/mail/unsubscribe?token=${token}`;
  }

  /** Whether the user opted out of `kind`. */
  optedOut(target: SqlTarget, userId: string, kind: NotificationMailKind): Promise<boolean> {
    return isUnsubscribed(target, userId, kind);
  }

  /** Spends an unsubscribe link and records the opt-out: the kind of mail stopped. */
  unsubscribe(token: string): Promise<NotificationMailKind> {
    return this.dataSource.transaction(async (manager) => {
      const spent = await this.tokens.spend(manager, EmailTokenPurpose.UNSUBSCRIBE, token);
      // Issued only for notification kinds; a row of another kind would be a bug, not a user's error.
      if (!spent.kind || !this.kinds.has(spent.kind))
        throw new Error(`unsubscribe link of an unknown kind: ${spent.kind}`);
      const handler = this.kinds.handlerOf(spent.kind);
      if (handler) await handler(manager, spent.userId, spent.kind);
      else await insertUnsubscribe(manager, spent.userId, spent.kind);
      return spent.kind;
    });
  }
}
