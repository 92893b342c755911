import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { NO_CONTROL_CHARS_MULTILINE, trim } from '../../common/validators.js';
import { AllianceMembershipStatus, AllianceTier } from '../alliance-membership.entity.js';

@InputType({ description: "The caller's enterprise applies to join the alliance." })
export class ApplyToAllianceInput {
  @Field({
    description: 'Why the enterprise wants to join and what it brings, 10 to 5000 characters.',
  })
  @Transform(trim)
  @IsString()
  @Length(10, 5000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, { message: 'statement must not contain control characters' })
  statement: string;
}

@InputType({
  description: "A platform admin's decision on an alliance membership, with its reason.",
})
export class AllianceDecisionInput {
  @Field(() => ID, { description: 'The membership decided on.' })
  @IsUUID('all', { message: 'membershipId must be a UUID' })
  membershipId: string;

  @Field({ description: 'Why, for the enterprise and the audit trail (3 to 500 characters).' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}

@InputType({ description: 'Admits an applying enterprise into the alliance (platform admins).' })
export class AdmitAllianceMemberInput extends AllianceDecisionInput {
  @Field(() => AllianceTier, { description: 'The tier the enterprise is admitted at.' })
  @IsEnum(AllianceTier)
  tier: AllianceTier;
}

@InputType({ description: 'Moves an active member to another tier (platform admins).' })
export class ChangeAllianceTierInput extends AllianceDecisionInput {
  @Field(() => AllianceTier, { description: 'The new tier.' })
  @IsEnum(AllianceTier)
  tier: AllianceTier;
}

@InputType({ description: "The caller's enterprise leaves the alliance." })
export class LeaveAllianceInput {
  @Field({ description: '3 to 500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}

@InputType({ description: 'Filters the alliance membership list for platform admins.' })
export class AllianceApplicationFilterInput {
  @Field(() => [AllianceMembershipStatus], { nullable: true, description: 'APPLIED when omitted.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsEnum(AllianceMembershipStatus, { each: true })
  statuses?: AllianceMembershipStatus[];

  @Field(() => AllianceTier, {
    description: 'Only memberships of this tier; any tier when omitted.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(AllianceTier)
  tier?: AllianceTier;

  @Field({ nullable: true, description: 'Part of the enterprise’s name or its credit code.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class AllianceApplicationsArgs extends ConnectionArgs {
  @Field(() => AllianceApplicationFilterInput, {
    description: 'Narrows the list; APPLIED memberships of any tier when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AllianceApplicationFilterInput)
  filter?: AllianceApplicationFilterInput;
}
