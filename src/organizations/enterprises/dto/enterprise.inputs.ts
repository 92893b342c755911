import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CreateOrganizationFields,
  UpdateOrganizationFields,
} from '../../dto/organization-profile.inputs.js';
import { NO_CONTROL_CHARS_MULTILINE } from '../../../common/validators.js';
import { INDUSTRY_SECTION_CODES } from '../../regions.js';
import { OpenResourceType } from '../enterprise.entity.js';
import { HumanName } from '../../../common/validation.js';

@InputType({ description: 'A resource the enterprise offers SMEs.' })
export class OpenResourceInput {
  @Field(() => OpenResourceType, { description: 'Kind of resource.' })
  @IsEnum(OpenResourceType)
  type: OpenResourceType;

  @Field({ description: '2 to 200 characters.' })
  @HumanName({ normalize: false })
  @IsString()
  @Length(2, 200)
  title: string;

  @Field({ nullable: true, description: 'Up to 2000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(NO_CONTROL_CHARS_MULTILINE, {
    message: 'description must not contain control characters',
  })
  description?: string;
}

const toUpper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

@InputType({ description: 'A new enterprise; the caller becomes its owner.' })
export class CreateEnterpriseInput extends CreateOrganizationFields {
  @Field({ description: 'GB/T 4754-2017 section letter, A to T (C = manufacturing).' })
  @Transform(toUpper)
  @IsIn(INDUSTRY_SECTION_CODES, {
    message: 'industryCode must be a GB/T 4754 section letter from A to T',
  })
  industryCode: string;

  @Field({
    description: 'True for an enterprise that leads an industrial chain.',
    nullable: true,
    defaultValue: false,
  })
  @IsOptional()
  @IsBoolean()
  isChainLeader?: boolean;

  @Field(() => [OpenResourceInput], {
    description: 'Resources the enterprise offers SMEs.',
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OpenResourceInput)
  openResources?: OpenResourceInput[];
}

@InputType({ description: "Changes the caller's enterprise; omitted fields stay as they are." })
export class UpdateEnterpriseInput extends UpdateOrganizationFields {
  @Field(() => ID, { description: 'The enterprise.' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @Field({ description: 'GB/T 4754 section letter.', nullable: true })
  @IsOptional()
  @Transform(toUpper)
  @IsIn(INDUSTRY_SECTION_CODES, {
    message: 'industryCode must be a GB/T 4754 section letter from A to T',
  })
  industryCode?: string;

  @Field({ description: 'True for an enterprise that leads an industrial chain.', nullable: true })
  @IsOptional()
  @IsBoolean()
  isChainLeader?: boolean;

  @Field(() => [OpenResourceInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OpenResourceInput)
  openResources?: OpenResourceInput[];
}
