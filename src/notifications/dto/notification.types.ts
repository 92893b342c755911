import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';
import { NotificationChannelSetting, NotificationKind } from '../notification-kinds.js';

export const MARK_READ_MAX_IDS = 100;

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification tells of.',
  valuesMap: {
    CHALLENGE_REVIEW_DECIDED: {
      description: 'A platform admin decided the review of your organisation’s challenge.',
    },
    PROPOSAL_SUBMITTED: { description: 'Your SME’s proposal was submitted (with its receipt).' },
    PROPOSAL_SHORTLISTED: { description: 'Your SME’s proposal was shortlisted.' },
    PROPOSAL_SELECTED: { description: 'Your SME’s proposal was selected.' },
    PROPOSAL_NOT_SELECTED: {
      description: 'Your SME’s proposal was not selected (with the reason and feedback).',
    },
    INTRODUCTION_REQUESTED: {
      description:
        'The other side asked your organisation for an introduction (对接) or invited it.',
    },
    INTRODUCTION_ACCEPTED: {
      description: 'The other side accepted your organisation’s introduction.',
    },
    INTRODUCTION_DECLINED: {
      description: 'The other side declined your organisation’s introduction.',
    },
    PUBLICITY_STARTED: {
      description: 'The public notice (公示) of a challenge you take part in started.',
    },
    CHALLENGE_AWARDED: { description: 'A challenge you take part in was awarded.' },
    ORGANIZATION_VERIFICATION_DECIDED: {
      description: 'A platform admin decided your organisation’s verification.',
    },
    ALLIANCE_APPLICATION_DECIDED: {
      description: 'A platform admin decided your enterprise’s alliance application.',
    },
    CHALLENGE_RECOMMENDED: {
      description:
        'A challenge was just published that fits your SME (the recommender ranks your SME among those it fits best).',
    },
    REVIEW_ASSIGNED: {
      description:
        'You were asked to review the proposals of a challenge (accept or decline the assignment).',
    },
    CHALLENGE_FAILED: {
      description:
        'A challenge you take part in or follow closed without a winner (流榜), with the reason.',
    },
    DEADLINE_REMINDER: {
      description:
        'The deadline of a challenge your organisation has a proposal for (or accepted the terms of) is 72 or 24 hours away.',
    },
    INTRODUCTION_EXPIRING: {
      description:
        'An introduction your organisation was asked for expires within 48 hours unless answered.',
    },
    CHALLENGE_AMENDED: { description: 'A challenge you follow (or take part in) was amended.' },
    CHALLENGE_ANSWER_PUBLISHED: {
      description:
        'A clarification answer was published on a challenge you follow (or take part in).',
    },
  },
});

registerEnumType(NotificationChannelSetting, {
  name: 'NotificationChannelSetting',
  description: 'How you hear of a kind of notification.',
  valuesMap: {
    IN_APP: { description: 'In the inbox only.' },
    EMAIL: { description: 'In the inbox and by e-mail each time.' },
    DIGEST: { description: 'In the inbox and in a daily e-mail digest.' },
    OFF: { description: 'Not at all (no notification is written).' },
  },
});

@ObjectType('Notification', {
  description:
    'A notification to you, its text rendered in your language from its template when read. Shown only while you ' +
    'may see what it is about: a challenge you can no longer see, an introduction of another organisation, a ' +
    'proposal you may not read hide it.',
})
export class NotificationType {
  @Field(() => ID, { description: 'The notification.' })
  id: string;

  @Field(() => NotificationKind, { description: 'What it tells of.' })
  kind: NotificationKind;

  @Field({ description: 'A short title, in your language.' })
  title: string;

  @Field({ description: 'The text, in your language.' })
  body: string;

  @Field({ description: 'When it was written (with the change it tells of).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The challenge it is about, if any.' })
  challengeId: string | null;

  @Field(() => ID, { nullable: true, description: 'The proposal it is about, if any.' })
  proposalId: string | null;

  @Field(() => ID, { nullable: true, description: 'The introduction it is about, if any.' })
  introductionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation it is about, if any.' })
  organizationId: string | null;
}

@ObjectType({ description: 'Your notifications, newest first.' })
export class NotificationConnection extends Connection(NotificationType, 'Notification') {}

@ArgsType()
export class NotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the unread ones; all when omitted or false.',
  })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

@InputType({
  description: `Which of your notifications to mark read: \`ids\` (1 to ${MARK_READ_MAX_IDS}) or \`all: true\`, not both.`,
})
export class MarkNotificationsReadInput {
  @Field(() => [ID], {
    nullable: true,
    description: `Your notifications to mark read, 1 to ${MARK_READ_MAX_IDS}; ids that are not yours change nothing.`,
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MARK_READ_MAX_IDS)
  @IsUUID('all', { each: true, message: 'each id must be an ID' })
  ids?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: mark every notification of yours read.',
  })
  @IsOptional()
  @IsBoolean()
  all?: boolean;
}

@ObjectType({ description: 'The result of markNotificationsRead.' })
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'How many of your unread notifications were marked read.' })
  markedCount: number;

  @Field(() => Int, { description: 'How many unread notifications you have now.' })
  unreadCount: number;
}

@ObjectType({ description: 'Your channel for one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKind, { description: 'The kind.' })
  kind: NotificationKind;

  @Field(() => NotificationChannelSetting, {
    description: 'The channel: your choice or the default.',
  })
  channel: NotificationChannelSetting;

  @Field({ description: 'True when this is the default (you have not chosen).' })
  isDefault: boolean;
}

@InputType({ description: 'Your channel for one kind of notification.' })
export class SetNotificationPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind.' })
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationChannelSetting, { description: 'The channel.' })
  @IsEnum(NotificationChannelSetting)
  channel: NotificationChannelSetting;
}

@ObjectType({ description: 'The result of setNotificationPreference.' })
export class SetNotificationPreferencePayload {
  @Field(() => NotificationPreference, { description: 'The preference as it is now.' })
  preference: NotificationPreference;
}

@InputType({ description: 'A challenge you may see, to follow or unfollow.' })
export class ChallengeFollowInput {
  @Field(() => ID, { description: 'The challenge.' })
  @IsUUID('all', { message: 'challengeId must be an ID' })
  challengeId: string;
}

@ObjectType({ description: 'The result of followChallenge / unfollowChallenge.' })
export class ChallengeFollowPayload {
  @Field(() => ID, { description: 'The challenge.' })
  challengeId: string;

  @Field({ description: 'Whether you follow it now.' })
  following: boolean;
}
