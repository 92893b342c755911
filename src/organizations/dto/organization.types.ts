import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination/connection.js';
import { InvitableRole } from '../organization-invitation.entity.js';
import { OrganizationRole } from '../organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from '../organization.entity.js';

registerEnumType(OrganizationKind, {
  description: 'Kind of organisation.',
  valuesMap: {
    ENTERPRISE: { description: 'A large enterprise that posts challenges.' },
    SME: { description: 'A small or medium enterprise that answers them.' },
  },
  name: 'OrganizationKind',
});
registerEnumType(VerificationStatus, {
  description: "Whether the platform has verified an organisation's identity.",
  valuesMap: {
    UNVERIFIED: { description: 'Not checked yet.' },
    VERIFIED: { description: 'Checked and confirmed.' },
    REJECTED: { description: 'Checked and refused.' },
  },
  name: 'VerificationStatus',
});
registerEnumType(OrganizationRole, {
  description: "A user's role in their organisation.",
  valuesMap: {
    OWNER: { description: 'Created the organisation; manages everything, including admins.' },
    ADMIN: { description: "Manages the organisation's profile and members." },
    MEMBER: { description: 'Acts for the organisation on challenges and proposals.' },
  },
  name: 'OrganizationRole',
});
registerEnumType(InvitableRole, {
  valuesMap: {
    ADMIN: { description: "May manage the organisation's profile and members." },
    MEMBER: { description: 'May act for the organisation on challenges and proposals.' },
  },
  name: 'InvitableRole',
  description:
    'The role an invitation gives: ADMIN or MEMBER (ownership is given with changeOrganizationMemberRole).',
});

/** A member of an organisation; visible only to the organisation's own members and platform admins. */
@ObjectType('OrganizationMember', { description: "A user's membership of an organisation." })
export class OrganizationMemberType {
  @Field(() => ID, { description: "The member's user id." })
  userId: string;

  @Field({ description: "The member's display name." })
  displayName: string;

  @Field({ description: "The member's e-mail address (seen by the organisation's members)." })
  email: string;

  @Field(() => OrganizationRole, { description: "The member's role." })
  role: OrganizationRole;

  @Field({ description: 'When the user joined.' })
  joinedAt: Date;
}

@ObjectType('OrganizationInvitation', {
  description: 'A pending invitation to join an organisation.',
})
export class OrganizationInvitationType {
  @Field(() => ID, { description: 'Invitation id.' })
  id: string;

  @Field({ description: 'Address the invitation was sent to.' })
  email: string;

  @Field(() => InvitableRole, { description: 'Role given on acceptance.' })
  role: InvitableRole;

  @Field({ description: 'When the invitation can no longer be accepted.' })
  expiresAt: Date;
}

@ObjectType({ description: 'The invitation sent.' })
export class InviteOrganizationMemberPayload {
  @Field(() => OrganizationInvitationType, { description: 'The pending invitation.' })
  invitation: OrganizationInvitationType;

  @Field({
    description:
      'The invitation token, shown once. It is also mailed to the invited address; the invitee passes it to acceptOrganizationInvitation, which only the account holding that address can do.',
  })
  token: string;
}

/** The fields of the mutations that change one membership of an organisation; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationMembershipPayload {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId: string;

  @Field(() => OrganizationKind, { description: 'Enterprise or SME.' })
  organizationKind: OrganizationKind;

  @Field(() => OrganizationMemberType, { description: 'The member as it now is.' })
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

@ObjectType({ description: 'The membership removed.' })
export class RemoveOrganizationMemberPayload {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId: string;

  @Field(() => ID, { description: 'The user removed.' })
  userId: string;
}

/** An organisation as the admins' verification answers name it: the payload, the queue and its clashes extend it. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationVerificationRef {
  @Field(() => ID, { description: 'Organisation id.' })
  organizationId: string;

  @Field(() => OrganizationKind, { description: 'Enterprise or SME.' })
  kind: OrganizationKind;

  @Field({ description: 'Chinese name.' })
  nameZh: string;

  @Field(() => VerificationStatus, { description: 'Its verification status.' })
  verificationStatus: VerificationStatus;
}

/** The outcome of an admin's verification decision; each decision mutation has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class OrganizationVerificationPayload extends OrganizationVerificationRef {
  @Field(() => String, {
    description: 'Reason given with a rejection; null otherwise.',
    nullable: true,
  })
  verificationReason: string | null;

  @Field(() => Date, { description: 'When it was verified; null unless VERIFIED.', nullable: true })
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
@ObjectType({ description: 'Another organisation that holds the same credit code.' })
export class CreditCodeHolder extends OrganizationVerificationRef {
  @Field({ description: 'When that organisation was registered.' })
  createdAt: Date;
}

/** An organisation waiting for verification, as the admins' queue shows it. */
@ObjectType({ description: 'An organisation waiting for verification (platform admins).' })
export class OrganizationVerificationItem extends OrganizationVerificationRef {
  @Field(() => String, { description: 'English name; null when not given.', nullable: true })
  nameEn: string | null;

  @Field({ description: 'Unified social credit code (18 characters).' })
  creditCode: string;

  @Field({ description: 'GB/T 2260 region code.' })
  regionCode: string;

  @Field({ description: 'When it was registered.' })
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

@ObjectType({ description: 'A page of the verification queue.' })
export class OrganizationVerificationItemConnection extends Connection(
  OrganizationVerificationItem,
  'OrganizationVerificationItem',
) {}
