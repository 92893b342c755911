import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ConnectionShape } from '../common/pagination/connection.js';
import { RateBudget } from '../rate-limit/index.js';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { EnterprisesService } from './enterprises/enterprises.service.js';
import { SmesService } from './smes/smes.service.js';
import { MyOrganizationType } from './dto/my-organization.types.js';
import {
  AcceptOrganizationInvitationInput,
  ChangeOrganizationMemberRoleInput,
  InviteOrganizationMemberInput,
  OrganizationVerificationQueueArgs,
  RejectOrganizationVerificationInput,
  RemoveOrganizationMemberInput,
  VerifyOrganizationInput,
} from './dto/organization.inputs.js';
import {
  InviteOrganizationMemberPayload,
  AcceptOrganizationInvitationPayload,
  ChangeOrganizationMemberRolePayload,
  RejectOrganizationVerificationPayload,
  VerifyOrganizationPayload,
  OrganizationVerificationItem,
  OrganizationVerificationItemConnection,
  RemoveOrganizationMemberPayload,
} from './dto/organization.types.js';
import { OrganizationRole } from './organization-member.entity.js';
import { OrganizationKind } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver()
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly enterprises: EnterprisesService,
    private readonly smes: SmesService,
  ) {}

  @Query(() => MyOrganizationType, {
    nullable: true,
    description: 'The signed-in user’s organisation, or null.',
  })
  @Access(AccessRule.AUTHENTICATED)
  async myOrganization(@CurrentActor() actor: Actor): Promise<MyOrganizationType | null> {
    const org = actor.organization;
    if (!org) return null;
    const enterprise = org.kind === 'ENTERPRISE' ? await this.enterprises.get(actor, org.id) : null;
    const sme = org.kind === 'SME' ? await this.smes.get(actor, org.id) : null;
    return {
      kind: org.kind as OrganizationKind,
      role: org.role as OrganizationRole,
      enterprise,
      sme,
    };
  }

  @Mutation(() => InviteOrganizationMemberPayload, {
    description: 'Invites a user by e-mail to the caller’s organisation (OWNER or ADMIN).',
  })
  @Access(AccessRule.AUTHENTICATED)
  @RateBudget('invitations')
  inviteOrganizationMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: InviteOrganizationMemberInput,
  ): Promise<InviteOrganizationMemberPayload> {
    return this.service.invite(actor, input);
  }

  @Mutation(() => AcceptOrganizationInvitationPayload, {
    description: 'Joins the organisation of an invitation sent to the caller’s e-mail.',
  })
  @Access(AccessRule.AUTHENTICATED)
  acceptOrganizationInvitation(
    @CurrentActor() actor: Actor,
    @MutationInput() input: AcceptOrganizationInvitationInput,
  ): Promise<AcceptOrganizationInvitationPayload> {
    return this.service.accept(actor, input);
  }

  @Mutation(() => ChangeOrganizationMemberRolePayload, {
    description: 'Changes a member’s role (OWNER or ADMIN; ownership only by an OWNER).',
  })
  @Access(AccessRule.AUTHENTICATED)
  changeOrganizationMemberRole(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChangeOrganizationMemberRoleInput,
  ): Promise<ChangeOrganizationMemberRolePayload> {
    return this.service.changeRole(actor, input);
  }

  @Mutation(() => RemoveOrganizationMemberPayload, {
    description: 'Removes a member (OWNER or ADMIN), or leaves (anyone, for oneself).',
  })
  @Access(AccessRule.AUTHENTICATED)
  removeOrganizationMember(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RemoveOrganizationMemberInput,
  ): Promise<RemoveOrganizationMemberPayload> {
    return this.service.remove(actor, input);
  }

  @Query(() => OrganizationVerificationItemConnection, {
    description:
      'Organisations waiting for verification, oldest first, each with the other organisations holding its credit code (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  organizationVerificationQueue(
    @Args() args: OrganizationVerificationQueueArgs,
  ): Promise<ConnectionShape<OrganizationVerificationItem>> {
    return this.service.verificationQueue(args);
  }

  @Mutation(() => VerifyOrganizationPayload, {
    description:
      'Verifies an organisation (platform admins); CONFLICT CREDIT_CODE_TAKEN when a verified organisation holds its credit code.',
  })
  @Access(AccessRule.ADMIN)
  verifyOrganization(
    @CurrentActor() actor: Actor,
    @MutationInput() input: VerifyOrganizationInput,
  ): Promise<VerifyOrganizationPayload> {
    return this.service.verify(actor, input);
  }

  @Mutation(() => RejectOrganizationVerificationPayload, {
    description:
      'Refuses or withdraws an organisation’s verification, with a reason (platform admins).',
  })
  @Access(AccessRule.ADMIN)
  rejectOrganizationVerification(
    @CurrentActor() actor: Actor,
    @MutationInput() input: RejectOrganizationVerificationInput,
  ): Promise<RejectOrganizationVerificationPayload> {
    return this.service.reject(actor, input);
  }
}
