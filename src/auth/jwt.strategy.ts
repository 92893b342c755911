import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Actor } from '../common/auth/actor.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AccessTokenClaims, AuthService } from './auth.service.js';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
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

  async validate(req: { id?: unknown }, claims: AccessTokenClaims): Promise<Actor | false> {
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string') return false;
    return (await this.auth.resolveActor(claims, typeof req?.id === 'string' ? req.id : undefined)) ?? false;
  }
}
