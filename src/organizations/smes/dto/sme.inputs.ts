import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CreateOrganizationFields,
  UpdateOrganizationFields,
} from '../../dto/organization-profile.inputs.js';
import { NO_CONTROL_CHARS, NO_CONTROL_CHARS_MULTILINE, trim } from '../../../common/validators.js';
import { SmeQualification, SmeSizeClass } from '../sme.entity.js';
import { LocalDateScalar } from '../../../common/graphql/local-date.scalar.js';
import { CAPABILITY_LIMITS as L } from '../capabilities.js';
import {
  SmePastProjectInput,
  SmeProductInput,
  SmeTechnicalRouteInput,
} from './sme-capability.inputs.js';

const MAX_FIELDS = 20;

@InputType({ description: 'A new SME; the caller becomes its owner.' })
export class CreateSmeInput extends CreateOrganizationFields {
  @Field(() => SmeSizeClass, { description: 'Size class of the SME.' })
  @IsEnum(SmeSizeClass)
  sizeClass: SmeSizeClass;

  @Field(() => SmeQualification, {
    description: 'Declared 专精特新 qualification; counts once verified.',
    nullable: true,
    defaultValue: SmeQualification.NONE,
  })
  @IsOptional()
  @IsEnum(SmeQualification)
  qualification?: SmeQualification;

  @Field({ nullable: true, description: 'Required with a qualification other than NONE.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(3, 100)
  @Matches(NO_CONTROL_CHARS, { message: 'certificateNumber must not contain control characters' })
  certificateNumber?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'YYYY-MM-DD; required with a qualification.',
  })
  @IsOptional()
  qualificationValidFrom?: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'YYYY-MM-DD, not before validFrom and not in the past; required with a qualification.',
  })
  @IsOptional()
  qualificationValidUntil?: string;

  @Field(() => [String], {
    nullable: true,
    description: `Codes from technicalFields, up to ${MAX_FIELDS}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIELDS)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  technicalFieldCodes?: string[];

  @Field({
    nullable: true,
    description: 'What the SME can do, Chinese and/or English; up to 10000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'capabilityStatement must not contain control characters',
  })
  capabilityStatement?: string;

  @Field(() => Int, { description: 'Year the company was founded.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  foundingYear?: number;

  @Field(() => Int, { description: 'Number of employees.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  employees?: number;
}

@InputType({ description: "Changes the caller's SME; omitted fields stay as they are." })
export class UpdateSmeInput extends UpdateOrganizationFields {
  @Field(() => ID, { description: 'The SME.' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field(() => SmeSizeClass, { description: 'Size class.', nullable: true })
  @IsOptional()
  @IsEnum(SmeSizeClass)
  sizeClass?: SmeSizeClass;

  @Field(() => SmeQualification, {
    description: 'Declared 专精特新 qualification; counts once verified.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(SmeQualification)
  qualification?: SmeQualification;

  @Field({ description: 'Number of the qualification certificate.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(3, 100)
  @Matches(NO_CONTROL_CHARS, { message: 'certificateNumber must not contain control characters' })
  certificateNumber?: string;

  @Field(() => LocalDateScalar, {
    description: 'First day the certificate is valid (YYYY-MM-DD).',
    nullable: true,
  })
  @IsOptional()
  qualificationValidFrom?: string;

  @Field(() => LocalDateScalar, {
    description: 'Last day the certificate is valid (YYYY-MM-DD).',
    nullable: true,
  })
  @IsOptional()
  qualificationValidUntil?: string;

  @Field(() => [String], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIELDS)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  technicalFieldCodes?: string[];

  @Field({ description: 'What the SME can do, used for matching.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'capabilityStatement must not contain control characters',
  })
  capabilityStatement?: string;

  @Field(() => Int, { description: 'Year the company was founded.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  foundingYear?: number;

  @Field(() => Int, { description: 'Number of employees.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  employees?: number;

  @Field(() => [String], {
    description: `Replaces the keywords: Chinese and/or English, each 1 to ${L.keywordLength} characters (trimmed), up to ${L.keywords}; repeats ignoring case are dropped.`,
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.keywords)
  @IsString({ each: true })
  keywords?: string[];

  @Field(() => [SmeProductInput], {
    description: `Replaces the products, up to ${L.products}.`,
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.products)
  @ValidateNested({ each: true })
  @Type(() => SmeProductInput)
  products?: SmeProductInput[];

  @Field(() => [SmePastProjectInput], {
    description: `Replaces the past projects, up to ${L.pastProjects}.`,
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.pastProjects)
  @ValidateNested({ each: true })
  @Type(() => SmePastProjectInput)
  pastProjects?: SmePastProjectInput[];

  @Field(() => [SmeTechnicalRouteInput], {
    description: `Replaces the technical routes, up to ${L.technicalRoutes}.`,
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.technicalRoutes)
  @ValidateNested({ each: true })
  @Type(() => SmeTechnicalRouteInput)
  technicalRoutes?: SmeTechnicalRouteInput[];
}
