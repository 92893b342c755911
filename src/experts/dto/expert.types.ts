import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  IsCreditCode,
  NO_CONTROL_CHARS_MULTILINE,
  toCreditCode,
  trim,
} from '../../common/validators.js';
import { TechnicalFieldType } from '../../technical-fields/index.js';
import { HumanName } from '../../common/validation.js';

@ObjectType('ExpertProfile')
export class ExpertProfileType {
  @Field(() => ID)
  userId: string;

  @Field()
  displayName: string;

  @Field()
  affiliationName: string;

  @Field(() => String, { nullable: true })
  affiliationCreditCode: string | null;

  @Field()
  bio: string;

  @Field(() => [TechnicalFieldType])
  fields: TechnicalFieldType[];

  @Field()
  active: boolean;

  @Field()
  grantedAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

/** The fields of the mutations that change one expert's profile; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class ExpertProfilePayload {
  @Field(() => ExpertProfileType, { description: 'The expert profile after the change.' })
  expert: ExpertProfileType;
}

@ObjectType({ description: 'The result of grantExpertRole: the granted or updated profile.' })
export class GrantExpertRolePayload extends ExpertProfilePayload {}

@ObjectType({ description: 'The result of revokeExpertRole: the revoked profile.' })
export class RevokeExpertRolePayload extends ExpertProfilePayload {}

@InputType()
export class GrantExpertRoleInput {
  @Field(() => ID)
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

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, { message: 'bio must not contain control characters' })
  bio?: string;
}

@InputType()
export class RevokeExpertRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @Field({ description: '3 to 500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}
