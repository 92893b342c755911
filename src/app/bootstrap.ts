import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { installGraphiql } from '../common/http/graphiql.js';
import { installAdmission } from '../common/http/load-shedding.js';
import { installRequestIdHeaders, requestIdOptions } from '../common/http/request-id.js';
import type { AppConfig } from '../config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { SQL_COUNT_REQUEST_HEADER, SqlCounter } from '../database/sql-counter.js';
import { installRateLimits } from '../rate-limit/index.js';

export interface CreateAppOptions {
  databaseUrl: string;
  schemaFile?: string | false;
  runMigrations?: boolean;
}

/** Builds the whole service (used by main.ts, the tests and the benchmark alike). */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimit,
    // The server generates the request id; a client's X-Request-Id is only a labelled correlation value.
    ...requestIdOptions(),
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
    return503OnClosing: true,
    // The client address (rate limits, logs): the socket's, or X-Forwarded-For only under TRUST_PROXY.
    trustProxy: config.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({
      config,
      databaseUrl: options.databaseUrl,
      schemaFile: options.schemaFile ?? false,
    }),
    adapter,
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  installAdmission(fastify, config.http.maxRequestsInFlight);
  installRequestIdHeaders(fastify);
  // GraphiQL from the service's own development dependencies; no such routes in production.
  if (!config.isProduction) installGraphiql(fastify);
  if (config.benchSqlCount) {
    // Only the requests that ask (x-count-sql: 1): counting keeps an AsyncLocalStorage context through the
    // request, which costs several percent of the service's CPU, and the benchmark samples one request in ten.
    fastify.addHook('onRequest', (req, _reply, done) =>
      req.headers[SQL_COUNT_REQUEST_HEADER] === '1' ? SqlCounter.run(done) : done(),
    );
  }
  installRateLimits(app);
  if (options.runMigrations) {
    const applied = await runMigrations(app.get(DataSource));
    if (applied.length)
      app.get(Logger).log(`applied migrations: ${applied.join(', ')}`, 'Database');
  }
  await app.init();
  await fastify.ready();
  return app;
}
