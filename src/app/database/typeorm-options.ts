import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { BoundedClient } from '../../database/query-timeout.js';
import { MIGRATIONS } from './migrations.js';
import { TypeOrmLogger } from '../../database/typeorm-logger.js';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  connectionTimeoutMs: number;
  statementTimeoutMs: number;
  /** Client-side bound of one statement; default: the statement timeout plus QUERY_TIMEOUT_MARGIN_MS. */
  queryTimeoutMs?: number;
  countStatements?: boolean;
  applicationName?: string;
}

/** How long after the server's statement_timeout the client gives up on a statement that got no answer. */
export const QUERY_TIMEOUT_MARGIN_MS = 2000;
/** TCP keep-alive of the connections to the database: first probe after this long idle. */
const KEEPALIVE_INITIAL_DELAY_MS = 10000;

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
      // A frozen or unreachable server enforces no statement_timeout: the client bounds each statement itself
      // (answered "Query read timeout", mapped to SERVICE_UNAVAILABLE) and BoundedClient closes the connection.
      query_timeout:
        settings.queryTimeoutMs ?? settings.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      Client: BoundedClient,
      // Notices a dead host or a broken network path on idle and busy connections (libuv probes every second
      // after the initial delay, 10 times).
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
    },
  };
}
