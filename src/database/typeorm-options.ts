import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { TypeOrmLogger } from './typeorm-logger.js';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  countStatements?: boolean;
  applicationName?: string;
}

/** One definition of the connection for the service, the migration CLI and the tests. */
export function typeormOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logging: settings.countStatements ? ['query', 'error', 'warn'] : ['error', 'warn'],
    logger: new TypeOrmLogger(settings.countStatements ?? false),
    maxQueryExecutionTime: 2000,
    applicationName: settings.applicationName ?? 'marketplace',
    extra: {
      max: settings.poolSize,
      // node-postgres waits forever for a pool connection unless told otherwise.
      connectionTimeoutMillis: settings.connectionTimeoutMs,
      statement_timeout: settings.statementTimeoutMs,
      idle_in_transaction_session_timeout: settings.statementTimeoutMs * 2,
      idleTimeoutMillis: 30000,
    },
  };
}
