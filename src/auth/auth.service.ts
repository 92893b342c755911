import { isUuid } from '../common/uuid.js';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor.js';
import { ConflictError, UnauthenticatedError, UserInputError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  dummyPasswordHash,
  emailSkeleton,
  hashPassword,
  Locale,
  toUserType,
  UserEntity,
  UserStatus,
  verifyPassword,
} from '../users/index.js';
import {
  AuthPayload,
  ChangePasswordPayload,
  LogoutPayload,
  RegisterPayload,
} from './dto/auth.types.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './dto/auth.inputs.js';
import { uniqueViolation } from '../database/pg-errors.js';
import {
  findActiveActor,
  insertRefreshToken,
  insertSession,
  lockRefreshToken,
  markRefreshTokenUsed,
  revokeOtherSessions,
  revokeSessionForTokenReuse,
  revokeSessionOnLogout,
  updatePasswordHash,
} from './auth.queries.js';
import { sha256 } from '../common/crypto.js';
import { RateLimitService } from '../rate-limit/index.js';
import { AccountEmailService } from './account-email.service.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * What a verified access token must also carry: an `exp` (jsonwebtoken checks it only when present: a token
 * without one would never expire) and ids that are UUIDs (checked here rather than left to the database to
 * refuse with 22P02: only a failure to authenticate is an authentication error).
 */
export function validAccessClaims(claims: unknown): claims is AccessTokenClaims & { exp: number } {
  const c = claims as { exp?: unknown; sub?: unknown; sid?: unknown } | null;
  return typeof c?.exp === 'number' && isUuid(c.sub) && isUuid(c.sid);
}

const INVALID_CREDENTIALS = () =>
  new UnauthenticatedError('INVALID_CREDENTIALS', 'E-mail or password is not correct');

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
    private readonly accountEmail: AccountEmailService,
  ) {}

  /** Creates the account, then (after its commit) mails the verification link to its address. */
  async register(input: RegisterInput): Promise<RegisterPayload> {
    const passwordHash = await hashPassword(input.password);
    let user: UserEntity;
    try {
      user = await this.dataSource.getRepository(UserEntity).save({
        email: input.email,
        emailSkeleton: emailSkeleton(input.email),
        emailVerifiedAt: null,
        passwordHash,
        displayName: input.displayName,
        locale: input.locale ?? Locale.ZH_CN,
        platformRoles: [],
      });
    } catch (error) {
      if (uniqueViolation(error) !== null)
        throw new ConflictError('EMAIL_TAKEN', 'An account with this e-mail already exists');
      throw error;
    }
    // A mail that cannot be sent does not undo the account: it is logged, and requestEmailVerification sends another.
    await this.accountEmail.sendVerification(user);
    return { user: toUserType(user) };
  }

  /**
   * Unknown e-mail and wrong password get the same answer after the same work. Failures are counted per
   * (e-mail, client address) pair, per address and per account (RateLimitService): after LOGIN_MAX_FAILURES
   * consecutive failures the pair is locked for LOGIN_LOCK_SECONDS (RATE_LIMITED, TOO_MANY_ATTEMPTS), so a
   * stranger's failures lock the account only for the stranger's address, known account or not.
   */
  async login(input: LoginInput, clientIp: string): Promise<AuthPayload> {
    const attempt = await this.rateLimits.beginLogin(input.email, clientIp);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: input.email });
    const valid = await verifyPassword(
      user?.passwordHash ?? (await dummyPasswordHash()),
      input.password,
    );
    if (!user || !valid || user.status !== UserStatus.ACTIVE) {
      // A suspended account is answered like a wrong password, so its status is not disclosed.
      await attempt.failed();
      throw INVALID_CREDENTIALS();
    }
    const payload = await this.dataSource.transaction(async (manager) => {
      const sessionId = await insertSession(manager, user.id);
      return this.issueTokens(manager, user, sessionId);
    });
    await attempt.succeeded();
    return payload;
  }

  /** Rotates a refresh token. A token used twice means it was stolen: its whole session is ended. */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await lockRefreshToken(manager, sha256(refreshToken));
      if (!row || row.revokedAt)
        return {
          error: new UnauthenticatedError(
            'INVALID_REFRESH_TOKEN',
            'The refresh token is not valid',
          ),
        };
      if (row.usedAt) {
        await revokeSessionForTokenReuse(manager, row.sessionId);
        return {
          error: new UnauthenticatedError(
            'REFRESH_TOKEN_REUSED',
            'The refresh token was already used; the session has been ended',
          ),
        };
      }
      if (row.expired)
        return {
          error: new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token has expired'),
        };
      const user = await manager
        .getRepository(UserEntity)
        .findOneBy({ id: row.userId, status: UserStatus.ACTIVE });
      if (!user)
        return {
          error: new UnauthenticatedError(
            'INVALID_REFRESH_TOKEN',
            'The refresh token is not valid',
          ),
        };
      await markRefreshTokenUsed(manager, row.id);
      return { payload: await this.issueTokens(manager, user, row.sessionId) };
    });
    // The revocation above must commit, so the refusal is thrown only after the transaction.
    if (outcome.error) throw outcome.error;
    return outcome.payload as AuthPayload;
  }

  async logout(actor: Actor): Promise<LogoutPayload> {
    return { ok: await revokeSessionOnLogout(this.dataSource, actor.sessionId) };
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(actor: Actor, input: ChangePasswordInput): Promise<ChangePasswordPayload> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ id: actor.userId });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw UserInputError.field('currentPassword', 'is not correct');
    }
    if (input.currentPassword === input.newPassword) {
      throw UserInputError.field('newPassword', 'must differ from the current password');
    }
    const passwordHash = await hashPassword(input.newPassword);
    return this.dataSource.transaction(async (manager) => {
      await updatePasswordHash(manager, user.id, passwordHash);
      return {
        ok: true,
        endedSessions: await revokeOtherSessions(manager, user.id, actor.sessionId),
      };
    });
  }

  /**
   * The actor behind a valid access token, or null when its user or session is no longer active.
   * One SQL query: the user's organisation membership comes with it (LEFT JOIN).
   */
  /**
   * The actor of an access token given outside a request (a socket's connection_init), with when the token
   * expires: null when the token, its session or its user is not valid now. A failing database throws.
   */
  async actorOfToken(token: string): Promise<{ actor: Actor; expiresAt: number } | null> {
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (!validAccessClaims(claims)) return null;
    const actor = await this.resolveActor(claims);
    return actor ? { actor, expiresAt: claims.exp * 1000 } : null;
  }

  async resolveActor(claims: AccessTokenClaims, requestId?: string): Promise<Actor | null> {
    const row = await findActiveActor(this.dataSource, claims.sid, claims.sub);
    if (!row) return null;
    const actor: Actor = {
      userId: row.userId,
      sessionId: claims.sid,
      platformRoles: row.platformRoles,
      locale: row.locale,
    };
    if (row.organizationId && row.organizationRole && row.organizationKind) {
      actor.organization = {
        id: row.organizationId,
        kind: row.organizationKind,
        role: row.organizationRole,
      };
    }
    if (requestId) actor.requestId = requestId;
    return actor;
  }

  private async issueTokens(
    manager: EntityManager,
    user: UserEntity,
    sessionId: string,
  ): Promise<AuthPayload> {
    const { accessTtlSeconds, refreshTtlDays } = this.config.auth;
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = await insertRefreshToken(
      manager,
      sessionId,
      sha256(refreshToken),
      refreshTtlDays,
    );
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: accessTtlSeconds });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + accessTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt,
      user: toUserType(user),
    };
  }
}
