import {
  Args,
  Args as ArgsDecorator,
  Context,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestedFields } from './requested-fields.js';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { ChallengeClockService } from './challenge-clock.service.js';
import { ChallengeContentService } from './challenge-content.service.js';
import { ChallengeEngagementService } from './challenge-engagement.service.js';
import { ChallengeLifecycleService } from './challenge-lifecycle.service.js';
import { ChallengeLoaders } from './challenge.loaders.js';
import type { ChallengeNode } from './challenge.mapper.js';
import { ChallengeQueryService } from './challenge-query.service.js';
import {
  AcceptChallengeTermsInput,
  AdvanceChallengeClockInput,
  AmendChallengeInput,
  AnswerChallengeQuestionInput,
  AskChallengeQuestionInput,
  ChallengeDecisionInput,
  ChallengeFacetsArgs,
  ChallengeIdInput,
  ChallengesArgs,
  ChallengeVersionsArgs,
  CreateChallengeInput,
  MyChallengesArgs,
  PublishChallengeAnnouncementInput,
  UpdateChallengeDraftInput,
} from './dto/challenge.inputs.js';
import {
  AcceptChallengeTermsPayload,
  AdvanceChallengeClockPayload,
  AmendChallengePayload,
  AnswerChallengeQuestionPayload,
  ApproveAndPublishChallengePayload,
  AskChallengeQuestionPayload,
  CancelChallengePayload,
  ChallengeAnnouncement,
  ChallengeConnection,
  ChallengeEligibilityCheck,
  ChallengeFacets,
  ChallengeQuestion,
  ChallengeRequirement,
  ChallengeTerms,
  ChallengeType,
  ChallengeVersion,
  CreateChallengePayload,
  ChallengeVersionConnection,
  EvaluationCriterion,
  PublishChallengeAnnouncementPayload,
  RejectChallengePayload,
  RequestChallengeChangesPayload,
  SubmitChallengeForReviewPayload,
  UpdateChallengeDraftPayload,
} from './dto/challenge.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

interface Ctx {
  req: { user?: Actor };
}

@Resolver(() => ChallengeType)
export class ChallengeResolver {
  constructor(
    private readonly queries: ChallengeQueryService,
    private readonly content: ChallengeContentService,
    private readonly lifecycle: ChallengeLifecycleService,
    private readonly engagement: ChallengeEngagementService,
    private readonly loaders: ChallengeLoaders,
    private readonly clock: ChallengeClockService,
  ) {}

  @Query(() => ChallengeConnection, {
    description: 'Browse and search the challenges the caller may see.',
  })
  @Access(AccessRule.PUBLIC)
  challenges(
    @CurrentActor() actor: Actor | null,
    @Args() args: ChallengesArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.list(actor, args, requestedFields(info, ['edges', 'node']));
  }

  @Query(() => ChallengeFacets, {
    description: 'Counts per filter value over the challenges the caller may see.',
  })
  @Access(AccessRule.PUBLIC)
  challengeFacets(
    @CurrentActor() actor: Actor | null,
    @Args() args: ChallengeFacetsArgs,
  ): Promise<ChallengeFacets> {
    return this.queries.facets(actor, args);
  }

  @Query(() => ChallengeType, {
    description: 'One challenge; NOT_FOUND when the caller may not see it.',
  })
  @Access(AccessRule.PUBLIC)
  challenge(
    @CurrentActor() actor: Actor | null,
    @ArgsDecorator('id', { type: () => ID, description: 'The challenge.' }) id: string,
  ): Promise<ChallengeNode> {
    return this.queries.get(actor, id);
  }

  @Query(() => ChallengeVersionConnection, {
    description: 'The public versions of a challenge, newest first.',
  })
  @Access(AccessRule.PUBLIC)
  challengeVersions(
    @CurrentActor() actor: Actor | null,
    @Args() args: ChallengeVersionsArgs,
  ): Promise<ConnectionShape<ChallengeVersion>> {
    return this.queries.versions(actor, args);
  }

  @Query(() => ChallengeConnection, {
    description: "The caller's enterprise's challenges in every state, with issuer-only counts.",
  })
  @Access(AccessRule.AUTHENTICATED)
  myChallenges(
    @CurrentActor() actor: Actor,
    @Args() args: MyChallengesArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.mine(actor, args, requestedFields(info, ['edges', 'node']));
  }

  @Query(() => ChallengeConnection, {
    description: 'Challenges waiting for review, oldest submission first (administrators).',
  })
  @Access(AccessRule.ADMIN)
  challengeReviewQueue(
    @CurrentActor() actor: Actor,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.reviewQueue(actor, args, requestedFields(info, ['edges', 'node']));
  }

  @Mutation(() => CreateChallengePayload, {
    description: 'Starts a DRAFT challenge for the caller’s enterprise.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async createChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CreateChallengeInput,
  ): Promise<CreateChallengePayload> {
    return { challenge: await this.content.create(actor, input) };
  }

  @Mutation(() => UpdateChallengeDraftPayload, {
    description:
      'Edits a DRAFT or CHANGES_REQUESTED challenge (expectedVersion guards concurrent edits).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async updateChallengeDraft(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UpdateChallengeDraftInput,
  ): Promise<UpdateChallengeDraftPayload> {
    return { challenge: await this.content.updateDraft(actor, input) };
  }

  @Mutation(() => AmendChallengePayload, {
    description: 'Amends a published challenge: new version with a change summary.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async amendChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AmendChallengeInput,
  ): Promise<AmendChallengePayload> {
    return { challenge: await this.content.amend(actor, input) };
  }

  @Mutation(() => SubmitChallengeForReviewPayload, {
    description:
      'The issuer sends a DRAFT (or CHANGES_REQUESTED) challenge to platform review (PENDING_REVIEW).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async submitChallengeForReview(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeIdInput,
  ): Promise<SubmitChallengeForReviewPayload> {
    return { challenge: await this.lifecycle.submitForReview(actor, input.id) };
  }

  @Mutation(() => RequestChallengeChangesPayload, {
    description:
      'A platform admin sends a challenge under review back to the issuer with the changes to make (CHANGES_REQUESTED).',
  })
  @Access(AccessRule.ADMIN)
  async requestChallengeChanges(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeDecisionInput,
  ): Promise<RequestChallengeChangesPayload> {
    return { challenge: await this.lifecycle.requestChanges(actor, input.id, input.reason) };
  }

  @Mutation(() => RejectChallengePayload, {
    description: 'A platform admin rejects a challenge under review, with a reason (REJECTED).',
  })
  @Access(AccessRule.ADMIN)
  async rejectChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeDecisionInput,
  ): Promise<RejectChallengePayload> {
    return { challenge: await this.lifecycle.reject(actor, input.id, input.reason) };
  }

  @Mutation(() => ApproveAndPublishChallengePayload, {
    description:
      'A platform admin approves a challenge under review and publishes it (PUBLISHED): it becomes visible under its visibility rule and proposals may be submitted until the deadline.',
  })
  @Access(AccessRule.ADMIN)
  async approveAndPublishChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeIdInput,
  ): Promise<ApproveAndPublishChallengePayload> {
    return { challenge: await this.lifecycle.approveAndPublish(actor, input.id) };
  }

  @Mutation(() => CancelChallengePayload, {
    description: 'Withdraws a challenge (撤榜), with a reason (issuer OWNER/ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async cancelChallenge(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChallengeDecisionInput,
  ): Promise<CancelChallengePayload> {
    return { challenge: await this.lifecycle.cancel(actor, input.id, input.reason) };
  }

  @Mutation(() => AdvanceChallengeClockPayload, {
    description:
      "Development only (refused in production: FORBIDDEN DEV_ONLY): moves a challenge's clock forward to its deadline or to the end of its publicity period, so the evaluation and the award can be reached without waiting (platform admins; audited).",
  })
  @Access(AccessRule.ADMIN)
  async advanceChallengeClock(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AdvanceChallengeClockInput,
  ): Promise<AdvanceChallengeClockPayload> {
    return { challenge: await this.clock.advance(actor, input.challengeId, input.to) };
  }

  @Mutation(() => AcceptChallengeTermsPayload, {
    description: "Accepts the challenge's current terms for the caller's organisation.",
  })
  @Access(AccessRule.AUTHENTICATED)
  async acceptChallengeTerms(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AcceptChallengeTermsInput,
  ): Promise<AcceptChallengeTermsPayload> {
    return { challenge: await this.engagement.acceptTerms(actor, input) };
  }

  @Mutation(() => AskChallengeQuestionPayload, {
    description:
      'An organisation that may see a published challenge asks the issuer a clarification question (答疑).',
  })
  @Access(AccessRule.AUTHENTICATED)
  async askChallengeQuestion(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AskChallengeQuestionInput,
  ): Promise<AskChallengeQuestionPayload> {
    return { question: await this.engagement.ask(actor, input) };
  }

  @Mutation(() => AnswerChallengeQuestionPayload, {
    description: 'The issuer answers a clarification question on its challenge.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async answerChallengeQuestion(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AnswerChallengeQuestionInput,
  ): Promise<AnswerChallengeQuestionPayload> {
    return { question: await this.engagement.answer(actor, input) };
  }

  @Mutation(() => PublishChallengeAnnouncementPayload, {
    description:
      'The issuer publishes an announcement (公告) on its published challenge, shown with the challenge.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async publishChallengeAnnouncement(
    @CurrentActor() actor: Actor,
    @MutationInput() input: PublishChallengeAnnouncementInput,
  ): Promise<PublishChallengeAnnouncementPayload> {
    return { announcement: await this.engagement.announce(actor, input) };
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The confidential description: null unless the viewer may read it (terms accepted, issuer, admin).',
  })
  async description(@Parent() c: ChallengeNode, @Context() ctx: Ctx): Promise<string | null> {
    const detail =
      c.detail ?? (await this.loaders.for(ctx.req, ctx.req.user ?? null).detail.load(c.id));
    return detail.description;
  }

  @ResolveField(() => Boolean, {
    description: 'True when the description is withheld until the current terms are accepted.',
  })
  async descriptionLocked(@Parent() c: ChallengeNode, @Context() ctx: Ctx): Promise<boolean> {
    const detail =
      c.detail ?? (await this.loaders.for(ctx.req, ctx.req.user ?? null).detail.load(c.id));
    return !detail.descriptionShown;
  }

  @ResolveField(() => Boolean, {
    description: "Whether the viewer's organisation accepted the current terms.",
  })
  async termsAccepted(@Parent() c: ChallengeNode, @Context() ctx: Ctx): Promise<boolean> {
    const detail =
      c.detail ?? (await this.loaders.for(ctx.req, ctx.req.user ?? null).detail.load(c.id));
    return detail.termsAccepted;
  }

  @ResolveField(() => ChallengeTerms, {
    nullable: true,
    description: 'The terms in force (null when none are required).',
  })
  terms(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).terms.load(c.id);
  }

  @ResolveField(() => [ChallengeRequirement], {
    description: 'The measurable requirements (揭榜指标), in order.',
  })
  requirements(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).requirements.load(c.id);
  }

  @ResolveField(() => [EvaluationCriterion], {
    description: 'How proposals are scored: the weighted criteria, in order.',
  })
  evaluationCriteria(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).criteria.load(c.id);
  }

  @ResolveField(() => [ChallengeQuestion], {
    description: 'Answered questions; the issuer sees all, an SME also its own unanswered ones.',
  })
  questions(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).questions.load(c.id);
  }

  @ResolveField(() => [ChallengeAnnouncement], {
    description: "The issuer's announcements on the challenge, newest first.",
  })
  announcements(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).announcements.load(c.id);
  }

  @ResolveField(() => ChallengeEligibilityCheck, {
    nullable: true,
    description: "Whether the viewer's organisation may answer it (null without an organisation).",
  })
  viewerEligibility(@Parent() c: ChallengeNode, @Context() ctx: Ctx) {
    return this.loaders.for(ctx.req, ctx.req.user ?? null).eligibility.load(c.id);
  }
}
