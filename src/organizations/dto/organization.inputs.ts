import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { OrganizationKind } from '../organization.entity.js';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  ValidateNested,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { InvitableRole } from '../organization-invitation.entity.js';
import { OrganizationRole } from '../organization-member.entity.js';
import { trim } from '../../common/validators.js';

const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

@InputType({ description: "Invites someone by e-mail to join the caller's organisation." })
export class InviteOrganizationMemberInput {
  @Field({ description: 'Address the invitation is sent to.' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field(() => InvitableRole, { description: 'Role given on acceptance.' })
  @IsIn(Object.values(InvitableRole), { message: 'role must be ADMIN or MEMBER' })
  role: InvitableRole;
}

@InputType({ description: 'Accepts an invitation to join an organisation.' })
export class AcceptOrganizationInvitationInput {
  @Field({ description: 'The invitation token received by e-mail.' })
  @IsString()
  @Length(20, 100)
  token: string;
}

@InputType({ description: "Changes a member's role in the caller's organisation." })
export class ChangeOrganizationMemberRoleInput {
  @Field(() => ID, { description: 'The member whose role changes.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @Field(() => OrganizationRole, { description: 'The new role.' })
  @IsEnum(OrganizationRole)
  role: OrganizationRole;
}

@InputType({ description: "Removes a member from the caller's organisation." })
export class RemoveOrganizationMemberInput {
  @Field(() => ID, { description: 'The member removed.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}

@InputType({ description: 'A platform admin verifies an organisation.' })
export class VerifyOrganizationInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @Field({ nullable: true, description: 'A note for the audit trail (up to 500 characters).' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@InputType({ description: 'A platform admin refuses to verify an organisation, with a reason.' })
export class RejectOrganizationVerificationInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID('all', { message: 'organizationId must be a UUID' })
  organizationId: string;

  @Field({ description: 'Why, shown to the organisation (3 to 500 characters).' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}

@InputType({ description: 'Narrows the verification queue.' })
export class OrganizationVerificationFilterInput {
  @Field(() => OrganizationKind, {
    nullable: true,
    description: 'Only enterprises or only SMEs; both when omitted.',
  })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;
}

@ArgsType()
export class OrganizationVerificationQueueArgs extends ConnectionArgs {
  @Field(() => OrganizationVerificationFilterInput, {
    nullable: true,
    description: 'Which organisations; every unverified one when omitted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationVerificationFilterInput)
  filter?: OrganizationVerificationFilterInput;
}
