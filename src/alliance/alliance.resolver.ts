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
  AdmitAllianceMemberPayload,
  ApplyToAlliancePayload,
  ChangeAllianceTierPayload,
  ExpelAllianceMemberPayload,
  LeaveAlliancePayload,
  ReinstateAllianceMemberPayload,
  RejectAllianceApplicationPayload,
  SuspendAllianceMemberPayload,
  AllianceMembershipConnection,
  MyAllianceMembershipType,
} from './dto/alliance.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

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

  @Mutation(() => ApplyToAlliancePayload, {
    description: 'The caller’s verified enterprise applies to the alliance (OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  applyToAlliance(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ApplyToAllianceInput,
  ): Promise<ApplyToAlliancePayload> {
    return this.service.apply(actor, input);
  }

  @Mutation(() => AdmitAllianceMemberPayload, { description: 'APPLIED → ACTIVE in a tier.' })
  @Access(AccessRule.ADMIN)
  admitAllianceMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AdmitAllianceMemberInput,
  ): Promise<AdmitAllianceMemberPayload> {
    return this.service.decide(actor, input.membershipId, 'ADMIT', input.reason, input.tier);
  }

  @Mutation(() => RejectAllianceApplicationPayload, { description: 'APPLIED → REJECTED.' })
  @Access(AccessRule.ADMIN)
  rejectAllianceApplication(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AllianceDecisionInput,
  ): Promise<RejectAllianceApplicationPayload> {
    return this.service.decide(actor, input.membershipId, 'REJECT', input.reason);
  }

  @Mutation(() => SuspendAllianceMemberPayload, { description: 'ACTIVE → SUSPENDED.' })
  @Access(AccessRule.ADMIN)
  suspendAllianceMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AllianceDecisionInput,
  ): Promise<SuspendAllianceMemberPayload> {
    return this.service.decide(actor, input.membershipId, 'SUSPEND', input.reason);
  }

  @Mutation(() => ReinstateAllianceMemberPayload, { description: 'SUSPENDED → ACTIVE.' })
  @Access(AccessRule.ADMIN)
  reinstateAllianceMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AllianceDecisionInput,
  ): Promise<ReinstateAllianceMemberPayload> {
    return this.service.decide(actor, input.membershipId, 'REINSTATE', input.reason);
  }

  @Mutation(() => ExpelAllianceMemberPayload, {
    description: 'ACTIVE or SUSPENDED → EXPELLED (final).',
  })
  @Access(AccessRule.ADMIN)
  expelAllianceMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AllianceDecisionInput,
  ): Promise<ExpelAllianceMemberPayload> {
    return this.service.decide(actor, input.membershipId, 'EXPEL', input.reason);
  }

  @Mutation(() => ChangeAllianceTierPayload, {
    description: 'Moves an ACTIVE member to another tier.',
  })
  @Access(AccessRule.ADMIN)
  changeAllianceTier(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChangeAllianceTierInput,
  ): Promise<ChangeAllianceTierPayload> {
    return this.service.decide(actor, input.membershipId, 'CHANGE_TIER', input.reason, input.tier);
  }

  @Mutation(() => LeaveAlliancePayload, {
    description: 'The caller’s enterprise leaves the alliance: ACTIVE → EXITED (OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  leaveAlliance(
    @CurrentActor() actor: Actor,
    @MutationInput() input: LeaveAllianceInput,
  ): Promise<LeaveAlliancePayload> {
    return this.service.leave(actor, input.reason);
  }
}
