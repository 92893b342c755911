import { Field, InputType, Int } from '@nestjs/graphql';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { BilingualLabelText, HumanName } from '../../../common/validation.js';
import { NO_CONTROL_CHARS_MULTILINE } from '../../../common/validators.js';
import { INDUSTRY_SECTION_CODES } from '../../regions.js';
import { CAPABILITY_LIMITS as L, currentYearInChina } from '../capabilities.js';

/** Not after this year in China, read when the input is checked (not when the server started). */
function NotAfterThisYear(): PropertyDecorator {
  return ValidateBy({
    name: 'notAfterThisYear',
    validator: {
      validate: (value: unknown) => typeof value !== 'number' || value <= currentYearInChina(),
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must not be after ${currentYearInChina()}`,
    },
  });
}

@InputType({ description: 'A product the SME offers.' })
export class SmeProductInput {
  @Field({ description: `Name of the product, 1 to ${L.productName} characters.` })
  @HumanName({ normalize: false })
  @IsString()
  @Length(1, L.productName)
  name: string;

  @Field({
    description: `What it is and does, up to ${L.productDescription} characters; empty when omitted.`,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.productDescription)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'description must not contain control characters',
  })
  description?: string;
}

@InputType({ description: 'A project the SME has delivered.' })
export class SmePastProjectInput {
  @Field({ description: `Title of the project, 1 to ${L.projectTitle} characters.` })
  @HumanName({ normalize: false })
  @IsString()
  @Length(1, L.projectTitle)
  title: string;

  @Field(() => Int, {
    description: `Year it was delivered, from ${L.firstProjectYear} to the current year.`,
  })
  @IsInt()
  @Min(L.firstProjectYear)
  @NotAfterThisYear()
  year: number;

  @Field({
    description:
      "GB/T 4754-2017 section letter (A to T) of the client's industry, as challenges use.",
  })
  @IsIn(INDUSTRY_SECTION_CODES, {
    message: 'clientIndustryCode must be a GB/T 4754 section letter A to T',
  })
  clientIndustryCode: string;

  @Field({
    description: `What came of it, up to ${L.projectOutcome} characters; empty when omitted.`,
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.projectOutcome)
  @Matches(NO_CONTROL_CHARS_MULTILINE, { message: 'outcome must not contain control characters' })
  outcome?: string;
}

@InputType({ description: 'A technical route, labelled in Chinese and/or English (at least one).' })
export class SmeTechnicalRouteInput {
  @Field(() => String, {
    description: `Chinese label, up to ${L.routeLabel} characters.`,
    nullable: true,
  })
  @BilingualLabelText(L.routeLabel)
  zh?: string | null;

  @Field(() => String, {
    description: `English label, up to ${L.routeLabel} characters.`,
    nullable: true,
  })
  @BilingualLabelText(L.routeLabel)
  en?: string | null;
}
