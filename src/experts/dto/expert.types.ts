import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCreditCode,
  NO_CONTROL_CHARS_MULTILINE,
  toCreditCode,
  trim,
} from '../../common/validators.js';
import { TECHNICAL_FIELD_CODE, TechnicalFieldType } from '../../technical-fields/index.js';
import { HumanName } from '../../common/validation.js';
import { Connection, ConnectionArgs } from '../../common/pagination/connection.js';

@ObjectType('ExpertProfile', { description: "A reviewer of the platform's expert pool." })
export class ExpertProfileType {
  @Field(() => ID, { description: "The expert's user id." })
  userId: string;

  @Field({ description: "The expert's display name." })
  displayName: string;

  @Field({ description: 'Where the expert works.' })
  affiliationName: string;

  @Field(() => String, {
    description: 'Credit code of the affiliation; null when not given.',
    nullable: true,
  })
  affiliationCreditCode: string | null;

  @Field({ description: 'Short biography.' })
  bio: string;

  @Field(() => [TechnicalFieldType], { description: 'Technical fields of expertise.' })
  fields: TechnicalFieldType[];

  @Field({ description: 'False once the expert role is revoked.' })
  active: boolean;

  @Field({ description: 'When the expert role was granted.' })
  grantedAt: Date;

  @Field(() => Date, { description: 'When it was revoked; null while active.', nullable: true })
  revokedAt: Date | null;
}

/** The fields of the mutations that change one expert's profile; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class ExpertProfilePayload {
  @Field(() => ExpertProfileType, { description: 'The expert profile as it now is.' })
  expert: ExpertProfileType;
}

@ObjectType({ description: 'The result of grantExpertRole: the granted or updated profile.' })
export class GrantExpertRolePayload extends ExpertProfilePayload {}

@ObjectType({ description: 'The result of revokeExpertRole: the revoked profile.' })
export class RevokeExpertRolePayload extends ExpertProfilePayload {}

@InputType({ description: 'Adds a user to the expert pool (platform admins).' })
export class GrantExpertRoleInput {
  @Field(() => ID, { description: 'The user made an expert.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @Field(() => [String], { description: 'Fields of expertise: technical field codes, 1 to 10.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  fieldCodes: string[];

  @Field({ description: 'Where the expert works (for conflict-of-interest checks).' })
  @HumanName()
  @IsString()
  @Length(2, 200)
  affiliationName: string;

  @Field({ nullable: true, description: 'The affiliation’s credit code, when it has one.' })
  @IsOptional()
  @Transform(toCreditCode)
  @IsCreditCode()
  affiliationCreditCode?: string;

  @Field({ description: 'Short biography.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, { message: 'bio must not contain control characters' })
  bio?: string;
}

@InputType({ description: 'Removes a user from the expert pool (platform admins).' })
export class RevokeExpertRoleInput {
  @Field(() => ID, { description: 'The expert.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @Field({ description: '3 to 500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}

@ObjectType('PoolExpert', {
  description:
    'An expert of the pool as an issuer sees it when choosing reviewers: no contact details, no biography.',
})
export class PoolExpertType {
  @Field(() => ID, { description: "The expert's user id (what assignReviewers takes)." })
  userId: string;

  @Field({ description: "The expert's display name." })
  displayName: string;

  @Field({ description: 'Where the expert works (for conflict-of-interest checks).' })
  affiliationName: string;

  @Field(() => [TechnicalFieldType], {
    description: 'Technical fields of expertise, ordered by code.',
  })
  fields: TechnicalFieldType[];

  @Field({
    description: 'False once the expert role is revoked (a revoked expert cannot be assigned).',
  })
  active: boolean;
}

@ObjectType({ description: 'A page of the expert pool.' })
export class PoolExpertConnection extends Connection(PoolExpertType, 'PoolExpert') {}

@InputType({ description: 'Narrows the expert pool.' })
export class ExpertFilterInput {
  @Field(() => [String], {
    nullable: true,
    description:
      'Experts with at least one of these technical fields or of their sub-fields (1 to 10 codes).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(TECHNICAL_FIELD_CODE, { each: true, message: 'must be technical field codes' })
  technicalFieldCodes?: string[];

  @Field({
    nullable: true,
    description: 'Part of the display name or of the affiliation (1 to 100 characters).',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  search?: string;

  @Field({
    nullable: true,
    description:
      'True: also revoked experts (marked active: false). Only active experts when omitted.',
  })
  @IsOptional()
  @IsBoolean()
  includeRevoked?: boolean;
}

@ArgsType()
export class ExpertsArgs extends ConnectionArgs {
  @Field(() => ExpertFilterInput, {
    nullable: true,
    description: 'Narrows the list; every active expert when omitted.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExpertFilterInput)
  filter?: ExpertFilterInput;
}
