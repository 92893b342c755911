import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { typeormOptions } from './typeorm-options.js';

/**
 * The data source of the TypeORM CLI (`typeorm -d dist/src/app/database/data-source.js ...`):
 * DATABASE_URL when set, else the embedded database under DATA_DIR (started if it is not running).
 */
async function create(): Promise<DataSource> {
  const config = loadConfig();
  let url = config.database.url;
  if (!url) {
    const embedded = new EmbeddedPostgres({
      baseDir: config.dataDir,
      port: config.database.embeddedPort,
    });
    await embedded.start();
    url = embedded.url;
  }
  return new DataSource(
    typeormOptions({
      url,
      poolSize: 2,
      connectionTimeoutMs: config.database.connectionTimeoutMs,
      statementTimeoutMs: 600000,
      applicationName: 'marketplace-cli',
    }),
  );
}

export default await create();
