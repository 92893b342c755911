import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserType } from '../../users/index.js';

/** The fields of the mutations that start or renew a session; each has its own payload type. */
@ObjectType({ isAbstract: true })
export abstract class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field({ description: 'When the access token stops being accepted.' })
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: exchange it with refreshToken for a new pair.' })
  refreshToken: string;

  @Field({ description: 'When the refresh token stops being accepted.' })
  refreshTokenExpiresAt: Date;

  @Field(() => UserType, { description: 'The signed-in user.' })
  user: UserType;
}

@ObjectType({ description: 'The result of login: a new session.' })
export class LoginPayload extends AuthPayload {}

@ObjectType({ description: 'The result of refreshToken: the renewed pair of tokens.' })
export class RefreshTokenPayload extends AuthPayload {}

@ObjectType({ description: 'The account created.' })
export class RegisterPayload {
  @Field(() => UserType, { description: 'The new user.' })
  user: UserType;
}

@ObjectType({ description: 'The result of signing out.' })
export class LogoutPayload {
  @Field({ description: 'True when the session was ended by this call.' })
  ok: boolean;
}

@ObjectType({ description: 'The result of a password change.' })
export class ChangePasswordPayload {
  @Field({ description: 'True when the password was changed.' })
  ok: boolean;

  @Field(() => Int, { description: 'How many other sessions were ended.' })
  endedSessions: number;
}

@ObjectType({ description: 'The result of verifyEmail.' })
export class VerifyEmailPayload {
  @Field({ description: 'True: the address is verified.' })
  ok: boolean;
}

@ObjectType({ description: 'The result of requestEmailVerification.' })
export class RequestEmailVerificationPayload {
  @Field({ description: 'True: a new verification link was mailed to the account’s address.' })
  ok: boolean;
}

@ObjectType({
  description:
    'The result of requestPasswordReset: the same whether or not the address has an account.',
})
export class RequestPasswordResetPayload {
  @Field({
    description:
      'Always true: when the address belongs to an active account with a verified address, a reset link is mailed to it.',
  })
  accepted: boolean;
}

@ObjectType({ description: 'The result of resetPassword.' })
export class ResetPasswordPayload {
  @Field({ description: 'True: the password was changed.' })
  ok: boolean;

  @Field(() => Int, { description: 'How many sessions were ended (all of the account’s).' })
  endedSessions: number;
}
