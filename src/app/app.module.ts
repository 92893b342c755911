import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AllExceptionsFilter } from '../common/graphql/exception.filter.js';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule, AuditQueriesModule } from '../audit/index.js';
import { AuthModule } from '../auth/index.js';
import { ChallengesModule } from '../challenges/index.js';
import { graphqlOptions } from '../common/graphql/graphql-options.js';
import { createValidationPipe } from '../common/validation.js';
import type { AppConfig } from '../config/app-config.js';
import { AppConfigModule } from '../config/config.module.js';
import { typeormOptions } from './database/typeorm-options.js';
import { ErrorCatalogueModule } from './error-catalogue.resolver.js';
import { HealthModule } from '../health/index.js';
import { ProposalsModule } from '../proposals/index.js';
import { UsersModule } from '../users/index.js';
import { OrganizationsModule } from '../organizations/index.js';
import { TechnicalFieldsModule } from '../technical-fields/index.js';
import { AllianceModule } from '../alliance/index.js';
import { ExpertsModule } from '../experts/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { MailModule } from '../mail/index.js';
import {
  LiveEventsService,
  LiveSocketsService,
  RealtimeModule,
  wakeAfterMutationsPlugin,
} from '../realtime/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { JobsModule } from '../jobs/index.js';

/** The product's modules, in the order Nest initialises them (also what `npm run schema:print` reads). */
export const DOMAIN_MODULES = [
  HealthModule,
  AuditModule,
  MailModule,
  JobsModule,
  AuthModule,
  UsersModule,
  TechnicalFieldsModule,
  OrganizationsModule,
  AllianceModule,
  ExpertsModule,
  AuditQueriesModule,
  NotificationsModule,
  ChallengesModule,
  ProposalsModule,
  MatchmakingModule,
  RealtimeModule,
  ErrorCatalogueModule,
];

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Where to write the generated schema (relative to the working folder), or false for none. */
  schemaFile: string | false;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, schemaFile }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        // Request logs come from Fastify's own pino logger (with the request id); Nest's logs join it.
        LoggerModule.forRoot({ useExisting: true, pinoHttp: { level: config.logLevel } }),
        TypeOrmModule.forRoot({
          ...typeormOptions({
            url: databaseUrl,
            poolSize: config.database.poolSize,
            connectionTimeoutMs: config.database.connectionTimeoutMs,
            statementTimeoutMs: config.database.statementTimeoutMs,
            queryTimeoutMs: config.database.queryTimeoutMs,
            countStatements: config.benchSqlCount,
          }),
          // Fail at boot rather than retrying for minutes; the pool reconnects by itself afterwards.
          retryAttempts: 1,
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RealtimeModule],
          inject: [LiveSocketsService, LiveEventsService],
          useFactory: (sockets: LiveSocketsService, events: LiveEventsService) => {
            const options = graphqlOptions(config, schemaFile);
            return {
              ...options,
              plugins: [...(options.plugins ?? []), wakeAfterMutationsPlugin(events)],
              // Subscriptions over graphql-ws on the same path (src/realtime). Nest's type names a few of
              // graphql-ws's options; its GqlSubscriptionService hands all of them to useServer.
              subscriptions: {
                'graphql-ws': sockets.options(
                  options.validationRules ?? [],
                  options.formatError as never,
                ) as never,
              },
            };
          },
        }),
        ...DOMAIN_MODULES,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
