import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/app-config.js';
import { seedChallenges } from './challenge-seed.js';

/** npm run seed:challenges -- --count 100000 [--issuers 200]: bulk published challenges for the benchmark. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { count: { type: 'string' }, issuers: { type: 'string' } } });
  const count = Number(values.count ?? '10000');
  const issuers = Number(values.issuers ?? '200');
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(issuers) || issuers < 1) throw new Error('usage: npm run seed:challenges -- --count <n> [--issuers <n>]');
  const { default: dataSource } = await import('../database/data-source.js');
  await dataSource.initialize();
  try {
    const started = Date.now();
    const result = await seedChallenges(dataSource.manager, count, issuers);
    console.log(`seeded ${result.challenges} challenges from ${result.issuers} enterprises in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : (error as Error).message);
    process.exit(1);
  },
);
