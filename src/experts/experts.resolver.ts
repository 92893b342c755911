import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import {
  ExpertsArgs,
  PoolExpertConnection,
  GrantExpertRolePayload,
  RevokeExpertRolePayload,
  GrantExpertRoleInput,
  RevokeExpertRoleInput,
} from './dto/expert.types.js';
import { ExpertsService } from './experts.service.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver()
export class ExpertsResolver {
  constructor(private readonly service: ExpertsService) {}

  @Query(() => PoolExpertConnection, {
    description:
      'The expert pool, to choose reviewers for assignReviewers: display name, affiliation and fields, most ' +
      'recently granted first. Members of an enterprise and platform administrators; others FORBIDDEN.',
  })
  @Access(AccessRule.AUTHENTICATED)
  experts(@CurrentActor() actor: Actor, @Args() args: ExpertsArgs): Promise<PoolExpertConnection> {
    return this.service.list(actor, args);
  }

  @Mutation(() => GrantExpertRolePayload, {
    description:
      'Adds a user to the expert pool, or updates an expert’s profile (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  grantExpertRole(
    @CurrentActor() actor: Actor,
    @MutationInput() input: GrantExpertRoleInput,
  ): Promise<GrantExpertRolePayload> {
    return this.service.grant(actor, input);
  }

  @Mutation(() => RevokeExpertRolePayload, {
    description: 'Takes a user out of the expert pool (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  revokeExpertRole(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RevokeExpertRoleInput,
  ): Promise<RevokeExpertRolePayload> {
    return this.service.revoke(actor, input);
  }
}
