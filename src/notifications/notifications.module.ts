import { Global, Module } from '@nestjs/common';
import { MailModule } from '../mail/index.js';
import { NotificationDeliveryJob } from './notification-delivery.job.js';
import { NotificationEmailChannel } from './notification-email.channel.js';
import { NotificationDeliveryService } from './notification-delivery.service.js';
import { NotificationSubjects } from './notification-subjects.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Notifications: the outbox rows every module writes in its own transaction (NotificationsService.notify), the
 * registry where each module gives the visibility rule of its subjects (NotificationSubjects), the inbox API and
 * the delivery seam for later channels (NotificationDeliveryService, NotificationChannel). Global, like the audit:
 * every module that changes something someone should hear of notifies.
 */
@Global()
@Module({
  imports: [MailModule],
  providers: [
    NotificationSubjects,
    NotificationEmailChannel,
    NotificationDeliveryJob,
    NotificationsService,
    NotificationDeliveryService,
    NotificationsResolver,
  ],
  exports: [NotificationSubjects, NotificationsService, NotificationDeliveryService],
})
export class NotificationsModule {}
