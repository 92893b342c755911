/** The notifications module's public surface: other modules import from here only. */
export { NotificationsModule } from './notifications.module.js';
export {
  ChallengeFollowEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
} from './notification.entities.js';
export { NotificationsService } from './notifications.service.js';
export type { NotificationEvent } from './notifications.service.js';
export { NotificationSubjects } from './notification-subjects.js';
export type {
  AudienceGroup,
  NotificationAudienceRule,
  NotificationSubjectRule,
} from './notification-subjects.js';
export { NotificationDeliveryService } from './notification-delivery.service.js';
export type { DeliveryOutcome, NotificationChannel } from './notification-delivery.service.js';
export { DeliveryChannel, NotificationKind } from './notification-kinds.js';
export { NotificationType } from './dto/notification.types.js';
