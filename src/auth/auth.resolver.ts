import { Mutation, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ClientIp, RateBudget } from '../rate-limit/index.js';
import { AccountEmailService } from './account-email.service.js';
import { AuthService } from './auth.service.js';
import {
  ChangePasswordInput,
  LoginInput,
  RefreshTokenInput,
  RegisterInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  VerifyEmailInput,
} from './dto/auth.inputs.js';
import {
  ChangePasswordPayload,
  LoginPayload,
  LogoutPayload,
  RefreshTokenPayload,
  RegisterPayload,
  RequestEmailVerificationPayload,
  RequestPasswordResetPayload,
  ResetPasswordPayload,
  VerifyEmailPayload,
} from './dto/auth.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly accountEmail: AccountEmailService,
  ) {}

  @Mutation(() => RegisterPayload, {
    description: 'Creates an account. Platform roles are never granted here.',
  })
  @Access(AccessRule.PUBLIC)
  @RateBudget('register')
  register(@MutationInput() input: RegisterInput): Promise<RegisterPayload> {
    return this.auth.register(input);
  }

  @Mutation(() => LoginPayload, {
    description: 'Signs in: a short-lived access token and a single-use refresh token.',
  })
  @Access(AccessRule.PUBLIC)
  @RateBudget('login')
  login(@MutationInput() input: LoginInput, @ClientIp() clientIp: string): Promise<LoginPayload> {
    return this.auth.login(input, clientIp);
  }

  @Mutation(() => RefreshTokenPayload, {
    description: 'Exchanges a refresh token for a new pair (rotation).',
  })
  @Access(AccessRule.PUBLIC)
  @RateBudget('refresh')
  refreshToken(@MutationInput() input: RefreshTokenInput): Promise<RefreshTokenPayload> {
    return this.auth.refresh(input.refreshToken);
  }

  @Mutation(() => LogoutPayload, {
    description: 'Ends the current session; its tokens stop working at once.',
  })
  @Access(AccessRule.AUTHENTICATED)
  logout(@CurrentActor() actor: Actor): Promise<LogoutPayload> {
    return this.auth.logout(actor);
  }

  @Mutation(() => ChangePasswordPayload, {
    description: 'Changes the password and ends every other session.',
  })
  @Access(AccessRule.AUTHENTICATED)
  changePassword(
    @CurrentActor() actor: Actor,
    @MutationInput() input: ChangePasswordInput,
  ): Promise<ChangePasswordPayload> {
    return this.auth.changePassword(actor, input);
  }

  @Mutation(() => VerifyEmailPayload, {
    description: "Verifies the account's e-mail address with the token of the verification mail.",
  })
  @Access(AccessRule.PUBLIC)
  verifyEmail(@MutationInput() input: VerifyEmailInput): Promise<VerifyEmailPayload> {
    return this.accountEmail.verifyEmail(input.token);
  }

  @Mutation(() => RequestEmailVerificationPayload, {
    description: "Mails a new verification link to the signed-in user's unverified address.",
  })
  @Access(AccessRule.AUTHENTICATED)
  @RateBudget('mail')
  requestEmailVerification(@CurrentActor() actor: Actor): Promise<RequestEmailVerificationPayload> {
    return this.accountEmail.requestVerification(actor);
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'Mails a password reset link when the address belongs to an account; answers the same either way.',
  })
  @Access(AccessRule.PUBLIC)
  @RateBudget('mail')
  requestPasswordReset(
    @MutationInput() input: RequestPasswordResetInput,
  ): Promise<RequestPasswordResetPayload> {
    return this.accountEmail.requestPasswordReset(input.email);
  }

  @Mutation(() => ResetPasswordPayload, {
    description: 'Sets a new password with the token of a reset mail and ends every session.',
  })
  @Access(AccessRule.PUBLIC)
  @RateBudget('mail')
  resetPassword(@MutationInput() input: ResetPasswordInput): Promise<ResetPasswordPayload> {
    return this.accountEmail.resetPassword(input.token, input.newPassword);
  }
}
