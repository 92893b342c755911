import { Mutation, Resolver } from '@nestjs/graphql';
import { Access, AccessRule, CurrentActor } from '../common/auth/access.decorator.js';
import type { Actor } from '../common/auth/actor.js';
import { ClientIp, RateBudget } from '../rate-limit/index.js';
import { AuthService } from './auth.service.js';
import {
  ChangePasswordInput,
  LoginInput,
  RefreshTokenInput,
  RegisterInput,
} from './dto/auth.inputs.js';
import {
  ChangePasswordPayload,
  LoginPayload,
  LogoutPayload,
  RefreshTokenPayload,
  RegisterPayload,
} from './dto/auth.types.js';
import { MutationInput } from '../common/graphql/mutation-input.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

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
}
