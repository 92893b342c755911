import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { SIGNED_TOKEN_MAX_LENGTH } from '../../common/signed-token.js';

@InputType({ description: 'The token of an unsubscribe link.' })
export class UnsubscribeEmailInput {
  @Field({ description: 'The `token` parameter of the mail’s unsubscribe link.' })
  @IsString()
  @MaxLength(SIGNED_TOKEN_MAX_LENGTH)
  token: string;
}

@ObjectType({ description: 'The result of unsubscribeEmail.' })
export class UnsubscribeEmailPayload {
  @Field({ description: 'The kind of e-mail the recipient no longer receives.' })
  kind: string;
}
