import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { CreateEnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.inputs.js';
import {
  CreateEnterprisePayload,
  EnterpriseType,
  UpdateEnterprisePayload,
} from './dto/enterprise.types.js';
import { EnterprisesService } from './enterprises.service.js';
import { MutationInput } from '../../common/graphql/mutation-input.js';

@Resolver(() => EnterpriseType)
export class EnterprisesResolver {
  constructor(private readonly service: EnterprisesService) {}

  @Query(() => EnterpriseType, {
    description: 'A verified enterprise; unverified ones only for their members and admins.',
  })
  @Access(AccessRule.PUBLIC)
  enterprise(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID, description: 'The enterprise.' }) id: string,
  ): Promise<EnterpriseType> {
    return this.service.get(actor, id);
  }

  @Mutation(() => CreateEnterprisePayload, {
    description: 'Creates an enterprise (UNVERIFIED); the caller becomes its OWNER.',
  })
  @Access(AccessRule.AUTHENTICATED)
  createEnterprise(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CreateEnterpriseInput,
  ): Promise<CreateEnterprisePayload> {
    return this.service.create(actor, input);
  }

  @Mutation(() => UpdateEnterprisePayload, {
    description: 'Edits an enterprise (its OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  updateEnterprise(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UpdateEnterpriseInput,
  ): Promise<UpdateEnterprisePayload> {
    return this.service.update(actor, input);
  }
}
