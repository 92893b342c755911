import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PROVINCE_CODES } from '../regions.js';
import {
  IsCreditCode,
  NO_CONTROL_CHARS_MULTILINE,
  toCreditCode,
  trim,
} from '../../common/validators.js';
import { HumanName } from '../../common/validation.js';

const normaliseEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** The fields enterprises and SMEs share, when creating one. */
@InputType({ isAbstract: true })
export abstract class CreateOrganizationFields {
  @Field({ description: 'Chinese name, 2 to 200 characters.' })
  @HumanName()
  @IsString()
  @Length(2, 200)
  nameZh: string;

  @Field({ nullable: true, description: 'English name, up to 200 characters.' })
  @IsOptional()
  @HumanName()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @Field({
    description: '统一社会信用代码: 18 characters with a valid GB 32100-2015 check character.',
  })
  @Transform(toCreditCode)
  @IsCreditCode()
  creditCode: string;

  @Field({ description: 'Province-level division code (GB/T 2260), e.g. 370000.' })
  @IsIn(PROVINCE_CODES, {
    message: 'regionCode must be a province-level division code such as 310000',
  })
  regionCode: string;

  @Field({ nullable: true, description: 'Up to 5000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'description must not contain control characters',
  })
  description?: string;

  @Field({
    nullable: true,
    description: 'Private: seen only by the organisation and platform admins.',
  })
  @IsOptional()
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string;

  @Field({
    nullable: true,
    description: 'Private: seen only by the organisation and platform admins.',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9 -]{4,38}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
}

/** The shared fields when updating; the credit code cannot change (it is the organisation's identity). */
@InputType({ isAbstract: true })
export abstract class UpdateOrganizationFields {
  @Field({ description: 'Chinese name.', nullable: true })
  @IsOptional()
  @HumanName()
  @IsString()
  @Length(2, 200)
  nameZh?: string;

  @Field({ description: 'English name.', nullable: true })
  @IsOptional()
  @HumanName()
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @Field({ description: 'GB/T 2260 region code.', nullable: true })
  @IsOptional()
  @IsIn(PROVINCE_CODES, {
    message: 'regionCode must be a province-level division code such as 310000',
  })
  regionCode?: string;

  @Field({ description: 'What the organisation does.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'description must not contain control characters',
  })
  description?: string;

  @Field({ description: 'Contact e-mail address.', nullable: true })
  @IsOptional()
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @MaxLength(254)
  contactEmail?: string;

  @Field({ description: 'Contact phone number.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\+?[0-9][0-9 -]{4,38}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
}
