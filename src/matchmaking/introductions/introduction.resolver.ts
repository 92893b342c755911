import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ChallengeQueryService } from '../../challenges/index.js';
import { Access, AccessRule, CurrentActor } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { MutationInput } from '../../common/graphql/mutation-input.js';
import { RateBudget } from '../../rate-limit/index.js';
import {
  AcceptIntroductionInput,
  AcceptIntroductionPayload,
  CancelIntroductionInput,
  CancelIntroductionPayload,
  ChallengeIntroductionsArgs,
  CloseIntroductionInput,
  CloseIntroductionPayload,
  DeclineIntroductionInput,
  DeclineIntroductionPayload,
  IntroductionArgs,
  IntroductionConnection,
  IntroductionMessageConnection,
  IntroductionMessagesArgs,
  IntroductionType,
  InviteSmeToChallengeInput,
  InviteSmeToChallengePayload,
  MyIntroductionsArgs,
  RequestIntroductionInput,
  RequestIntroductionPayload,
  SendIntroductionMessageInput,
  SendIntroductionMessagePayload,
} from '../dto/introduction.types.js';
import { IntroductionService } from './introduction.service.js';

/** Introductions (对接): one service call per operation; the rules are the service's, in SQL. */
@Resolver()
export class IntroductionResolver {
  constructor(
    private readonly service: IntroductionService,
    private readonly challenges: ChallengeQueryService,
  ) {}

  @Mutation(() => InviteSmeToChallengePayload, {
    description:
      'The issuer’s members invite a verified, eligible SME to their PUBLISHED challenge (before its deadline): a ' +
      'REQUESTED introduction the SME accepts or declines. Accepting it is what lets the SME see an INVITE_ONLY ' +
      'challenge. One live introduction per (challenge, SME); INTRODUCTIONS_PER_DAY per organisation.',
  })
  @Access(AccessRule.AUTHENTICATED)
  @RateBudget('invitations')
  async inviteSmeToChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: InviteSmeToChallengeInput,
  ): Promise<InviteSmeToChallengePayload> {
    const { introduction, challengeId } = await this.service.invite(actor, input);
    return {
      introduction,
      challenge: (await this.challenges.get(
        actor,
        challengeId,
      )) as InviteSmeToChallengePayload['challenge'],
    };
  }

  @Mutation(() => RequestIntroductionPayload, {
    description:
      'An SME’s members ask the issuer of a challenge they may see (PUBLISHED, before its deadline, the SME eligible) ' +
      'for an introduction. One live introduction per (challenge, SME); INTRODUCTIONS_PER_DAY per organisation.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async requestIntroduction(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RequestIntroductionInput,
  ): Promise<RequestIntroductionPayload> {
    return { introduction: await this.service.request(actor, input) };
  }

  @Mutation(() => AcceptIntroductionPayload, {
    description:
      'The side that was asked accepts a REQUESTED introduction: contacts are shown to both sides, messages open.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async acceptIntroduction(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AcceptIntroductionInput,
  ): Promise<AcceptIntroductionPayload> {
    return { introduction: await this.service.accept(actor, input) };
  }

  @Mutation(() => DeclineIntroductionPayload, {
    description:
      'The side that was asked declines a REQUESTED introduction, with a reason; the side that asked may not ask ' +
      'again for the pair for INTRODUCTION_COOLDOWN_DAYS.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async declineIntroduction(
    @CurrentActor() actor: Actor,
    @MutationInput() input: DeclineIntroductionInput,
  ): Promise<DeclineIntroductionPayload> {
    return { introduction: await this.service.decline(actor, input) };
  }

  @Mutation(() => CancelIntroductionPayload, {
    description: 'The side that asked withdraws its REQUESTED introduction.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async cancelIntroduction(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CancelIntroductionInput,
  ): Promise<CancelIntroductionPayload> {
    return { introduction: await this.service.cancel(actor, input) };
  }

  @Mutation(() => CloseIntroductionPayload, {
    description: 'Either side closes an ACCEPTED introduction: with a deal or without, and why.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async closeIntroduction(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CloseIntroductionInput,
  ): Promise<CloseIntroductionPayload> {
    return { introduction: await this.service.close(actor, input) };
  }

  @Mutation(() => SendIntroductionMessagePayload, {
    description: 'A member of either side writes in an ACCEPTED introduction’s thread (text only).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async sendIntroductionMessage(
    @CurrentActor() actor: Actor,
    @MutationInput() input: SendIntroductionMessageInput,
  ): Promise<SendIntroductionMessagePayload> {
    return { message: await this.service.sendMessage(actor, input) };
  }

  @Query(() => IntroductionType, {
    description:
      'One introduction: for the members of both sides and platform admins (read-only); NOT_FOUND for anyone else.',
  })
  @Access(AccessRule.AUTHENTICATED)
  introduction(
    @CurrentActor() actor: Actor,
    @Args() args: IntroductionArgs,
  ): Promise<IntroductionType> {
    return this.service.get(actor, args.id);
  }

  @Query(() => IntroductionConnection, {
    description:
      'The caller’s organisation’s introductions, newest first: SENT (it asked), RECEIVED (it was asked) or both, ' +
      'optionally in one status. For members of an enterprise or an SME; others FORBIDDEN.',
  })
  @Access(AccessRule.AUTHENTICATED)
  myIntroductions(
    @CurrentActor() actor: Actor,
    @Args() args: MyIntroductionsArgs,
  ): Promise<IntroductionConnection> {
    return this.service.mine(actor, args);
  }

  @Query(() => IntroductionConnection, {
    description:
      'A challenge’s introductions, newest first: for the issuer’s members and platform admins (read-only).',
  })
  @Access(AccessRule.AUTHENTICATED)
  challengeIntroductions(
    @CurrentActor() actor: Actor,
    @Args() args: ChallengeIntroductionsArgs,
  ): Promise<IntroductionConnection> {
    return this.service.ofChallenge(actor, args);
  }

  @Query(() => IntroductionMessageConnection, {
    description:
      'An introduction’s messages, newest first (empty before it is ACCEPTED): for both sides and platform admins.',
  })
  @Access(AccessRule.AUTHENTICATED)
  introductionMessages(
    @CurrentActor() actor: Actor,
    @Args() args: IntroductionMessagesArgs,
  ): Promise<IntroductionMessageConnection> {
    return this.service.messages(actor, args);
  }
}
