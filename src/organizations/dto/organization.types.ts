import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganizationRole } from '../organization-member.entity.js';
import { OrganizationKind, VerificationStatus } from '../organization.entity.js';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(OrganizationRole, { name: 'OrganizationRole' });

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

  @Field(() => OrganizationRole)
  role: OrganizationRole;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class InviteOrganizationMemberPayload {
  @Field(() => OrganizationInvitationType)
  invitation: OrganizationInvitationType;

  @Field({ description: 'The invitation token, shown once: send it to the invitee, who passes it to acceptOrganizationInvitation.' })
  token: string;
}

@ObjectType()
export class OrganizationMembershipPayload {
  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationKind)
  organizationKind: OrganizationKind;

  @Field(() => OrganizationMemberType)
  member: OrganizationMemberType;
}

@ObjectType()
export class RemoveOrganizationMemberPayload {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  userId: string;
}

/** The outcome of an admin's verification decision. */
@ObjectType()
export class OrganizationVerificationPayload {
  @Field(() => ID)
  organizationId: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field()
  nameZh: string;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true })
  verificationReason: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;
}
