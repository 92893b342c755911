import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { Strategy } from 'passport-jwt';
import { UnauthenticatedError } from '../common/errors.js';
import type { Actor } from '../common/auth/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AccessTokenClaims, AuthService, validAccessClaims } from './auth.service.js';

/**
 * The token of `Authorization: Bearer <token>` (the scheme in any case, RFC 7235), and nothing else: the
 * lenient extractor of passport-jwt also accepted a header with more after the token.
 */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
/** The token of an Authorization value (a request's header, a socket's connection_init), or null. */
export function tokenOfAuthorization(header: unknown): string | null {
  return typeof header === 'string' ? (BEARER.exec(header)?.[1] ?? null) : null;
}
function bearerToken(req: { headers?: Record<string, unknown> }): string | null {
  return tokenOfAuthorization(req.headers?.authorization);
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
    if (!validAccessClaims(claims))
      throw new UnauthenticatedError('INVALID_TOKEN', 'The access token is not valid');
    return (
      (await this.auth.resolveActor(claims, typeof req?.id === 'string' ? req.id : undefined)) ??
      false
    );
  }
}
