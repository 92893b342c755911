import { Args, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs } from '../common/pagination/connection.js';
import { EnterpriseType } from '../organizations/index.js';
import { ChallengeQueryService } from './challenge-query.service.js';
import { ChallengeConnection } from './dto/challenge.types.js';
import { requestedFields } from './requested-fields.js';

/**
 * `Enterprise.challenges`: the enterprise's challenges through the same scoped list as `challenges`,
 * so the nested path shows exactly what the caller may see (no drafts of others, no INVITE_ONLY
 * challenge it was not invited to, no anonymous challenge's issuer). Meant for an enterprise's page:
 * one list query per enterprise shown.
 */
@Resolver(() => EnterpriseType)
export class EnterpriseChallengesResolver {
  constructor(private readonly queries: ChallengeQueryService) {}

  @ResolveField(() => ChallengeConnection, {
    description: 'The challenges of this enterprise that the caller may see, newest first.',
  })
  challenges(
    @Parent() enterprise: EnterpriseType,
    @CurrentActor() actor: Actor | null,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.list(
      actor,
      { first: args.first, after: args.after, filter: { issuerOrganizationId: enterprise.id } },
      requestedFields(info, ['edges', 'node']),
    );
  }
}
