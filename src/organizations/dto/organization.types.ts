import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { InvitableRole } from '../organization-invitation.entity.js';
import { OrganizationRole } from '../organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from '../organization.entity.js';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(OrganizationRole, { name: 'OrganizationRole' });
registerEnumType(InvitableRole, {
  name: 'InvitableRole',
  description:
    'The role an invitation gives: ADMIN or MEMBER (ownership is given with changeOrganizationMemberRole).',
});

/** A member of an organisation; visible only to the organisation's own members and platform admins. */
@ObjectType('OrganizationMember')
export class OrganizationMemberType {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  email: string;

  @Field(() => OrganizationRole)
  role: OrganizationRole;

  @Field()
  joinedAt: Date;
}

@ObjectType('OrganizationInvitation')
export class OrganizationInvitationType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => InvitableRole)
  role: InvitableRole;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class InviteOrganizationMemberPayload {
  @Field(() => OrganizationInvitationType)
  invitation: OrganizationInvitationType;

  @Field({
    description:
      'The invitation token, shown once: send it to the invitee, who passes it to acceptOrganizationInvitation.',
  })
  token: string;
}

/** The fields of the mutations that change one membership of an organisation; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationMembershipPayload {
  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationKind)
  organizationKind: OrganizationKind;

  @Field(() => OrganizationMemberType)
  member: OrganizationMemberType;
}

@ObjectType({
  description: 'The result of acceptOrganizationInvitation: the caller as a new member.',
})
export class AcceptOrganizationInvitationPayload extends OrganizationMembershipPayload {}

@ObjectType({
  description: 'The result of changeOrganizationMemberRole: the member in the new role.',
})
export class ChangeOrganizationMemberRolePayload extends OrganizationMembershipPayload {}

@ObjectType()
export class RemoveOrganizationMemberPayload {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;
}

/** An organisation as the admins' verification answers name it: the payload, the queue and its clashes extend it. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationVerificationRef {
  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field()
  nameZh: string;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;
}

/** The outcome of an admin's verification decision; each decision mutation has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationVerificationPayload extends OrganizationVerificationRef {
  @Field(() => String, { nullable: true })
  verificationReason: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;
}

@ObjectType({ description: 'The result of verifyOrganization: the organisation as verified.' })
export class VerifyOrganizationPayload extends OrganizationVerificationPayload {}

@ObjectType({
  description:
    'The result of rejectOrganizationVerification: the organisation with its verification refused or withdrawn.',
})
export class RejectOrganizationVerificationPayload extends OrganizationVerificationPayload {}

/** Another organisation claiming the same credit code (统一社会信用代码): shown to platform admins only. */
@ObjectType()
export class CreditCodeHolder extends OrganizationVerificationRef {
  @Field()
  createdAt: Date;
}

/** An organisation waiting for verification, as the admins' queue shows it. */
@ObjectType()
export class OrganizationVerificationItem extends OrganizationVerificationRef {
  @Field(() => String, { nullable: true })
  nameEn: string | null;

  @Field()
  creditCode: string;

  @Field()
  regionCode: string;

  @Field()
  createdAt: Date;

  @Field(() => [CreditCodeHolder], {
    description:
      'Other organisations holding the same credit code, oldest first (a clash: only one of them can be verified; a VERIFIED holder means this one cannot be).',
  })
  creditCodeClashes: CreditCodeHolder[];

  @Field({
    description:
      'True when a VERIFIED organisation already holds this credit code: verifying this one is refused (CREDIT_CODE_TAKEN).',
  })
  creditCodeHeldByVerified: boolean;
}

@ObjectType()
export class OrganizationVerificationItemConnection extends Connection(
  OrganizationVerificationItem,
  'OrganizationVerificationItem',
) {}
