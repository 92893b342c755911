import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  DistinctEmail,
  Locale,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../users/index.js';
import { HumanName } from '../../common/validation.js';
import { SIGNED_TOKEN_MAX_LENGTH } from '../../common/signed-token.js';

@InputType({ description: 'A new user account.' })
export class RegisterInput {
  @Field({ description: 'E-mail address; it signs the user in.' })
  @Transform(normaliseEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  @DistinctEmail()
  email: string;

  @Field({ description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  password: string;

  @Field({ description: '1 to 100 characters.' })
  @HumanName()
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field(() => Locale, { nullable: true, description: 'zh-CN when omitted.' })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;
}

@InputType({ description: 'E-mail and password sign-in.' })
export class LoginInput {
  @Field({ description: "The account's e-mail address." })
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(254)
  email: string;

  @Field({ description: "The account's password." })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

@InputType({ description: 'Exchanges a refresh token for a new token pair.' })
export class RefreshTokenInput {
  @Field({ description: 'The refresh token (single use).' })
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

@InputType({ description: "Changes the caller's password; other sessions are ended." })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now.' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @Field({ description: 'The new password.' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `newPassword must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  newPassword: string;
}

@InputType({ description: 'The token of an e-mail address verification link.' })
export class VerifyEmailInput {
  @Field({ description: 'The token from the verification e-mail (single use).' })
  @IsString()
  @MaxLength(SIGNED_TOKEN_MAX_LENGTH)
  token: string;
}

@InputType({ description: 'Asks for a password reset link by e-mail.' })
export class RequestPasswordResetInput {
  @Field({ description: "The account's e-mail address." })
  @Transform(normaliseEmail)
  @IsString()
  @MaxLength(254)
  email: string;
}

@InputType({ description: 'Sets a new password with the token of a reset link.' })
export class ResetPasswordInput {
  @Field({ description: 'The token from the reset e-mail (single use, short-lived).' })
  @IsString()
  @MaxLength(SIGNED_TOKEN_MAX_LENGTH)
  token: string;

  @Field({ description: 'The new password.' })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `newPassword must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  newPassword: string;
}
