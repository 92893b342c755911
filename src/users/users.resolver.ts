import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { UserDecisionInput, UsersArgs } from './dto/user.inputs.js';
import {
  ReinstateUserPayload,
  SuspendUserPayload,
  UserConnection,
  UserType,
} from './dto/user.types.js';
import { UsersService } from './users.service.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => UserType, { description: 'The signed-in user.' })
  @Access(AccessRule.AUTHENTICATED)
  me(@CurrentActor() actor: Actor): Promise<UserType> {
    return this.service.me(actor);
  }

  @Query(() => UserConnection, { description: 'All accounts, newest first (administrators).' })
  @Access(AccessRule.ADMIN)
  users(@CurrentActor() actor: Actor, @Args() args: UsersArgs) {
    return this.service.list(actor, args);
  }

  @Mutation(() => SuspendUserPayload, {
    description: 'Suspends an account; its sessions end at once.',
  })
  @Access(AccessRule.ADMIN)
  async suspendUser(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UserDecisionInput,
  ): Promise<SuspendUserPayload> {
    return { user: await this.service.suspend(actor, input.userId, input.reason) };
  }

  @Mutation(() => ReinstateUserPayload, { description: 'Lifts a suspension.' })
  @Access(AccessRule.ADMIN)
  async reinstateUser(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UserDecisionInput,
  ): Promise<ReinstateUserPayload> {
    return { user: await this.service.reinstate(actor, input.userId, input.reason) };
  }
}
