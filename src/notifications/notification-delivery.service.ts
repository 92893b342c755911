import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { NotificationType } from './dto/notification.types.js';
import { DeliveryChannel, DeliveryStatus } from './notification-kinds.js';
import { NotificationSubjects } from './notification-subjects.js';
import {
  claimPendingDeliveries,
  inboxPage,
  readerOf,
  recordAttempt,
} from './notifications.queries.js';
import { toNotification } from './notification-templates.js';

/**
 * The seam of the channels other than the inbox: an e-mail sender (or the daily digest) implements it and is given
 * to `deliverPending`. Nothing in this module sends e-mail: until a channel is wired, EMAIL and DIGEST deliveries
 * stay PENDING in `notification_deliveries`, ready to be sent.
 */
export interface NotificationChannel {
  readonly channel: DeliveryChannel;
  /**
   * Sends one notification, already rendered in the recipient's language; throws when it could not (it is tried
   * again), answers false when it must not be sent (SKIPPED: e.g. an unverified address).
   */
  send(message: { recipientUserId: string; notification: NotificationType }): Promise<boolean>;
}

export interface DeliveryOutcome {
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
}

/**
 * Delivers the PENDING deliveries of one channel after commit, at least once and once per (notification, channel):
 * each batch is claimed with FOR UPDATE SKIP LOCKED (instances never send the same row together). The notification
 * is read again as its recipient sees it NOW, through the same query as the inbox: a recipient who can no longer see
 * its subject (or was suspended) gets nothing (SKIPPED).
 */
@Injectable()
export class NotificationDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subjects: NotificationSubjects,
  ) {}

  async deliverPending(channel: NotificationChannel, limit = 50): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: 0, skipped: 0, failed: 0, retried: 0 };
    await this.dataSource.transaction(async (manager) => {
      const claimed = await claimPendingDeliveries(manager, channel.channel, limit);
      for (const d of claimed) {
        const reader = await readerOf(manager, d.recipientId);
        const [row] = reader
          ? await inboxPage(manager, this.subjects, reader, { id: d.notificationId, limit: 1 })
          : [];
        if (!reader || !row) {
          await recordAttempt(manager, d.id, DeliveryStatus.SKIPPED, null);
          outcome.skipped++;
          continue;
        }
        try {
          const sent = await channel.send({
            recipientUserId: d.recipientId,
            notification: toNotification(row, reader.locale ?? 'zh-CN'),
          });
          await recordAttempt(
            manager,
            d.id,
            sent ? DeliveryStatus.SENT : DeliveryStatus.SKIPPED,
            null,
          );
          if (sent) outcome.sent++;
          else outcome.skipped++;
        } catch (error) {
          const last = d.attempts + 1 >= this.config.notifications.deliveryMaxAttempts;
          await recordAttempt(
            manager,
            d.id,
            last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
            error instanceof Error ? error.message : String(error),
          );
          if (last) outcome.failed++;
          else outcome.retried++;
        }
      }
    });
    return outcome;
  }

  /**
   * Sends the pending DIGEST deliveries, one digest per recipient: up to `limit` rows claimed like `deliverPending`,
   * each notification read again as its recipient sees it now (SKIPPED otherwise), newest first, and handed to
   * `send` together. `send` answers false when the recipient must get nothing (SKIPPED), throws when it could not
   * send (every row of the digest is tried again, FAILED after the configured attempts).
   */
  async deliverDigests(
    send: (recipientUserId: string, notifications: NotificationType[]) => Promise<boolean>,
    limit = 500,
  ): Promise<DeliveryOutcome> {
    const outcome: DeliveryOutcome = { sent: 0, skipped: 0, failed: 0, retried: 0 };
    await this.dataSource.transaction(async (manager) => {
      const claimed = await claimPendingDeliveries(manager, DeliveryChannel.DIGEST, limit);
      const byRecipient = new Map<string, typeof claimed>();
      for (const d of claimed)
        byRecipient.set(d.recipientId, [...(byRecipient.get(d.recipientId) ?? []), d]);
      for (const [recipientId, rows] of byRecipient) {
        const reader = await readerOf(manager, recipientId);
        const shown: { id: string; notification: NotificationType }[] = [];
        for (const d of rows) {
          const [row] = reader
            ? await inboxPage(manager, this.subjects, reader, { id: d.notificationId, limit: 1 })
            : [];
          if (row && reader)
            shown.push({ id: d.id, notification: toNotification(row, reader.locale ?? 'zh-CN') });
          else {
            await recordAttempt(manager, d.id, DeliveryStatus.SKIPPED, null);
            outcome.skipped++;
          }
        }
        if (!shown.length) continue;
        shown.sort(
          (a, b) => b.notification.createdAt.getTime() - a.notification.createdAt.getTime(),
        );
        try {
          const sent = await send(
            recipientId,
            shown.map((x) => x.notification),
          );
          for (const x of shown)
            await recordAttempt(
              manager,
              x.id,
              sent ? DeliveryStatus.SENT : DeliveryStatus.SKIPPED,
              null,
            );
          if (sent) outcome.sent += shown.length;
          else outcome.skipped += shown.length;
        } catch (error) {
          for (const x of shown) {
            const d = rows.find((r) => r.id === x.id)!;
            const last = d.attempts + 1 >= this.config.notifications.deliveryMaxAttempts;
            await recordAttempt(
              manager,
              x.id,
              last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
              error instanceof Error ? error.message : String(error),
            );
            if (last) outcome.failed++;
            else outcome.retried++;
          }
        }
      }
    });
    return outcome;
  }
}
