import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { AddTechnicalFieldInput } from './dto/technical-field.inputs.js';
import {
  AddTechnicalFieldPayload,
  TechnicalFieldConnection,
  TechnicalFieldType,
} from './dto/technical-field.types.js';
import { ConnectionArgs, ConnectionShape } from '../common/pagination/connection.js';
import { TechnicalFieldsService } from './technical-fields.service.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver(() => TechnicalFieldType)
export class TechnicalFieldsResolver {
  constructor(private readonly service: TechnicalFieldsService) {}

  @Query(() => TechnicalFieldConnection, {
    description:
      'The controlled taxonomy of technical fields (bilingual), ordered by code (parents before their children).',
  })
  @Access(AccessRule.PUBLIC)
  technicalFields(@Args() args: ConnectionArgs): Promise<ConnectionShape<TechnicalFieldType>> {
    return this.service.list(args);
  }

  @Mutation(() => AddTechnicalFieldPayload, {
    description: 'Adds a field to the taxonomy (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  addTechnicalField(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AddTechnicalFieldInput,
  ): Promise<AddTechnicalFieldPayload> {
    return this.service.add(actor, input);
  }
}
