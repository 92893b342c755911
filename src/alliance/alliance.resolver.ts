import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ConnectionArgs } from '../common/pagination/connection.js';
import { AllianceService } from './alliance.service.js';
import {
  AdmitAllianceMemberInput,
  AllianceApplicationsArgs,
  AllianceDecisionInput,
  ApplyToAllianceInput,
  ChangeAllianceTierInput,
  LeaveAllianceInput,
} from './dto/alliance.inputs.js';
import {
  AllianceMemberConnection,
  AllianceMembershipConnection,
  AllianceMembershipPayload,
  MyAllianceMembershipType,
} from './dto/alliance.types.js';

@Resolver()
export class AllianceResolver {
  constructor(private readonly service: AllianceService) {}

  @Query(() => AllianceMemberConnection, {
    description: 'The alliance’s active members: name, tier, since.',
  })
  @Access(AccessRule.PUBLIC)
  allianceMembers(@Args() args: ConnectionArgs) {
    return this.service.members(args);
  }

  @Query(() => AllianceMembershipConnection, {
    description: 'The admins’ queue of applications and memberships, newest first.',
  })
  @Access(AccessRule.ADMIN)
  allianceApplications(@CurrentActor() actor: Actor, @Args() args: AllianceApplicationsArgs) {
    return this.service.applications(actor, args);
  }

  @Query(() => MyAllianceMembershipType, {
    nullable: true,
    description:
      'The caller’s enterprise’s membership and its history; null outside an enterprise.',
  })
  @Access(AccessRule.AUTHENTICATED)
  myAllianceMembership(@CurrentActor() actor: Actor): Promise<MyAllianceMembershipType | null> {
    return this.service.mine(actor);
  }

  @Mutation(() => AllianceMembershipPayload, {
    description: 'The caller’s verified enterprise applies to the alliance (OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  applyToAlliance(
    @CurrentActor() actor: Actor,
    @Args('input') input: ApplyToAllianceInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.apply(actor, input);
  }

  @Mutation(() => AllianceMembershipPayload, { description: 'APPLIED → ACTIVE in a tier.' })
  @Access(AccessRule.ADMIN)
  admitAllianceMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AdmitAllianceMemberInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'ADMIT', input.reason, input.tier);
  }

  @Mutation(() => AllianceMembershipPayload, { description: 'APPLIED → REJECTED.' })
  @Access(AccessRule.ADMIN)
  rejectAllianceApplication(
    @CurrentActor() actor: Actor,
    @Args('input') input: AllianceDecisionInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'REJECT', input.reason);
  }

  @Mutation(() => AllianceMembershipPayload, { description: 'ACTIVE → SUSPENDED.' })
  @Access(AccessRule.ADMIN)
  suspendAllianceMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AllianceDecisionInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'SUSPEND', input.reason);
  }

  @Mutation(() => AllianceMembershipPayload, { description: 'SUSPENDED → ACTIVE.' })
  @Access(AccessRule.ADMIN)
  reinstateAllianceMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AllianceDecisionInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'REINSTATE', input.reason);
  }

  @Mutation(() => AllianceMembershipPayload, {
    description: 'ACTIVE or SUSPENDED → EXPELLED (final).',
  })
  @Access(AccessRule.ADMIN)
  expelAllianceMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: AllianceDecisionInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'EXPEL', input.reason);
  }

  @Mutation(() => AllianceMembershipPayload, {
    description: 'Moves an ACTIVE member to another tier.',
  })
  @Access(AccessRule.ADMIN)
  changeAllianceTier(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangeAllianceTierInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.decide(actor, input.membershipId, 'CHANGE_TIER', input.reason, input.tier);
  }

  @Mutation(() => AllianceMembershipPayload, {
    description: 'The caller’s enterprise leaves the alliance: ACTIVE → EXITED (OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  leaveAlliance(
    @CurrentActor() actor: Actor,
    @Args('input') input: LeaveAllianceInput,
  ): Promise<AllianceMembershipPayload> {
    return this.service.leave(actor, input.reason);
  }
}
