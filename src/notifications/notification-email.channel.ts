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
}
