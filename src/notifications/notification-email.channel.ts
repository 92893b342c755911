import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Mailer, UnsubscribeService } from '../mail/index.js';
import { receivesMail, UserEntity } from '../users/index.js';
import type { NotificationType } from './dto/notification.types.js';
import type { NotificationChannel } from './notification-delivery.service.js';
import { DeliveryChannel } from './notification-kinds.js';

/**
 * The EMAIL channel: one mail per notification, in the recipient's language (the notification is rendered for
 * them already), with a one-click unsubscribe for its kind. Only to an active account with a verified address
 * (receivesMail); another is SKIPPED. A mail the transport did not take throws (the delivery is tried again).
 */
@Injectable()
export class NotificationEmailChannel implements NotificationChannel {
  readonly channel = DeliveryChannel.EMAIL;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
    private readonly unsubscribe: UnsubscribeService,
  ) {}

  async send(message: {
    recipientUserId: string;
    notification: NotificationType;
  }): Promise<boolean> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ id: message.recipientUserId });
    if (!user || !receivesMail(user)) return false;
    const n = message.notification;
    const unsubscribeUrl = await this.unsubscribe.url(
      this.dataSource,
      { userId: user.id, email: user.email },
      n.kind,
    );
    const footer =
      user.locale === 'en'
        ? `You receive this e-mail because of your notification settings. Stop e-mails of this kind: ${unsubscribeUrl}`
        : `您收到此邮件是因为您的通知设置。不再接收此类邮件：${unsubscribeUrl}`;
    const sent = await this.mailer.deliver({
      kind: n.kind,
      to: user.email,
      subject: n.title,
      text: `${n.body}\n\n--\n${footer}\n`,
      unsubscribeUrl,
    });
    if (!sent) throw new Error('the mail server did not take the mail');
    return true;
  }

  /**
   * The daily digest: one mail with the recipient's notifications of the DIGEST channel, newest first, with a
   * one-click unsubscribe that moves every kind the user receives as a digest to IN_APP. False when the user must
   * get no mail.
   */
  async sendDigest(recipientUserId: string, items: readonly NotificationType[]): Promise<boolean> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: recipientUserId });
    if (!user || !receivesMail(user) || !items.length) return false;
    const unsubscribeUrl = await this.unsubscribe.url(
      this.dataSource,
      { userId: user.id, email: user.email },
      DIGEST_MAIL_KIND,
    );
    const en = user.locale === 'en';
    const lines = items.map((n) => `• ${n.title}\n  ${n.body}`).join('\n\n');
    const footer = en
      ? `You receive this digest because of your notification settings. Stop digests: ${unsubscribeUrl}`
      : `您收到此摘要是因为您的通知设置。不再接收摘要：${unsubscribeUrl}`;
    const sent = await this.mailer.deliver({
      kind: DIGEST_MAIL_KIND,
      to: user.email,
      subject: en
        ? `Your daily digest: ${items.length} updates`
        : `每日通知摘要：${items.length} 条更新`,
      text: `${lines}\n\n--\n${footer}\n`,
      unsubscribeUrl,
    });
    if (!sent) throw new Error('the mail server did not take the digest');
    return true;
  }
}

/** The mail kind of the daily digest (its unsubscribe moves every digested kind to IN_APP). */
export const DIGEST_MAIL_KIND = 'NOTIFICATION_DIGEST';
