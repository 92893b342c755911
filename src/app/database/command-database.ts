import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { typeormOptions } from './typeorm-options.js';

export interface CommandDatabaseOptions {
  /**
   * The command creates the schema itself (the migration commands, seed:scale): it may initialise a new
   * embedded database. Every other command refuses a database without one.
   */
  createsSchema?: boolean;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** Messages of the embedded database (started, reused). */
  log?: (message: string) => void;
  /** Stop a server this command started on SIGINT/SIGTERM and exit (default); false when the caller does it. */
  handleSignals?: boolean;
}

/** The database of one command-line run. */
export interface CommandDatabase {
  config: AppConfig;
  url: string;
  /** True when it is the embedded database under DATA_DIR. */
  embedded: boolean;
  /** A TypeORM data source over it (not yet initialised); close() destroys it. */
  dataSource(): DataSource;
  /** Destroys the data sources and stops the embedded database if this command started it. Idempotent. */
  close(): Promise<void>;
}

/** The command cannot run: one line for the user. */
export class CommandError extends Error {}

/**
 * Opens the database of a command-line tool, the way the service does: DATABASE_URL when set, else the
 * embedded PostgreSQL under DATA_DIR, started only if it is not running. A server this command started is
 * stopped by close(), and also on SIGINT/SIGTERM; one that was already running (the service's) is left alone.
 * Unless the command creates the schema, a database without one is refused before anything is created.
 */
export async function openCommandDatabase(
  options: CommandDatabaseOptions,
): Promise<CommandDatabase> {
  const config = loadConfig(process.env, { signsTokens: false });
  if (config.isProduction && !config.database.url) throw new CommandError(PRODUCTION_NEEDS_URL);
  let server: EmbeddedPostgres | undefined;
  let url = config.database.url;
  const sources: DataSource[] = [];
  let closing: Promise<void> | undefined;
  let starting: Promise<unknown> = Promise.resolve();
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const source of sources) {
        if (source.isInitialized) await source.destroy().catch(() => undefined);
      }
      await server?.stop();
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    // A server being started is stopped once it is up (it would otherwise be left running).
    void starting
      .catch(() => undefined)
      .then(close)
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  if (!url) {
    if (!options.createsSchema && !existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
      throw new CommandError(noSchema(`no database at ${config.dataDir}`));
    }
    server = new EmbeddedPostgres({
      baseDir: config.dataDir,
      port: config.database.embeddedPort,
      log: options.log,
    });
    if (options.handleSignals !== false) {
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }
    try {
      starting = server.start();
      await starting;
      url = server.url;
    } catch (error) {
      await close();
      throw error;
    }
  }

  const database: CommandDatabase = {
    config,
    url,
    embedded: server !== undefined,
    dataSource: () => {
      const source = new DataSource(
        typeormOptions({
          url: url!,
          poolSize: 2,
          connectionTimeoutMs: config.database.connectionTimeoutMs,
          statementTimeoutMs: 600000,
          applicationName: options.applicationName,
        }),
      );
      sources.push(source);
      return source;
    },
    close,
  };
  if (!options.createsSchema) {
    try {
      if (!(await hasSchema(url, options.applicationName))) {
        throw new CommandError(
          server
            ? noSchema(`no schema in the database at ${config.dataDir}`)
            : 'no schema at DATABASE_URL: run npm run migration:run (in the image: node dist/src/app/database/cli.js run), or start the service once with MIGRATIONS_RUN=true',
        );
      }
    } catch (error) {
      await close();
      throw error;
    }
  }
  return database;
}

/** The embedded database is for development: its binaries are not even in the production image. */
export const PRODUCTION_NEEDS_URL =
  'DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development only)';

function noSchema(what: string): string {
  return `${what}: start the service once (npm start) or run npm run migration:run`;
}

/** True when at least one migration has been applied. */
async function hasSchema(url: string, applicationName: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    const { rows } = await client.query<{ table: string | null }>(
      `SELECT to_regclass('migrations')::text AS table`,
    );
    if (!rows[0].table) return false;
    const applied = await client.query(`SELECT 1 FROM migrations LIMIT 1`);
    return applied.rowCount! > 0;
  } finally {
    await client.end();
  }
}

/**
 * Runs a command-line tool with its database: opens it, runs `main`, closes it (also when `main` throws),
 * then exits with the code `main` returns (0 when none). A failure (a CommandError, a ConfigError, any
 * other) prints its message on one line and exits with `failureExitCode` (default 1).
 */
export function runWithDatabase(
  options: CommandDatabaseOptions & { failureExitCode?: number },
  main: (database: CommandDatabase) => Promise<number | void>,
): void {
  const failure = options.failureExitCode ?? 1;
  void (async () => {
    let code: number;
    try {
      const database = await openCommandDatabase(options);
      try {
        code = (await main(database)) ?? 0;
      } finally {
        await database.close();
      }
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      code = failure;
    }
    process.exit(code);
  })();
}
