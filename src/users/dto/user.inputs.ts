import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.js';
import { UserStatus } from '../user.entity.js';
import { trim } from '../../common/transforms.js';

@InputType({ description: "A platform admin's decision on a user account." })
export class UserDecisionInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @Field({ description: 'Why, for the audit trail (3 to 500 characters).' })
  @Transform(trim)
  @IsString()
  @Length(3, 500)
  reason: string;
}

@InputType({ description: 'Filters the user list.' })
export class UserFilterInput {
  @Field(() => UserStatus, { description: 'Only users with this status.', nullable: true })
  @IsOptional()
  @IsEnum(UserStatus)
  status?: UserStatus;

  @Field({ nullable: true, description: 'Part of the e-mail address or display name.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class UsersArgs extends ConnectionArgs {
  @Field(() => UserFilterInput, {
    description: 'Narrows the list; every user when omitted.',
    nullable: true,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilterInput)
  filter?: UserFilterInput;
}
