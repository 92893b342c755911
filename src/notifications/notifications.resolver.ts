import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { requestLocale, type LocaleSource } from '../common/error-locale.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import {
  ChallengeFollowInput,
  ChallengeFollowPayload,
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationPreference,
  NotificationsArgs,
  SetNotificationPreferenceInput,
  SetNotificationPreferencePayload,
} from './dto/notification.types.js';
import { NotificationsService } from './notifications.service.js';

interface Ctx {
  req: LocaleSource;
}

/** The inbox, preferences and follows: one service call per operation; the rules are the service's, in SQL. */
@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, {
    description:
      'Your notifications, newest first, each in your language; only those whose subject you may still see.',
  })
  @Access(AccessRule.AUTHENTICATED)
  notifications(
    @CurrentActor() actor: Actor,
    @Args() args: NotificationsArgs,
    @Context() ctx: Ctx,
  ): Promise<NotificationConnection> {
    return this.service.list(actor, args, requestLocale(ctx.req));
  }

  @Query(() => Int, {
    description: 'How many unread notifications you have (those you may still see).',
  })
  @Access(AccessRule.AUTHENTICATED)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.unreadCount(actor);
  }

  @Query(() => [NotificationPreference], {
    description: 'Your channel for every kind of notification (your choice, or the default).',
  })
  @Access(AccessRule.AUTHENTICATED)
  notificationPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreference[]> {
    return this.service.preferences(actor);
  }

  @Mutation(() => MarkNotificationsReadPayload, {
    description:
      'Marks your notifications read: the ids given (others’ ids change nothing) or all of them.',
  })
  @Access(AccessRule.AUTHENTICATED)
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @MutationInput() input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    return this.service.markRead(actor, input);
  }

  @Mutation(() => SetNotificationPreferencePayload, {
    description: 'Chooses how you hear of one kind of notification (OFF: not at all).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async setNotificationPreference(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SetNotificationPreferenceInput,
  ): Promise<SetNotificationPreferencePayload> {
    return { preference: await this.service.setPreference(actor, input.kind, input.channel) };
  }

  @Mutation(() => ChallengeFollowPayload, {
    description:
      'Follows a challenge you may see (NOT_FOUND otherwise): you hear of its amendments and answers.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async followChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeFollowInput,
  ): Promise<ChallengeFollowPayload> {
    return {
      challengeId: input.challengeId,
      following: await this.service.follow(actor, input.challengeId),
    };
  }

  @Mutation(() => ChallengeFollowPayload, {
    description: 'Stops following a challenge (NOT_FOUND for one you may not see).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async unfollowChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeFollowInput,
  ): Promise<ChallengeFollowPayload> {
    return {
      challengeId: input.challengeId,
      following: await this.service.unfollow(actor, input.challengeId),
    };
  }
}
