import 'reflect-metadata';
import { ConfigError } from '../../config/app-config.js';
import { runMigrations } from './migrate.js';

/** `npm run migration:run` / `migration:revert`: against DATABASE_URL, or the embedded database. */
async function main(command: string | undefined): Promise<void> {
  const { default: dataSource } = await import('./data-source.js');
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'no pending migrations');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else {
      throw new Error('usage: cli.js run|revert');
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError
        ? error.message
        : `migration failed: ${(error as Error).message}`,
    );
    process.exit(1);
  },
);
