import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, ActorOrganization, PlatformRole } from '../common/auth/actor.js';
import { ConflictError, UnauthenticatedError, UserInputError } from '../common/errors.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Locale } from '../users/dto/user.types.js';
import { UserEntity, UserStatus } from '../users/user.entity.js';
import { toUserType } from '../users/user.mapper.js';
import { AuthPayload, ChangePasswordPayload, LogoutPayload, RegisterPayload } from './dto/auth.types.js';
import { ChangePasswordInput, LoginInput, RegisterInput } from './dto/auth.inputs.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher.js';
import { uniqueViolation } from '../database/pg-errors.js';
import { preparedQuery } from '../database/prepared-query.js';
import { sha256 } from '../common/crypto.js';
import { RateLimitService } from '../rate-limit/rate-limit.service.js';
import { emailSkeleton } from '../users/email-identity.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const INVALID_CREDENTIALS = () => new UnauthenticatedError('INVALID_CREDENTIALS', 'E-mail or password is not correct');


@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimits: RateLimitService,
  ) {}

  async register(input: RegisterInput): Promise<RegisterPayload> {
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.dataSource.getRepository(UserEntity).save({
        email: input.email,
        emailSkeleton: emailSkeleton(input.email),
        passwordHash,
        displayName: input.displayName,
        locale: input.locale ?? Locale.ZH_CN,
        platformRoles: [],
      });
      return { user: toUserType(user) };
    } catch (error) {
      if (uniqueViolation(error) !== null) throw new ConflictError('EMAIL_TAKEN', 'An account with this e-mail already exists');
      throw error;
    }
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
    const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
    if (!user || !valid || user.status !== UserStatus.ACTIVE) {
      // A suspended account is answered like a wrong password, so its status is not disclosed.
      await attempt.failed();
      throw INVALID_CREDENTIALS();
    }
    const payload = await this.dataSource.transaction(async (manager) => {
      const [session] = (await manager.query(
        `INSERT INTO auth_sessions (user_id) VALUES ($1) RETURNING id`,
        [user.id],
      )) as { id: string }[];
      return this.issueTokens(manager, user, session.id);
    });
    await attempt.succeeded();
    return payload;
  }

  /** Rotates a refresh token. A token used twice means it was stolen: its whole session is ended. */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT t.id, t.session_id, t.used_at, t.expires_at <= now() AS expired, s.revoked_at, s.user_id
           FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
        [sha256(refreshToken)],
      )) as { id: string; session_id: string; used_at: Date | null; expired: boolean; revoked_at: Date | null; user_id: string }[];
      if (!row || row.revoked_at) return { error: new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid') };
      if (row.used_at) {
        await manager.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'REFRESH_TOKEN_REUSE' WHERE id = $1`,
          [row.session_id],
        );
        return {
          error: new UnauthenticatedError('REFRESH_TOKEN_REUSED', 'The refresh token was already used; the session has been ended'),
        };
      }
      if (row.expired) return { error: new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token has expired') };
      const user = await manager.getRepository(UserEntity).findOneBy({ id: row.user_id, status: UserStatus.ACTIVE });
      if (!user) return { error: new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid') };
      await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
      return { payload: await this.issueTokens(manager, user, row.session_id) };
    });
    // The revocation above must commit, so the refusal is thrown only after the transaction.
    if (outcome.error) throw outcome.error;
    return outcome.payload as AuthPayload;
  }

  async logout(actor: Actor): Promise<LogoutPayload> {
    const [rows] = (await this.dataSource.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'LOGOUT' WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [actor.sessionId],
    )) as [unknown[], number];
    return { ok: rows.length === 1 };
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(actor: Actor, input: ChangePasswordInput): Promise<ChangePasswordPayload> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw UserInputError.field('currentPassword', 'is not correct');
    }
    if (input.currentPassword === input.newPassword) {
      throw UserInputError.field('newPassword', 'must differ from the current password');
    }
    const passwordHash = await hashPassword(input.newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      const [ended] = (await manager.query(
        `UPDATE auth_sessions SET revoked_at = now(), revoke_reason = 'PASSWORD_CHANGED'
          WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id`,
        [user.id, actor.sessionId],
      )) as [unknown[], number];
      return { ok: true, endedSessions: ended.length };
    });
  }

  /**
   * The actor behind a valid access token, or null when its user or session is no longer active.
   * One SQL query: the user's organisation membership comes with it (LEFT JOIN).
   */
  async resolveActor(claims: AccessTokenClaims, requestId?: string): Promise<Actor | null> {
    const [row] = (await preparedQuery(
      this.dataSource,
      `SELECT u.id, u.platform_roles, m.organization_id, m.role AS organization_role, o.kind AS organization_kind
         FROM auth_sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN organization_members m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND u.status = 'ACTIVE'`,
      [claims.sid, claims.sub],
    )) as {
      id: string;
      platform_roles: PlatformRole[];
      organization_id: string | null;
      organization_role: ActorOrganization['role'] | null;
      organization_kind: ActorOrganization['kind'] | null;
    }[];
    if (!row) return null;
    const actor: Actor = { userId: row.id, sessionId: claims.sid, platformRoles: row.platform_roles };
    if (row.organization_id && row.organization_role && row.organization_kind) {
      actor.organization = { id: row.organization_id, kind: row.organization_kind, role: row.organization_role };
    }
    if (requestId) actor.requestId = requestId;
    return actor;
  }

  private async issueTokens(manager: EntityManager, user: UserEntity, sessionId: string): Promise<AuthPayload> {
    const { accessTtlSeconds, refreshTtlDays } = this.config.auth;
    const refreshToken = randomBytes(32).toString('base64url');
    const [token] = (await manager.query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at)
       VALUES ($1, $2, now() + make_interval(days => $3)) RETURNING expires_at`,
      [sessionId, sha256(refreshToken), refreshTtlDays],
    )) as { expires_at: Date }[];
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: accessTtlSeconds });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + accessTtlSeconds * 1000),
      refreshToken,
      refreshTokenExpiresAt: token.expires_at,
      user: toUserType(user),
    };
  }
}

