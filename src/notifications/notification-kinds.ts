/**
 * What a notification is about (its kind), the channels it may travel on, and each kind's default channel when the
 * user has not chosen one. Pure module: no framework imports.
 */

export enum NotificationKind {
  CHALLENGE_REVIEW_DECIDED = 'CHALLENGE_REVIEW_DECIDED',
  PROPOSAL_SUBMITTED = 'PROPOSAL_SUBMITTED',
  PROPOSAL_SHORTLISTED = 'PROPOSAL_SHORTLISTED',
  PROPOSAL_SELECTED = 'PROPOSAL_SELECTED',
  PROPOSAL_NOT_SELECTED = 'PROPOSAL_NOT_SELECTED',
  INTRODUCTION_REQUESTED = 'INTRODUCTION_REQUESTED',
  INTRODUCTION_ACCEPTED = 'INTRODUCTION_ACCEPTED',
  INTRODUCTION_DECLINED = 'INTRODUCTION_DECLINED',
  PUBLICITY_STARTED = 'PUBLICITY_STARTED',
  CHALLENGE_AWARDED = 'CHALLENGE_AWARDED',
  ORGANIZATION_VERIFICATION_DECIDED = 'ORGANIZATION_VERIFICATION_DECIDED',
  ALLIANCE_APPLICATION_DECIDED = 'ALLIANCE_APPLICATION_DECIDED',
  CHALLENGE_AMENDED = 'CHALLENGE_AMENDED',
  CHALLENGE_ANSWER_PUBLISHED = 'CHALLENGE_ANSWER_PUBLISHED',
  CHALLENGE_RECOMMENDED = 'CHALLENGE_RECOMMENDED',
  REVIEW_ASSIGNED = 'REVIEW_ASSIGNED',
  CHALLENGE_FAILED = 'CHALLENGE_FAILED',
  DEADLINE_REMINDER = 'DEADLINE_REMINDER',
  INTRODUCTION_EXPIRING = 'INTRODUCTION_EXPIRING',
}

export const NOTIFICATION_KINDS = Object.values(NotificationKind);

/**
 * How a user wants to hear of a kind: IN_APP (the inbox only), EMAIL (the inbox and an e-mail each time), DIGEST
 * (the inbox and a daily e-mail digest), OFF (not at all: no notification is written).
 */
export enum NotificationChannelSetting {
  IN_APP = 'IN_APP',
  EMAIL = 'EMAIL',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}

export const CHANNEL_SETTINGS = Object.values(NotificationChannelSetting);

/**
 * The channels a notification is delivered on after commit, each through one `notification_deliveries` row
 * (unique per notification and channel, so a delivery retried after a crash is sent once). The inbox needs no
 * delivery: the notification row is the in-app message.
 */
export enum DeliveryChannel {
  EMAIL = 'EMAIL',
  DIGEST = 'DIGEST',
}

export const DELIVERY_CHANNELS = Object.values(DeliveryChannel);

export enum DeliveryStatus {
  /** Written with the notification; waits for its channel. */
  PENDING = 'PENDING',
  SENT = 'SENT',
  /** Not sent: the recipient could no longer see the notification's subject when it was due (or turned it off). */
  SKIPPED = 'SKIPPED',
  /** Gave up after NOTIFICATION_DELIVERY_MAX_ATTEMPTS failed attempts. */
  FAILED = 'FAILED',
}

export const DELIVERY_STATUSES = Object.values(DeliveryStatus);

/**
 * The channel of each kind when the user has not chosen: decisions about the user's own organisation's work go
 * by e-mail as well; news about challenges followed, and the receipt of one's own submission, stay in the app.
 */
export const DEFAULT_CHANNEL: Readonly<Record<NotificationKind, NotificationChannelSetting>> = {
  CHALLENGE_REVIEW_DECIDED: NotificationChannelSetting.EMAIL,
  PROPOSAL_SUBMITTED: NotificationChannelSetting.EMAIL,
  PROPOSAL_SHORTLISTED: NotificationChannelSetting.EMAIL,
  PROPOSAL_SELECTED: NotificationChannelSetting.EMAIL,
  PROPOSAL_NOT_SELECTED: NotificationChannelSetting.EMAIL,
  INTRODUCTION_REQUESTED: NotificationChannelSetting.EMAIL,
  INTRODUCTION_ACCEPTED: NotificationChannelSetting.EMAIL,
  INTRODUCTION_DECLINED: NotificationChannelSetting.IN_APP,
  PUBLICITY_STARTED: NotificationChannelSetting.IN_APP,
  CHALLENGE_AWARDED: NotificationChannelSetting.IN_APP,
  ORGANIZATION_VERIFICATION_DECIDED: NotificationChannelSetting.EMAIL,
  ALLIANCE_APPLICATION_DECIDED: NotificationChannelSetting.EMAIL,
  CHALLENGE_AMENDED: NotificationChannelSetting.DIGEST,
  CHALLENGE_ANSWER_PUBLISHED: NotificationChannelSetting.DIGEST,
  CHALLENGE_RECOMMENDED: NotificationChannelSetting.EMAIL,
  REVIEW_ASSIGNED: NotificationChannelSetting.EMAIL,
  CHALLENGE_FAILED: NotificationChannelSetting.EMAIL,
  DEADLINE_REMINDER: NotificationChannelSetting.EMAIL,
  INTRODUCTION_EXPIRING: NotificationChannelSetting.EMAIL,
};

/** The delivery rows a setting asks for (none for IN_APP; OFF writes no notification at all). */
export function deliveryChannelsOf(setting: NotificationChannelSetting): DeliveryChannel[] {
  if (setting === NotificationChannelSetting.EMAIL) return [DeliveryChannel.EMAIL];
  if (setting === NotificationChannelSetting.DIGEST) return [DeliveryChannel.DIGEST];
  return [];
}

/**
 * What a notification is about. Each kind of subject has its visibility rule in the module that owns it (registered
 * with NotificationSubjects); a notification is shown or sent only while its recipient may see every subject it has.
 */
export const NOTIFICATION_SUBJECTS = [
  'CHALLENGE',
  'PROPOSAL',
  'INTRODUCTION',
  'ORGANIZATION',
] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];

/** The column of `notifications` that holds each subject's id. */
export const SUBJECT_COLUMN: Readonly<Record<NotificationSubject, string>> = {
  CHALLENGE: 'challenge_id',
  PROPOSAL: 'proposal_id',
  INTRODUCTION: 'introduction_id',
  ORGANIZATION: 'organization_id',
};
