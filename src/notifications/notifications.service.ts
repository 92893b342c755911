import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { advisoryXactLock } from '../database/advisory-lock.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import type { ErrorLocale } from '../common/error-catalogue.js';
import { NotFoundError, UserInputError } from '../common/errors.js';
import { type ConnectionShape, timeIdPage } from '../common/pagination/connection.js';
import { assertUuid } from '../common/uuid.js';
import type {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationPreference,
  NotificationType,
} from './dto/notification.types.js';
import {
  DEFAULT_CHANNEL,
  DeliveryChannel,
  deliveryChannelsOf,
  NOTIFICATION_KINDS,
  NotificationChannelSetting,
  type NotificationKind,
} from './notification-kinds.js';
import { NotificationSubjects } from './notification-subjects.js';
import { NotificationDeliveryJob } from './notification-delivery.job.js';
import { toNotification } from './notification-templates.js';
import {
  type Audience,
  deleteFollow,
  inboxPage,
  insertFollow,
  insertNotification,
  markRead,
  preferencesOf,
  recipientsOf,
  anyNotificationAbout,
  type SubjectIds,
  subjectVisible,
  unreadCount,
  upsertPreference,
} from './notifications.queries.js';

/** A business event someone should hear of, told by the module where it happened. */
export interface NotificationEvent {
  kind: NotificationKind;
  /** Who hears of it (each active user once; never the user who caused it). */
  to: Audience;
  /** What it is about: each recipient is told only while they may see every one of these. */
  about: SubjectIds;
  /** The template's parameters: nobody's secret (a decision, a reason, a receipt hash); never names or titles. */
  params?: Record<string, string | number | boolean | null>;
}

/**
 * Notifications: the outbox written inside the business transaction (`notify`), and the inbox (read, count, mark
 * read, preferences, follows). Every read is scoped to the reader in SQL and re-checks, at read time, that the reader
 * may still see what each notification is about.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: NotificationSubjects,
    private readonly delivery: NotificationDeliveryJob,
  ) {}

  /**
   * Writes the notifications of `event` in the caller's transaction (`manager`, the one that makes the change):
   * if it rolls back, nobody is notified. Each recipient's row is written only when the recipient may see every
   * subject now (the subjects' rules, as for the inbox), with a PENDING delivery for each channel their setting asks
   * for. Returns how many notifications were written.
   */
  async notify(manager: EntityManager, event: NotificationEvent): Promise<number> {
    const recipients = await recipientsOf(manager, this.subjects, event.kind, event.to);
    let written = 0;
    let mailed = false;
    for (const r of recipients) {
      const setting = r.channel ?? DEFAULT_CHANNEL[event.kind];
      if (setting === NotificationChannelSetting.OFF) continue;
      const channels = deliveryChannelsOf(setting);
      const id = await insertNotification(manager, this.subjects, {
        reader: r.reader,
        kind: event.kind,
        ids: event.about,
        params: event.params ?? {},
        channels,
      });
      if (id) written++;
      if (id && channels.includes(DeliveryChannel.EMAIL)) mailed = true;
    }
    // The e-mails go once this transaction commits (and, whatever happens, with the next scheduled run).
    if (mailed) await this.delivery.wake(manager);
    return written;
  }

  /**
   * `notify`, unless a notification of the event's kind about `marker.about` (with `marker.params`, if given) was
   * written already: once-only announcements and reminders, whatever the number of runs and instances. Concurrent
   * callers for the same marker take turns on an advisory lock; the second finds the first one's rows. A notify that
   * reached nobody leaves no marker (the next run looks again). How many notifications were written.
   */
  async notifyOnce(
    manager: EntityManager,
    event: NotificationEvent,
    marker: { about: SubjectIds; params?: Record<string, unknown> },
  ): Promise<number> {
    await advisoryXactLock(manager, `notify-once:${event.kind}:${JSON.stringify(marker)}`);
    if (await anyNotificationAbout(manager, event.kind, marker.about, marker.params ?? {}))
      return 0;
    return this.notify(manager, event);
  }

  /** The actor's notifications they may still see, newest first. */
  async list(
    actor: Actor,
    args: { first?: number; after?: string; unreadOnly?: boolean },
    locale: ErrorLocale,
  ): Promise<ConnectionShape<NotificationType>> {
    return timeIdPage(
      args,
      (limit, after) =>
        inboxPage(this.dataSource, this.subjects, actor, {
          limit,
          after,
          unreadOnly: args.unreadOnly ?? false,
        }),
      (row) => [row.createdAt, row.id],
      (row) => toNotification(row, locale),
    );
  }

  /** One of the actor's notifications, if it is theirs and they may still see it (live updates). */
  async one(actor: Actor, id: string, locale: ErrorLocale): Promise<NotificationType | undefined> {
    const [row] = await inboxPage(this.dataSource, this.subjects, actor, { id, limit: 1 });
    return row ? toNotification(row, locale) : undefined;
  }

  unreadCount(actor: Actor): Promise<number> {
    return unreadCount(this.dataSource, this.subjects, actor);
  }

  /** Marks the actor's own notifications read: `ids` or `all`, exactly one. Others' ids change nothing. */
  async markRead(
    actor: Actor,
    input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const all = input.all === true;
    const ids = input.ids ?? null;
    if (all === (ids !== null) || input.all === false)
      throw UserInputError.field('input', 'give either ids or all: true, not both');
    ids?.forEach((id, i) => assertUuid(id, `input.ids.${i}`));
    const markedCount = await markRead(this.dataSource, actor.userId, all ? 'ALL' : ids!);
    return { markedCount, unreadCount: await this.unreadCount(actor) };
  }

  /** The actor's channel for every kind: their choice, or the default. */
  async preferences(actor: Actor): Promise<NotificationPreference[]> {
    const chosen = new Map(
      (await preferencesOf(this.dataSource, actor.userId)).map((p) => [p.kind, p.channel]),
    );
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      channel: chosen.get(kind) ?? DEFAULT_CHANNEL[kind],
      isDefault: !chosen.has(kind),
    }));
  }

  async setPreference(
    actor: Actor,
    kind: NotificationKind,
    channel: NotificationChannelSetting,
  ): Promise<NotificationPreference> {
    await upsertPreference(this.dataSource, actor.userId, kind, channel);
    return { kind, channel, isDefault: false };
  }

  /** Follows a challenge the actor may see (NOT_FOUND otherwise); following twice is following. */
  async follow(actor: Actor, challengeId: string): Promise<boolean> {
    assertUuid(challengeId, 'input.challengeId');
    await this.assertChallengeVisible(actor, challengeId);
    await insertFollow(this.dataSource, actor.userId, challengeId);
    return true;
  }

  /** Stops following (NOT_FOUND for a challenge the actor may not see, followed or not). */
  async unfollow(actor: Actor, challengeId: string): Promise<boolean> {
    assertUuid(challengeId, 'input.challengeId');
    await this.assertChallengeVisible(actor, challengeId);
    await deleteFollow(this.dataSource, actor.userId, challengeId);
    return false;
  }

  private async assertChallengeVisible(actor: Actor, challengeId: string): Promise<void> {
    if (!(await subjectVisible(this.dataSource, this.subjects, actor, 'CHALLENGE', challengeId)))
      throw new NotFoundError('Challenge');
  }
}
