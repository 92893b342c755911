import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/auth/actor.js';
import { CreateSmeInput, UpdateSmeInput } from './dto/sme.inputs.js';
import { CreateSmePayload, SmeType, UpdateSmePayload } from './dto/sme.types.js';
import { SmesService } from './smes.service.js';
import { MutationInput } from '../../common/graphql/mutation-input.js';

@Resolver(() => SmeType)
export class SmesResolver {
  constructor(private readonly service: SmesService) {}

  @Query(() => SmeType, {
    description: 'A verified SME; unverified ones only for their members and admins.',
  })
  @Access(AccessRule.PUBLIC)
  sme(
    @CurrentActor() actor: Actor | null,
    @Args('id', { type: () => ID, description: 'The SME.' }) id: string,
  ): Promise<SmeType> {
    return this.service.get(actor, id);
  }

  @Mutation(() => CreateSmePayload, {
    description: 'Creates an SME (UNVERIFIED); the caller becomes its OWNER.',
  })
  @Access(AccessRule.AUTHENTICATED)
  createSme(
    @CurrentActor() actor: Actor,
    @MutationInput() input: CreateSmeInput,
  ): Promise<CreateSmePayload> {
    return this.service.create(actor, input);
  }

  @Mutation(() => UpdateSmePayload, { description: 'Edits an SME (its OWNER or ADMIN).' })
  @Access(AccessRule.AUTHENTICATED)
  updateSme(
    @CurrentActor() actor: Actor,
    @MutationInput() input: UpdateSmeInput,
  ): Promise<UpdateSmePayload> {
    return this.service.update(actor, input);
  }
}
