import 'reflect-metadata';
import { runWithDatabase } from './command-database.js';
import { runMigrations } from './migrate.js';

/** `npm run migration:run` / `migration:revert`: against DATABASE_URL, or the embedded database under DATA_DIR. */
const command = process.argv[2];
if (command !== 'run' && command !== 'revert') {
  console.error('usage: cli.js run|revert');
  process.exit(1);
}

runWithDatabase(
  // migration:run creates the schema; reverting needs one.
  { createsSchema: command === 'run', applicationName: 'marketplace-migrate' },
  async (database) => {
    const dataSource = database.dataSource();
    await dataSource.initialize();
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    }
  },
);
