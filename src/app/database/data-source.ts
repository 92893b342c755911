import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { openCommandDatabase } from './command-database.js';

/**
 * The data source of the TypeORM CLI (`typeorm -d dist/src/app/database/data-source.js ...`):
 * DATABASE_URL when set, else the embedded database under DATA_DIR (started if it is not running, and
 * stopped again when the CLI destroys the data source if it was started here).
 */
async function create(): Promise<DataSource> {
  const database = await openCommandDatabase({
    createsSchema: true,
    applicationName: 'marketplace-cli',
  });
  const dataSource = database.dataSource();
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await database.close();
  };
  return dataSource;
}

export default await create();
