import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { UnauthenticatedError } from '../common/errors.js';
import { isUuid } from '../common/uuid.js';
import type { Actor } from '../common/auth/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AccessTokenClaims, AuthService } from './auth.service.js';

/**
 * The token of `Authorization: Bearer <token>` (the scheme in any case, RFC 7235), and nothing else: the
 * lenient extractor of passport-jwt also accepted a header with more after the token.
 */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
function bearerToken(req: { headers?: Record<string, unknown> }): string | null {
  const header = req.headers?.authorization;
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: bearerToken,
      // A KeyObject, not the string: given a string, jsonwebtoken first tries createPublicKey() on it
      // at every verification and fails, which cost ~10% of the service's CPU under load in our
      // benchmark (auth0/node-jsonwebtoken#1046). passport-jwt hands the key to jsonwebtoken as is;
      // its typings only name string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  async validate(
    req: { id?: unknown },
    claims: AccessTokenClaims & { exp?: unknown },
  ): Promise<Actor | false> {
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    if (typeof claims?.exp !== 'number')
      throw new UnauthenticatedError('INVALID_TOKEN', 'The access token is not valid');
    // Checked here rather than left to the database to refuse (22P02): only a failure to authenticate is an
    // authentication error, and any other error of the session check is answered as such (AccessGuard).
    if (!isUuid(claims?.sub) || !isUuid(claims?.sid)) {
      throw new UnauthenticatedError('INVALID_TOKEN', 'The access token is not valid');
    }
    return (
      (await this.auth.resolveActor(claims, typeof req?.id === 'string' ? req.id : undefined)) ??
      false
    );
  }
}
