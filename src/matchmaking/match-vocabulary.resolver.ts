import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { MutationInput } from '../common/graphql/mutation-input.js';
import type { ConnectionShape } from '../common/pagination/connection.js';
import {
  AddMatchVocabularyPairInput,
  AddMatchVocabularyPairPayload,
  MatchVocabularyArgs,
  MatchVocabularyPairConnection,
  MatchVocabularyPairType,
  RemoveMatchVocabularyPairInput,
  RemoveMatchVocabularyPairPayload,
} from './dto/match-vocabulary.types.js';
import { MatchVocabularyAdminService } from './match-vocabulary-admin.service.js';

/**
 * The admins' vocabulary pairs: the terms of the trade the shipped vocabulary lacks (热失控 / thermal runaway),
 * added so that a Chinese demand finds an English-only SME and the reverse.
 */
@Resolver(() => MatchVocabularyPairType)
export class MatchVocabularyResolver {
  constructor(private readonly service: MatchVocabularyAdminService) {}

  @Query(() => MatchVocabularyPairConnection, {
    description:
      'The pairs platform admins added to the matching vocabulary, newest first (the shipped vocabulary and the ' +
      'taxonomy’s names are not listed). Platform admins only.',
  })
  @Access(AccessRule.ADMIN)
  matchVocabulary(
    @Args() args: MatchVocabularyArgs,
  ): Promise<ConnectionShape<MatchVocabularyPairType>> {
    return this.service.list(args);
  }

  @Mutation(() => AddMatchVocabularyPairPayload, {
    description:
      'Adds a Chinese term and its English counterpart to the matching vocabulary (platform admins). Every ' +
      'challenge and SME is queued to be indexed again with it; recommendations reflect it once the indexer ' +
      'has caught up (it runs every second and before each recommendation). The same pair twice is CONFLICT ' +
      'VOCABULARY_PAIR_EXISTS.',
  })
  @Access(AccessRule.ADMIN)
  addMatchVocabularyPair(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AddMatchVocabularyPairInput,
  ): Promise<AddMatchVocabularyPairPayload> {
    return this.service.add(actor, input);
  }

  @Mutation(() => RemoveMatchVocabularyPairPayload, {
    description:
      'Removes an admin-added pair from the matching vocabulary (platform admins); every challenge and SME is ' +
      'queued to be indexed again without it. An unknown id is NOT_FOUND.',
  })
  @Access(AccessRule.ADMIN)
  removeMatchVocabularyPair(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RemoveMatchVocabularyPairInput,
  ): Promise<RemoveMatchVocabularyPairPayload> {
    return this.service.remove(actor, input);
  }
}
