import 'reflect-metadata';
import { accessSync, constants } from 'node:fs';
import { ConfigError, loadConfig } from './config/app-config.js';
import { EmbeddedPostgres } from './app/database/embedded-postgres.js';
import { PRODUCTION_NEEDS_URL } from './app/database/command-database.js';
import { createApp } from './app/bootstrap.js';
import { shutdownGracefully } from './common/http/graceful-shutdown.js';
import { warmUpSegmentation } from './challenges/index.js';

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.database.url;
  if (!databaseUrl && config.isProduction) {
    console.error(PRODUCTION_NEEDS_URL);
    process.exit(1);
  }
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({
      baseDir: config.dataDir,
      port: config.database.embeddedPort,
      log: (message) =>
        console.error(
          JSON.stringify({
            level: 30,
            time: Date.now(),
            context: 'EmbeddedPostgres',
            msg: message,
          }),
        ),
    });
    await embedded.start();
    databaseUrl = embedded.url;
  }

  let app;
  try {
    app = await createApp(config, {
      databaseUrl,
      runMigrations: config.database.runMigrations,
      // In development the committed schema.graphql is regenerated (when the checkout is writable).
      schemaFile:
        config.env === 'development' && writable('schema.graphql') ? 'schema.graphql' : false,
    });
  } catch (error) {
    console.error(`Startup failed: ${(error as Error).message}`);
    await embedded?.stop();
    process.exit(1);
  }
  await app.listen({ port: config.http.port, host: config.http.host });
  // The first search or content write would otherwise pay for loading the dictionary (tests skip this).
  warmUpSegmentation();
  const logger = app.getHttpAdapter().getInstance().log;
  logger.info({ url: await app.getUrl(), embeddedDatabase: !!embedded }, 'service started');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs);
    timer.unref();
    try {
      await shutdownGracefully(app, { drainMs: config.http.shutdownDrainMs, logger });
      await embedded?.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main().catch((error: unknown) => {
  console.error(`Startup failed: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
