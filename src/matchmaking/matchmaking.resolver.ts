import { Args, Context, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestedFields } from '../challenges/index.js';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { requestLocale, type LocaleSource } from '../common/error-locale.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import {
  ChallengeRecommendationConnection,
  DismissRecommendationInput,
  DismissRecommendationPayload,
  MatchExplanation,
  MatchExplanationArgs,
  MAX_RECOMMENDATIONS_PAGE,
  RecommendedChallengesArgs,
  RecommendedSmesArgs,
  SmeRecommendationConnection,
} from './dto/match.types.js';
import { MatchmakingService } from './matchmaking.service.js';

interface Ctx {
  req: LocaleSource;
}

@Resolver()
export class MatchmakingResolver {
  constructor(private readonly service: MatchmakingService) {}

  @Query(() => SmeRecommendationConnection, {
    description:
      'SMEs recommended for a challenge, best first, each with its score, components and reasons in the viewer’s ' +
      'language: verified SMEs eligible by the challenge’s rules (a hard filter), not dismissed by the issuer. ' +
      `For the issuer’s members (any state of the challenge) and platform admins; at most ${MAX_RECOMMENDATIONS_PAGE} ` +
      'a page. Another enterprise’s challenge is NOT_FOUND; a caller outside an enterprise is FORBIDDEN.',
  })
  @Access(AccessRule.AUTHENTICATED)
  recommendedSmes(
    @CurrentActor() actor: Actor,
    @Args() args: RecommendedSmesArgs,
    @Context() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SmeRecommendationConnection> {
    return this.service.recommendedSmes(
      actor,
      args.challengeId,
      args,
      requestLocale(ctx.req),
      requestedFields(info, ['edges', 'node', 'sme']),
    );
  }

  @Query(() => ChallengeRecommendationConnection, {
    description:
      'Challenges recommended to the caller’s SME, best first, with the same kind of explanation: PUBLISHED ' +
      'challenges before their deadline that the SME may see and is eligible for, not dismissed by it. For SME ' +
      `members; others FORBIDDEN. At most ${MAX_RECOMMENDATIONS_PAGE} a page.`,
  })
  @Access(AccessRule.AUTHENTICATED)
  recommendedChallenges(
    @CurrentActor() actor: Actor,
    @Args() args: RecommendedChallengesArgs,
    @Context() ctx: Ctx,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChallengeRecommendationConnection> {
    return this.service.recommendedChallenges(
      actor,
      args,
      requestLocale(ctx.req),
      requestedFields(info, ['edges', 'node', 'challenge']),
    );
  }

  @Query(() => MatchExplanation, {
    description:
      'Why a challenge and an SME match or not (“why not this one?”): the same breakdown as the recommendations, ' +
      'whether the pair can be recommended and the eligibility problems. For the issuer’s members (their ' +
      'challenge, an SME they may see), the SME’s members (their SME, a challenge they may see) and admins.',
  })
  @Access(AccessRule.AUTHENTICATED)
  matchExplanation(
    @CurrentActor() actor: Actor,
    @Args() args: MatchExplanationArgs,
    @Context() ctx: Ctx,
  ): Promise<MatchExplanation> {
    return this.service.explain(actor, args.challengeId, args.smeId, requestLocale(ctx.req));
  }

  @Mutation(() => DismissRecommendationPayload, {
    description:
      'Dismisses a recommended pair for the caller’s side (the issuer’s members or the SME’s): it is not ' +
      'recommended to that side again, and ranking lowers similar pairs for it. Dismissing again updates the reason.',
  })
  @Access(AccessRule.AUTHENTICATED)
  dismissRecommendation(
    @CurrentActor() actor: Actor,
    @MutationInput() input: DismissRecommendationInput,
  ): Promise<DismissRecommendationPayload> {
    return this.service.dismiss(actor, input);
  }
}
