import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AccessRegistry } from '../common/auth/access-registry.js';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from '../common/auth/access.guard.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { MailModule } from '../mail/index.js';
import { RateLimitModule } from '../rate-limit/index.js';
import { AccountEmailService } from './account-email.service.js';
import { AuthResolver } from './auth.resolver.js';
import { AuthService } from './auth.service.js';
import { JwtStrategy } from './jwt.strategy.js';

@Module({
  imports: [
    DiscoveryModule,
    PassportModule,
    RateLimitModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject spares jsonwebtoken a failed createPublicKey() per call (see jwt.strategy.ts).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    AuthService,
    AccountEmailService,
    AuthResolver,
    JwtStrategy,
    AccessRegistry,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, AccessRegistry],
})
export class AuthModule {}
