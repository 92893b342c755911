import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../common/validators.js';
import { TECHNICAL_FIELD_CODE } from '../technical-field-codes.js';
import { HumanName } from '../../common/validation.js';

@InputType({ description: 'A new entry of the technical-field taxonomy (platform admins).' })
export class AddTechnicalFieldInput {
  @Field({
    description:
      'UPPER_SNAKE words joined by dots; a child starts with its parent code: NEW_ENERGY.STORAGE.',
  })
  @Transform(trim)
  @IsString()
  @Matches(TECHNICAL_FIELD_CODE, {
    message: 'code must be UPPER_SNAKE words joined by dots, e.g. NEW_ENERGY.STORAGE',
  })
  code: string;

  @Field({ description: 'Chinese name.' })
  @HumanName()
  @IsString()
  @Length(1, 100)
  nameZh: string;

  @Field({ description: 'English name.' })
  @HumanName()
  @IsString()
  @Length(1, 100)
  nameEn: string;
}
