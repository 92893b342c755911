import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { CreateEnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.inputs.js';
import { EnterprisePayload, EnterpriseType } from './dto/enterprise.types.js';
import { EnterprisesService } from './enterprises.service.js';

@Resolver(() => EnterpriseType)
export class EnterprisesResolver {
  constructor(private readonly service: EnterprisesService) {}

  @Query(() => EnterpriseType, {
    description: 'A verified enterprise; unverified ones only for their members and admins.',
  })
  @Access(AccessRule.PUBLIC)
  enterprise(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<EnterpriseType> {
    return this.service.get(actor, id);
  }

  @Mutation(() => EnterprisePayload, {
    description: 'Creates an enterprise (UNVERIFIED); the caller becomes its OWNER.',
  })
  @Access(AccessRule.AUTHENTICATED)
  createEnterprise(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateEnterpriseInput,
  ): Promise<EnterprisePayload> {
    return this.service.create(actor, input);
  }

  @Mutation(() => EnterprisePayload, { description: 'Edits an enterprise (its OWNER or ADMIN).' })
  @Access(AccessRule.AUTHENTICATED)
  updateEnterprise(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateEnterpriseInput,
  ): Promise<EnterprisePayload> {
    return this.service.update(actor, input);
  }
}
