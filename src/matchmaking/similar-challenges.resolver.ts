import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type ChallengeNode, ChallengeType } from '../challenges/index.js';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import {
  LinkRelatedChallengesInput,
  LinkRelatedChallengesPayload,
  MAX_SIMILAR_CHALLENGES,
  RelatedChallenge,
  SimilarChallenge,
  SimilarChallengesArgs,
  UnlinkRelatedChallengesInput,
  UnlinkRelatedChallengesPayload,
} from './dto/similar-challenges.types.js';
import { RelatedChallengesService } from './related-challenges.service.js';
import { SimilarChallengesService } from './similar-challenges.service.js';

interface Ctx {
  req: { user?: Actor };
}

/**
 * Duplicate demands (重复需求): the challenges of other alliance members that look like the one under review,
 * for the reviewing admin, and the links admins make between related demands, which each issuer sees on its
 * own challenge (`Challenge.relatedChallenges`).
 */
@Resolver(() => ChallengeType)
export class SimilarChallengesResolver {
  constructor(
    private readonly similar: SimilarChallengesService,
    private readonly related: RelatedChallengesService,
  ) {}

  @Query(() => [SimilarChallenge], {
    description:
      'Challenges of other enterprises, PENDING_REVIEW or PUBLISHED (before their deadline), that look like the ' +
      'same demand as this one, most similar first, with the similarity, the shared terms (across Chinese and ' +
      'English) and the shared technical fields: what a reviewing admin checks before publishing. Only those at ' +
      `or above SIMILAR_CHALLENGES_MIN_SIMILARITY; at most ${MAX_SIMILAR_CHALLENGES}. Platform admins only; an ` +
      'unknown challenge is NOT_FOUND.',
  })
  @Access(AccessRule.ADMIN)
  similarChallenges(
    @CurrentActor() actor: Actor,
    @Args() args: SimilarChallengesArgs,
  ): Promise<SimilarChallenge[]> {
    return this.similar.similar(actor, args.challengeId, args.first);
  }

  @Mutation(() => LinkRelatedChallengesPayload, {
    description:
      'Links two challenges of different enterprises as related demands, with a note both issuers see (platform ' +
      'admins). Both must be PENDING_REVIEW or PUBLISHED. The same challenge twice is BAD_USER_INPUT; an unknown ' +
      'challenge NOT_FOUND; the same issuer, another state or a pair already linked CONFLICT.',
  })
  @Access(AccessRule.ADMIN)
  linkRelatedChallenges(
    @CurrentActor() actor: Actor,
    @MutationInput() input: LinkRelatedChallengesInput,
  ): Promise<LinkRelatedChallengesPayload> {
    return this.related.link(actor, input);
  }

  @Mutation(() => UnlinkRelatedChallengesPayload, {
    description:
      'Removes the link between two related challenges (platform admins); NOT_FOUND when they are not linked.',
  })
  @Access(AccessRule.ADMIN)
  unlinkRelatedChallenges(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UnlinkRelatedChallengesInput,
  ): Promise<UnlinkRelatedChallengesPayload> {
    return this.related.unlink(actor, input);
  }

  @ResolveField(() => [RelatedChallenge], {
    nullable: true,
    description:
      'Related demands of other enterprises an admin linked to this challenge, newest first: the note, the other ' +
      'challenge as far as the viewer may see it, and its issuer unless that challenge is anonymous. For the ' +
      'issuer’s members and admins; null for everyone else.',
  })
  relatedChallenges(
    @Parent() challenge: ChallengeNode,
    @Context() ctx: Ctx,
  ): Promise<RelatedChallenge[] | null> {
    return this.related.relatedOf(ctx.req, ctx.req.user ?? null, challenge.id);
  }
}
